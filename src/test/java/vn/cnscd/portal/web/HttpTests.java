package vn.cnscd.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.cnscd.portal.IntegrationTest;

/** Through a real HTTP connection: what a browser and an anonymous caller get. */
@IntegrationTest
class HttpTests {

	@LocalServerPort
	int port;

	HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

	HttpResponse<String> get(String path) throws Exception {
		return get(path, "text/html");
	}

	HttpResponse<String> get(String path, String accept) throws Exception {
		return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Accept", accept)
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	void signIn(String username) throws Exception {
		String token = Jsoup.parse(get("/login").body()).selectFirst("input[name=_csrf]").attr("value");
		String form = "username=" + username + "&password=demo1234&_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
		HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.headers().firstValue("Location")).hasValue("/");
	}

	@Test
	void pagesCarryTheSecurityHeaders() throws Exception {
		HttpResponse<String> login = get("/login");
		assertThat(login.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy -> assertThat(policy)
			.contains("script-src 'self'", "frame-ancestors 'none'")
			.doesNotContain("unsafe-inline"));
		assertThat(login.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(login.headers().firstValue("X-Frame-Options")).hasValue("DENY");
		assertThat(login.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
		assertThat(login.headers().allValues("Set-Cookie")).isNotEmpty()
			.allSatisfy(cookie -> assertThat(cookie).contains("HttpOnly").containsIgnoringCase("SameSite=Lax"));
	}

	@Test
	void healthAnswersUpToAnyone() throws Exception {
		HttpResponse<String> health = get("/actuator/health", "application/json");
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).contains("\"status\":\"UP\"");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/actuator", "/actuator/env", "/actuator/info", "/actuator/beans", "/actuator/metrics",
			"/actuator/health/db" })
	void nothingElseOfActuatorIsOpenToAnonymousUsers(String path) throws Exception {
		HttpResponse<String> response = get(path, "application/json");
		assertThat(response.statusCode()).isNotEqualTo(200);
		assertThat(response.body()).doesNotContain("spring.datasource", "\"components\"");
	}

	@Test
	void theSignInPageIsInVietnameseByDefaultAndInEnglishOnRequest() throws Exception {
		assertThat(Jsoup.parse(get("/login").body()).select("h1").text()).isEqualTo("Đăng nhập");
		assertThat(Jsoup.parse(get("/login?lang=en").body()).select("h1").text()).isEqualTo("Sign in");
		assertThat(Jsoup.parse(get("/login").body()).select("h1").text()).isEqualTo("Sign in");
		assertThat(Jsoup.parse(get("/login?lang=vi").body()).select("html").attr("lang")).isEqualTo("vi");
	}

	@Test
	void errorPagesExplainWithoutStackTraces() throws Exception {
		signIn("commune");
		HttpResponse<String> notFound = get("/villages/987654321");
		assertThat(notFound.statusCode()).isEqualTo(404);
		assertThat(Jsoup.parse(notFound.body()).select("h1").text()).isEqualTo("Không tìm thấy trang");

		HttpResponse<String> forbidden = get("/districts/2");
		assertThat(forbidden.statusCode()).isEqualTo(403);
		assertThat(Jsoup.parse(forbidden.body()).select("h1").text()).isEqualTo("Không có quyền truy cập");

		HttpResponse<String> failure = get("/test/failure");
		assertThat(failure.statusCode()).isEqualTo(500);
		assertThat(Jsoup.parse(failure.body()).select("h1").text()).isEqualTo("Hệ thống đang gặp sự cố");
		HttpResponse<String> sqlFailure = get("/test/sql-failure");
		assertThat(sqlFailure.statusCode()).isEqualTo(500);
		assertThat(Jsoup.parse(sqlFailure.body()).select("h1").text()).isEqualTo("Hệ thống đang gặp sự cố");

		HttpResponse<String> badNumber = get("/villages/abc");
		assertThat(badNumber.statusCode()).isEqualTo(400);
		HttpResponse<String> wrongMethod = get("/obstacles/1/answers");
		assertThat(wrongMethod.statusCode()).isEqualTo(405);
		for (HttpResponse<String> response : List.of(notFound, forbidden, failure, sqlFailure, badNumber, wrongMethod)) {
			assertThat(response.body()).as(response.uri().toString())
				.doesNotContainIgnoringCase("exception")
				.doesNotContain("at vn.", "at org.", "secret_table", "SELECT ", "select ", "PSQLException", "Tomcat")
				.contains("<h1");
		}
	}

}
