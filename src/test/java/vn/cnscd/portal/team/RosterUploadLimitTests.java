package vn.cnscd.portal.team;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
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
import vn.cnscd.portal.area.UnitLevel;
import vn.cnscd.portal.area.UnitService;
import vn.cnscd.portal.area.UnitSummary;

/**
 * Through a real HTTP connection, since only a real server reads multipart bodies and enforces the servlet's
 * upload limit: a file over it gets the import page with the too-large message, not an error page.
 */
@IntegrationTest
class RosterUploadLimitTests {

	@LocalServerPort
	int port;

	@Autowired
	UnitService units;

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
	void aFileOverTheServletLimitGetsTheTooLargeMessageAndNothingIsImported() throws Exception {
		UnitSummary tuKy = units.findOpen(UnitLevel.COMMUNE, "11074").orElseThrow();
		String page = tuKy.url() + "/roster-import";
		long members = jdbc.sql("SELECT count(*) FROM team_member").query(Long.class).single();
		signIn("commune");
		Document form = Jsoup.parse(get(page).body());
		String action = form.selectFirst("form[enctype=multipart/form-data]").attr("action");

		String boundary = "roster-boundary";
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"lon.xlsx\"\r\n"
				+ "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.writeBytes(new byte[7 * 1024 * 1024]);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> upload = client.send(HttpRequest.newBuilder(uri(action))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(upload.statusCode()).isEqualTo(302);
		String location = upload.headers().firstValue("Location").orElseThrow();
		// redirects carry the path only (issue #11, item 8)
		assertThat(location).isEqualTo(page + "?refused=tooLarge");
		Document shown = Jsoup.parse(get(page + "?refused=tooLarge").body());
		assertThat(shown.select(".alert-error").text()).startsWith("Tệp lớn hơn 5 MB nên không được nhận.");
		assertThat(jdbc.sql("SELECT count(*) FROM team_member").query(Long.class).single()).isEqualTo(members);
	}

	@Test
	void anUploadSentInChunksWithoutALengthOverTheServletLimitGetsTheTooLargeMessageToo() throws Exception {
		UnitSummary tuKy = units.findOpen(UnitLevel.COMMUNE, "11074").orElseThrow();
		String page = tuKy.url() + "/roster-import";
		long members = jdbc.sql("SELECT count(*) FROM team_member").query(Long.class).single();
		signIn("commune");
		Document form = Jsoup.parse(get(page).body());
		String token = form.selectFirst("input[name=_csrf]").attr("value");
		String boundary = "roster-boundary";
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token
				+ "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"lon.csv\"\r\n"
				+ "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.writeBytes(new byte[12 * 1024 * 1024]);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		byte[] bytes = body.toByteArray();
		// a stream of unknown length: sent chunked, so that no filter can decide on the declared length
		HttpResponse<String> upload = client.send(HttpRequest.newBuilder(uri(page))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(upload.statusCode()).as(upload.body()).isEqualTo(302);
		assertThat(upload.headers().firstValue("Location").orElseThrow()).endsWith(page + "?refused=tooLarge");
		assertThat(jdbc.sql("SELECT count(*) FROM team_member").query(Long.class).single()).isEqualTo(members);
	}

}
