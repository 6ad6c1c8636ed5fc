package vn.cnscd.portal.offline;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * The service worker and the web app manifest, both at fixed addresses (a browser finds a worker again only
 * there) and never cached for long: the worker is written with the hashed addresses of the assets it keeps,
 * so that a changed asset changes the worker, which the browser then installs anew.
 */
@Controller
class ServiceWorkerController {

	/** What the report form needs to open without a connection. */
	static final List<String> ASSETS = List.of("/css/app.css", "/js/app.js", "/icons/favicon.svg", "/icons/icon.svg",
			"/icons/icon-192.png");

	/** The portal's red, as in the CSS and the icons. */
	static final String COLOUR = "#a51d24";

	private final ResourceUrlProvider urls;

	private final MessageSource messages;

	private final String source;

	ServiceWorkerController(ResourceUrlProvider urls, MessageSource messages) {
		this.urls = urls;
		this.messages = messages;
		try (InputStream in = new ClassPathResource("service-worker/sw.js").getInputStream()) {
			this.source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException missing) {
			throw new UncheckedIOException(missing);
		}
	}

	@GetMapping("/sw.js")
	ResponseEntity<String> worker(HttpServletRequest request) {
		List<String> assets = ASSETS.stream().map(asset -> hashed(request, asset)).toList();
		String list = assets.stream().map(asset -> "'" + asset + "'").collect(Collectors.joining(", "));
		String version = digest(String.join("\n", assets) + source).substring(0, 16);
		String script = "var ASSETS = [" + list + "];\nvar VERSION = '" + version + "';\n" + source;
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "javascript", StandardCharsets.UTF_8))
			.cacheControl(CacheControl.noCache())
			.body(script);
	}

	/** What "Thêm vào màn hình chính" needs: the portal's name and colour, its icons, and its home page. */
	@GetMapping("/manifest.webmanifest")
	ResponseEntity<Map<String, Object>> manifest(HttpServletRequest request, Locale locale) {
		Map<String, Object> manifest = new LinkedHashMap<>();
		manifest.put("name", messages.getMessage("app.name", null, locale));
		manifest.put("short_name", messages.getMessage("app.shortName", null, locale));
		manifest.put("lang", locale.getLanguage());
		manifest.put("start_url", request.getContextPath() + "/");
		manifest.put("scope", request.getContextPath() + "/");
		manifest.put("display", "standalone");
		manifest.put("theme_color", COLOUR);
		manifest.put("background_color", "#ffffff");
		manifest.put("icons", List.of(
				Map.of("src", hashed(request, "/icons/icon-192.png"), "sizes", "192x192", "type", "image/png",
						"purpose", "any maskable"),
				Map.of("src", hashed(request, "/icons/icon-512.png"), "sizes", "512x512", "type", "image/png",
						"purpose", "any maskable"),
				Map.of("src", hashed(request, "/icons/icon.svg"), "sizes", "any", "type", "image/svg+xml")));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/manifest+json"))
			.cacheControl(CacheControl.noCache())
			.body(manifest);
	}

	private String hashed(HttpServletRequest request, String asset) {
		String url = urls.getForLookupPath(asset);
		if (url == null) {
			throw new IllegalStateException("No asset " + asset);
		}
		return request.getContextPath() + url;
	}

	private static String digest(String text) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException impossible) {
			throw new IllegalStateException(impossible);
		}
	}

}
