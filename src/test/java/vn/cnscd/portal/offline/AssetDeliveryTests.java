package vn.cnscd.portal.offline;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import javax.imageio.ImageIO;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.json.Json;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

import vn.cnscd.portal.IntegrationTest;

/**
 * What a phone downloads, over real HTTP: compressed pages that are never kept, assets under hashed addresses
 * kept for a year, the service worker and the manifest at fixed addresses (issue #15, items 3, 5 and 6).
 */
@IntegrationTest
class AssetDeliveryTests {

	@LocalServerPort
	int port;

	@Autowired
	ResourceUrlProvider resourceUrls;

	HttpClient http = HttpClient.newHttpClient();

	@Test
	void pagesAreCompressedAndNeverKeptWhileTheirAssetsAreHashedAndKeptAYear() throws Exception {
		HttpResponse<byte[]> login = get("/login");
		assertThat(login.headers().firstValue("Content-Encoding")).hasValue("gzip");
		assertThat(login.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
		Document page = Jsoup.parse(text(login));
		List<String> assets = List.of(page.selectFirst("link[rel=stylesheet]").attr("href"),
				page.selectFirst("script[src]").attr("src"), page.selectFirst("link[rel=icon]").attr("href"));
		for (String asset : assets) {
			assertThat(asset).as(asset).matches(".*-[0-9a-f]{32}\\.(css|js|svg)");
			HttpResponse<byte[]> response = get(asset);
			assertThat(response.statusCode()).as(asset).isEqualTo(200);
			assertThat(response.headers().firstValue("Cache-Control").orElseThrow()).as(asset)
				.contains("max-age=31536000", "public", "immutable")
				.doesNotContain("no-store");
			assertThat(response.headers().firstValue("Content-Encoding")).as(asset).hasValue("gzip");
		}
	}

	/**
	 * Every link a page writes passes the resource chain, which asks each asset handler whose pattern matches it
	 * whether the link is one of its files: a handler of every address ("/**", Spring Boot's default) would look
	 * each of a dashboard's hundreds of links up on the classpath.
	 */
	@Test
	void onlyTheAssetFoldersAreAskedWhetherALinkIsAFile() {
		assertThat(resourceUrls.getHandlerMap()).containsOnlyKeys("/css/**", "/js/**", "/icons/**");
		assertThat(resourceUrls.getForLookupPath("/districts/1/dashboard")).isNull();
	}

	@Test
	void theServiceWorkerKeepsTheHashedAssetsAndIsAskedForAgainEachTime() throws Exception {
		HttpResponse<byte[]> worker = get("/sw.js");
		assertThat(worker.statusCode()).isEqualTo(200);
		assertThat(worker.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/javascript");
		assertThat(worker.headers().firstValue("Cache-Control")).hasValue("no-cache");
		String script = text(worker);
		Document page = Jsoup.parse(text(get("/login")));
		assertThat(script).contains("'" + page.selectFirst("link[rel=stylesheet]").attr("href") + "'",
				"'" + page.selectFirst("script[src]").attr("src") + "'");
	}

	@Test
	@SuppressWarnings("unchecked")
	void theManifestNamesThePortalItsColourItsIconsAndItsHomePage() throws Exception {
		Document page = Jsoup.parse(text(get("/login")));
		assertThat(page.selectFirst("link[rel=manifest]").attr("href")).isEqualTo("/manifest.webmanifest");
		assertThat(page.selectFirst("meta[name=theme-color]").attr("content")).isEqualTo("#a51d24");
		HttpResponse<byte[]> response = get("/manifest.webmanifest");
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/manifest+json");
		Map<String, Object> manifest = new Json().toType(text(response), Map.class);
		assertThat(manifest).containsEntry("name", "Cổng thông tin Tổ Công nghệ số cộng đồng")
			.containsEntry("short_name", "Tổ CNSCĐ")
			.containsEntry("start_url", "/")
			.containsEntry("display", "standalone")
			.containsEntry("theme_color", "#a51d24");
		List<Map<String, Object>> icons = (List<Map<String, Object>>) manifest.get("icons");
		assertThat(icons).extracting(icon -> icon.get("sizes")).contains("192x192", "512x512");
		for (Map<String, Object> icon : icons) {
			HttpResponse<byte[]> image = get((String) icon.get("src"));
			assertThat(image.statusCode()).isEqualTo(200);
			assertThat(image.headers().firstValue("Content-Type").orElseThrow()).isEqualTo(icon.get("type"));
			if ("image/png".equals(icon.get("type"))) {
				BufferedImage picture = ImageIO.read(new ByteArrayInputStream(image.body()));
				assertThat(picture.getWidth() + "x" + picture.getHeight()).isEqualTo(icon.get("sizes"));
			}
		}
	}

	private HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Accept-Encoding", "gzip")
			.header("Accept", "text/html,*/*")
			.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	private static String text(HttpResponse<byte[]> response) throws IOException {
		boolean gzip = response.headers().firstValue("Content-Encoding").filter("gzip"::equals).isPresent();
		try (InputStream in = gzip ? new GZIPInputStream(new ByteArrayInputStream(response.body()))
				: new ByteArrayInputStream(response.body())) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
