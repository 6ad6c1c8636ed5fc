package vn.cnscd.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.cnscd.portal.IntegrationTest;

/**
 * Issue #11, item 8: a forged {@code Host: evil.com} is never repeated into a redirect, on the way to the sign-in
 * page, after signing in (to the page asked for before, which Spring Security saved as a full URL), after
 * signing out, or after a form. Sent over a plain socket, since Java's HTTP client will not forge a Host.
 */
@IntegrationTest
class HostHeaderTests {

	static final String EVIL = "evil.com";

	@LocalServerPort
	int port;

	/** A cookie jar of one session. */
	final List<String> cookies = new ArrayList<>();

	record Answer(int status, Optional<String> location, String body) {
	}

	Answer send(String method, String path, String form) throws IOException {
		try (Socket socket = new Socket("localhost", port)) {
			socket.setSoTimeout(60_000);
			StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: " + EVIL
					+ "\r\nAccept: text/html\r\nConnection: close\r\n");
			if (!cookies.isEmpty()) {
				request.append("Cookie: ").append(String.join("; ", cookies)).append("\r\n");
			}
			byte[] body = form == null ? new byte[0] : form.getBytes(StandardCharsets.UTF_8);
			if (form != null) {
				request.append("Content-Type: application/x-www-form-urlencoded\r\nContent-Length: ")
					.append(body.length)
					.append("\r\n");
			}
			request.append("\r\n");
			OutputStream out = socket.getOutputStream();
			out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
			out.write(body);
			out.flush();
			BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
			int status = Integer.parseInt(in.readLine().split(" ")[1]);
			Optional<String> location = Optional.empty();
			for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
				String lower = line.toLowerCase();
				if (lower.startsWith("location:")) {
					location = Optional.of(line.substring("location:".length()).strip());
				}
				if (lower.startsWith("set-cookie:")) {
					String cookie = line.substring("set-cookie:".length()).strip().split(";")[0];
					cookies.removeIf(kept -> kept.startsWith(cookie.substring(0, cookie.indexOf('=') + 1)));
					cookies.add(cookie);
				}
			}
			StringBuilder text = new StringBuilder();
			for (String line = in.readLine(); line != null; line = in.readLine()) {
				text.append(line).append('\n');
			}
			return new Answer(status, location, text.toString());
		}
	}

	static String csrf(String html) {
		Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
		assertThat(token.find()).as("a CSRF token").isTrue();
		return URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
	}

	@Test
	void noRedirectRepeatsAForgedHost() throws Exception {
		Answer toSignIn = send("GET", "/villages/1/reports", null);
		assertThat(toSignIn.status()).isEqualTo(302);
		assertThat(toSignIn.location()).hasValue("/login");

		String token = csrf(send("GET", "/login", null).body());
		Answer signedIn = send("POST", "/login", "username=commune&password=demo1234&_csrf=" + token);
		assertThat(signedIn.status()).isEqualTo(302);
		assertThat(signedIn.location()).as("back to the page asked for").hasValueSatisfying(
				location -> assertThat(location).startsWith("/villages/1/reports").doesNotContain(EVIL));

		Answer home = send("GET", "/", null);
		assertThat(home.status()).isEqualTo(200);
		Answer language = send("GET", "/?lang=en", null);
		assertThat(language.body()).doesNotContain(EVIL);

		Answer signedOut = send("POST", "/logout", "_csrf=" + csrf(home.body()));
		assertThat(signedOut.status()).isEqualTo(302);
		assertThat(signedOut.location()).hasValue("/login?logout");
	}

}
