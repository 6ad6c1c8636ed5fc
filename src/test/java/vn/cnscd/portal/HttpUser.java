package vn.cnscd.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * Someone using the portal over real HTTP, as a browser does: their own cookies (kept per host, so that the
 * same cookies go to every instance on localhost, as behind a load balancer), HTML asked for, redirects not
 * followed so that a test sees what the portal answered.
 */
public final class HttpUser {

	private final CookieManager cookies;

	private final HttpClient http;

	private final int port;

	public HttpUser(int port) {
		this(new CookieManager(), port);
	}

	private HttpUser(CookieManager cookies, int port) {
		this(cookies, HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.cookieHandler(cookies)
			.connectTimeout(Duration.ofSeconds(10))
			.build(), port);
	}

	private HttpUser(CookieManager cookies, HttpClient http, int port) {
		this.cookies = cookies;
		this.http = http;
		this.port = port;
	}

	/** The same person, with the same cookies, talking to the instance on another port. */
	public HttpUser onPort(int otherPort) {
		return new HttpUser(this.cookies, this.http, otherPort);
	}

	/** The value of a cookie the portal set, if it did. */
	public Optional<String> cookie(String name) {
		return this.cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter(cookie -> cookie.getName().equals(name))
			.map(HttpCookie::getValue)
			.findFirst();
	}

	/** Signs in through the sign-in form, and fails the test if the portal refuses. */
	public void signIn(String username, String password) {
		String token = csrfToken(get("/login").body());
		HttpResponse<String> signedIn = post("/login",
				"username=" + encode(username) + "&password=" + encode(password) + "&_csrf=" + encode(token));
		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("/login");
	}

	public HttpResponse<String> get(String path) {
		return send(request(path).GET().build());
	}

	/** Posts a form, given URL-encoded ({@link #encode(String)}). */
	public HttpResponse<String> post(String path, String form) {
		return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build());
	}

	/** Posts a file as a form with one file field ({@code file}) and the CSRF token, as an upload form does. */
	public HttpResponse<String> upload(String path, String csrfToken, String fileName, byte[] content) {
		String boundary = "portal-test-" + System.nanoTime();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrfToken
				+ "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build());
	}

	/** Saves what the path answers to a file, however long it takes to make (a large export, say). */
	public HttpResponse<Path> download(String path, Path file) {
		try {
			return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
					HttpResponse.BodyHandlers.ofFile(file));
		}
		catch (IOException failure) {
			throw new UncheckedIOException(failure);
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(interrupted);
		}
	}

	/** The CSRF token of the first form of a page. */
	public static String csrfToken(String html) {
		Element token = Jsoup.parse(html).selectFirst("input[name=_csrf]");
		assertThat(token).as("a form with a CSRF token").isNotNull();
		return token.attr("value");
	}

	public static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Accept", "text/html")
			.timeout(Duration.ofSeconds(60));
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException failure) {
			throw new UncheckedIOException(failure);
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(interrupted);
		}
	}

}
