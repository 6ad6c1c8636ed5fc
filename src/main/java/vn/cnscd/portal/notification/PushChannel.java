package vn.cnscd.portal.notification;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import com.zerodeplibs.webpush.PushSubscription;
import com.zerodeplibs.webpush.VAPIDKeyPair;
import com.zerodeplibs.webpush.VAPIDKeyPairs;
import com.zerodeplibs.webpush.httpclient.StandardHttpClientRequestPreparer;
import com.zerodeplibs.webpush.key.PrivateKeySources;
import com.zerodeplibs.webpush.key.PublicKeySources;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

import tools.jackson.databind.ObjectMapper;
import vn.cnscd.portal.account.Recipient;

/**
 * Web Push (RFC 8030) to the browsers a user accepted it in, the payload encrypted for each browser (RFC 8291)
 * and the request signed with the deployment's VAPID key pair (RFC 8292): it reaches Chrome on an Android phone
 * while the portal is closed. Off without the key pair. Only the push services configured are written to.
 */
@Component
class PushChannel implements Channel {

	static final String PREFIX = "push:";

	private static final Duration TIMEOUT = Duration.ofSeconds(15);

	private final NotificationProperties properties;

	private final Preferences preferences;

	private final ObjectMapper json;

	private final VAPIDKeyPair keys;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

	PushChannel(NotificationProperties properties, Preferences preferences, ObjectMapper json) {
		this.properties = properties;
		this.preferences = preferences;
		this.json = json;
		NotificationProperties.Push push = properties.push();
		this.keys = push.configured()
				? VAPIDKeyPairs.of(PrivateKeySources.ofPEMText(read(push.privateKey())),
						PublicKeySources.ofPEMText(read(push.publicKey())))
				: null;
	}

	@Override
	public DeliveryChannel type() {
		return DeliveryChannel.PUSH;
	}

	@Override
	public boolean configured() {
		return keys != null;
	}

	/** The public key browsers subscribe with (applicationServerKey), base64url; none when push is off. */
	Optional<String> publicKey() {
		return Optional.ofNullable(keys).map(VAPIDKeyPair::extractPublicKeyInUncompressedFormAsString);
	}

	@Override
	public List<String> targets(Recipient recipient, Preference preference,
			List<Preferences.PushSubscription> browsers) {
		return browsers.stream().map(browser -> PREFIX + browser.id()).toList();
	}

	/** Whether a browser's subscription names one of the push services the portal sends to. */
	boolean allowed(String endpoint) {
		URI uri;
		try {
			uri = URI.create(endpoint);
		}
		catch (IllegalArgumentException notAnAddress) {
			return false;
		}
		if (uri.getHost() == null || uri.getRawUserInfo() != null) {
			return false;
		}
		return properties.push().services().stream().map(URI::create).anyMatch(service -> matches(service, uri));
	}

	private static boolean matches(URI service, URI endpoint) {
		String host = service.getHost() == null ? service.getAuthority() : service.getHost();
		String endpointHost = endpoint.getHost().toLowerCase(Locale.ROOT);
		boolean hostMatches = host.startsWith("*.") ? endpointHost.endsWith(host.substring(1))
				: endpointHost.equals(host.toLowerCase(Locale.ROOT));
		return hostMatches && service.getScheme().equalsIgnoreCase(endpoint.getScheme())
				&& service.getPort() == endpoint.getPort();
	}

	@Override
	public void send(Outgoing message, String target) throws DeliveryFailure {
		long id = Long.parseLong(target.substring(PREFIX.length()));
		Preferences.PushSubscription browser = preferences.subscription(id)
			.orElseThrow(() -> new DeliveryFailure("the browser unsubscribed", true));
		if (!allowed(browser.endpoint())) {
			throw new DeliveryFailure("not a push service of this deployment", true);
		}
		PushSubscription subscription = new PushSubscription();
		subscription.setEndpoint(browser.endpoint());
		PushSubscription.Keys browserKeys = new PushSubscription.Keys();
		browserKeys.setP256dh(browser.p256dh());
		browserKeys.setAuth(browser.auth());
		subscription.setKeys(browserKeys);
		Map<String, String> payload = new LinkedHashMap<>();
		payload.put("title", message.title());
		payload.put("body", message.text());
		payload.put("url", message.url());
		payload.put("tag", "notification-" + message.notificationId());
		HttpRequest request;
		try {
			request = StandardHttpClientRequestPreparer.getBuilder()
				.pushSubscription(subscription)
				.vapidJWTExpiresAfter(15, TimeUnit.MINUTES)
				.vapidJWTSubject(properties.push().subject())
				.pushMessage(json.writeValueAsString(payload))
				.ttl(2, TimeUnit.DAYS)
				.urgencyNormal()
				.build(keys)
				.toRequestBuilder()
				.timeout(TIMEOUT)
				.build();
		}
		catch (RuntimeException badKeys) {
			// keys the browser sent that do not make a P-256 point: this subscription can never be written to
			preferences.forget(id);
			throw new DeliveryFailure("unusable subscription keys: " + badKeys.getMessage(), true);
		}
		int status;
		try {
			status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (IOException failed) {
			throw new DeliveryFailure("push service", failed);
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
			throw new DeliveryFailure("push service: interrupted", false);
		}
		if (status == 404 || status == 410) {
			preferences.forget(id);
			throw new DeliveryFailure("the push service no longer knows this browser (HTTP " + status + ")", true);
		}
		if (status / 100 != 2) {
			boolean permanent = status / 100 == 4 && status != 408 && status != 429;
			throw new DeliveryFailure("push service answered HTTP " + status, permanent);
		}
	}

	private static String read(Resource resource) {
		try (InputStream in = resource.getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
		}
		catch (IOException unreadable) {
			throw new UncheckedIOException("Cannot read the VAPID key " + resource, unreadable);
		}
	}

}
