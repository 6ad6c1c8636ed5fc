package vn.cnscd.portal.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.cnscd.portal.IntegrationTest;

/**
 * Through a real HTTP connection, since only a real server enforces the servlet's upload limit: a plan file
 * over it gets the plan page with the too-large message, not a bare 413.
 */
@IntegrationTest
class PlanUploadLimitTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

	URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	HttpResponse<String> get(String path) throws Exception {
		return client.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
	}

	void signIn(String username) throws Exception {
		String token = Jsoup.parse(get("/login").body()).selectFirst("input[name=_csrf]").attr("value");
		String form = "username=" + username + "&password=demo1234&_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
		client.send(HttpRequest.newBuilder(uri("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.discarding());
	}

	@Test
	void aFileOverTheServletLimitGetsTheTooLargeMessage() throws Exception {
		long team = jdbc.sql("""
				SELECT t.id FROM team t JOIN unit u ON u.id = t.unit_id WHERE u.code = '11074-01' ORDER BY t.id LIMIT 1""")
			.query(Long.class)
			.single();
		String page = "/teams/" + team + "/plans/2032";
		signIn("commune");
		String action = Jsoup.parse(get(page).body()).selectFirst("form[enctype=multipart/form-data]").attr("action");

		String boundary = "plan-boundary";
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"lon.pdf\"\r\n"
				+ "Content-Type: application/pdf\r\n\r\n%PDF-1.7\n").getBytes(StandardCharsets.UTF_8));
		body.writeBytes(new byte[12 * 1024 * 1024]);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> upload = client.send(HttpRequest.newBuilder(uri(action))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(upload.statusCode()).isEqualTo(302);
		// redirects carry the path only (issue #11, item 8)
		assertThat(upload.headers().firstValue("Location").orElseThrow()).isEqualTo(page + "?refused=tooLarge");
		Document shown = Jsoup.parse(get(page + "?refused=tooLarge").body());
		assertThat(shown.select(".alert-error").text()).isEqualTo("Tệp lớn hơn 10 MB nên không được nhận.");
		assertThat(jdbc.sql("SELECT count(*) FROM activity_plan WHERE team_id = :team AND year = 2032")
			.param("team", team).query(Long.class).single()).isZero();
	}

}
