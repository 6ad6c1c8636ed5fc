package vn.cnscd.portal.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.cnscd.portal.HttpUser;
import vn.cnscd.portal.IntegrationTest;

/**
 * Issue #12 item 14: whoever asked for a page before signing in lands on it, at the address they asked for
 * (no "?continue" the user did not write), and that address then shows the page.
 */
@IntegrationTest
class SignInLandingTests {

	@LocalServerPort
	int port;

	@Test
	void afterSignInTheAddressIsTheOneAskedFor() {
		for (String asked : new String[] { "/", "/reports", "/obstacles?status=OPEN" }) {
			HttpUser user = new HttpUser(port);
			HttpResponse<String> refused = user.get(asked);
			assertThat(refused.statusCode()).isEqualTo(302);
			assertThat(refused.headers().firstValue("Location").orElse("")).endsWith("/login");

			String token = HttpUser.csrfToken(user.get("/login").body());
			HttpResponse<String> signedIn = user.post("/login",
					"username=district&password=demo1234&_csrf=" + HttpUser.encode(token));
			assertThat(signedIn.statusCode()).isEqualTo(302);
			URI landing = URI.create(signedIn.headers().firstValue("Location").orElseThrow());
			String path = landing.getRawPath() + (landing.getRawQuery() == null ? "" : "?" + landing.getRawQuery());
			assertThat(path).as("landing after asking for " + asked).isEqualTo(asked);
			// the page itself, or where it sends a signed-in user (/reports leads to the user's own area)
			HttpResponse<String> shown = user.get(path);
			assertThat(shown.statusCode()).isIn(200, 302);
			assertThat(shown.headers().firstValue("Location").orElse("")).doesNotContain("/login");
		}
	}

}
