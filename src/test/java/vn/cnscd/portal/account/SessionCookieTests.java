package vn.cnscd.portal.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import vn.cnscd.portal.PortalApplication;
import vn.cnscd.portal.TestDatabase;

/**
 * In production, behind the HTTPS proxy, the session cookie is sent only over HTTPS, hidden from scripts and
 * kept off other sites' requests: the servlet container's cookie, and Spring Session's under {@code cluster}.
 */
class SessionCookieTests {

	@ParameterizedTest
	@CsvSource({ "prod, JSESSIONID", "'prod,cluster', SESSION" })
	void theSessionCookieIsSecureHttpOnlyAndSameSite(String profiles, String cookie) throws Exception {
		try (ConfigurableApplicationContext portal = new SpringApplicationBuilder(PortalApplication.class).run(
				"--spring.profiles.active=" + profiles, "--spring.datasource.url=" + TestDatabase.url(),
				"--spring.datasource.username=" + TestDatabase.user(),
				"--spring.datasource.password=" + TestDatabase.password(), "--server.port=0",
				"--portal.database-check=false", "--spring.main.banner-mode=off")) {
			int port = Integer.parseInt(portal.getEnvironment().getRequiredProperty("local.server.port"));
			// as the proxy in front of the portal forwards an HTTPS request
			HttpResponse<String> login = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
					.header("X-Forwarded-Proto", "https")
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(login.statusCode()).isEqualTo(200);
			List<String> session = login.headers()
				.allValues("Set-Cookie")
				.stream()
				.filter(value -> value.startsWith(cookie + "="))
				.toList();
			assertThat(session).singleElement()
				.satisfies(value -> assertThat(value).contains("; Secure", "; HttpOnly").containsIgnoringCase("; SameSite=Lax"));
		}
	}

}
