package vn.cnscd.portal.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.cnscd.portal.HttpUser;
import vn.cnscd.portal.PortalApplication;
import vn.cnscd.portal.TestDatabase;

/**
 * Issue #11, item 3: behind a reverse proxy, sign-ins are throttled by the client address the proxy forwards in
 * X-Forwarded-For only when the {@code prod} profile names the proxy ({@code portal.trusted-proxy}); otherwise
 * the header is anyone's to write and is not believed. Two instances under {@code prod}, one naming this machine
 * as its proxy and one naming none.
 */
class TrustedProxyTests {

	/** No account has this name: the throttle counts typed usernames all the same. */
	private static final String USERNAME = "quaproxy";

	private static ConfigurableApplicationContext behindProxy;

	private static ConfigurableApplicationContext direct;

	@BeforeAll
	static void startThem() {
		behindProxy = instance("--portal.trusted-proxy=127.0.0.1/32, ::1/128");
		direct = instance();
		forgetTheAttempts();
	}

	/** Other tests sign in from this machine too: each starts its count afresh. */
	private static void forgetTheAttempts() {
		behindProxy.getBean(JdbcClient.class)
			.sql("DELETE FROM sign_in_throttle WHERE key IN ('127.0.0.1', '0:0:0:0::/64', :username) OR key LIKE '203.0.113.%'")
			.param("username", USERNAME)
			.update();
	}

	/** The session cookie is made plain HTTP here, where prod would keep it to HTTPS. */
	private static ConfigurableApplicationContext instance(String... more) {
		String[] arguments = { "--spring.profiles.active=prod", "--spring.datasource.url=" + TestDatabase.url(),
				"--spring.datasource.username=" + TestDatabase.user(), "--spring.datasource.password=" + TestDatabase.password(),
				"--server.port=0", "--portal.database-check=false", "--spring.main.banner-mode=off",
				"--server.servlet.session.cookie.secure=false" };
		String[] all = new String[arguments.length + more.length];
		System.arraycopy(arguments, 0, all, 0, arguments.length);
		System.arraycopy(more, 0, all, arguments.length, more.length);
		return new SpringApplicationBuilder(PortalApplication.class).run(all);
	}

	@AfterAll
	static void stopThem() {
		try {
			forgetTheAttempts();
		}
		finally {
			try {
				behindProxy.close();
			}
			finally {
				direct.close();
			}
		}
	}

	/** Where a wrong password sent with the given X-Forwarded-For was sent. */
	private static String wrongPassword(ConfigurableApplicationContext instance, String forwardedFor) throws Exception {
		int port = Integer.parseInt(instance.getEnvironment().getRequiredProperty("local.server.port"));
		HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		String page = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
			.header("X-Forwarded-For", forwardedFor)
			.build(), HttpResponse.BodyHandlers.ofString()).body();
		HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
			.header("X-Forwarded-For", forwardedFor)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=" + USERNAME + "&password=wrong-password&_csrf="
					+ HttpUser.encode(HttpUser.csrfToken(page))))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(answer.statusCode()).isEqualTo(302);
		return answer.headers().firstValue("Location").orElseThrow();
	}

	@Test
	void theForwardedAddressCountsWhenTheProxyIsTrusted() throws Exception {
		for (int i = 0; i < 5; i++) {
			assertThat(wrongPassword(behindProxy, "203.0.113.7")).isEqualTo("/login?error");
		}
		assertThat(wrongPassword(behindProxy, "203.0.113.7")).startsWith("/login?throttled&wait=");
		assertThat(wrongPassword(behindProxy, "203.0.113.8")).as("another client behind the proxy").isEqualTo("/login?error");
	}

	@Test
	void aForwardedHeaderIsAnyonesToWriteWhenNoProxyIsNamed() throws Exception {
		for (int i = 0; i < 5; i++) {
			assertThat(wrongPassword(direct, "203.0.113." + (20 + i))).isEqualTo("/login?error");
		}
		assertThat(wrongPassword(direct, "203.0.113.30")).as("the same connection, whatever it claims")
			.startsWith("/login?throttled&wait=");
	}

}
