package vn.cnscd.portal.notification;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

import tools.jackson.databind.ObjectMapper;
import vn.cnscd.portal.account.Recipient;

/**
 * The deployment's outgoing webhook, which its SMS or Zalo Official Account gateway receives: one POST of a JSON
 * body per message, signed with HMAC-SHA256 over {@code <timestamp>.<body>} with the shared secret (the README
 * documents the body and the signature). Offered to users with a phone number, off without a URL and a secret.
 */
@Component
class WebhookChannel implements Channel {

	static final String TARGET = "webhook";

	static final String SIGNATURE = "X-CNSCD-Signature";

	static final String TIMESTAMP = "X-CNSCD-Timestamp";

	static final String DELIVERY = "X-CNSCD-Delivery";

	private final NotificationProperties properties;

	private final ObjectMapper json;

	private final Clock clock;

	private final HttpClient http;

	WebhookChannel(NotificationProperties properties, ObjectMapper json, Clock clock) {
		this.properties = properties;
		this.json = json;
		this.clock = clock;
		this.http = HttpClient.newBuilder().connectTimeout(properties.webhook().timeout()).build();
	}

	@Override
	public DeliveryChannel type() {
		return DeliveryChannel.WEBHOOK;
	}

	@Override
	public boolean configured() {
		return properties.webhook().configured();
	}

	@Override
	public List<String> targets(Recipient recipient, Preference preference,
			List<Preferences.PushSubscription> browsers) {
		return preference.webhookEnabled() && recipient.phone() != null ? List.of(TARGET) : List.of();
	}

	@Override
	public void send(Outgoing message, String target) throws DeliveryFailure {
		String body = json.writeValueAsString(body(message));
		String timestamp = String.valueOf(clock.instant().getEpochSecond());
		HttpRequest request = HttpRequest.newBuilder(properties.webhook().url())
			.timeout(properties.webhook().timeout())
			.header("Content-Type", "application/json; charset=utf-8")
			.header(TIMESTAMP, timestamp)
			.header(DELIVERY, String.valueOf(message.deliveryId()))
			.header(SIGNATURE, "sha256=" + sign(properties.webhook().secret(), timestamp, body))
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
			.build();
		int status;
		try {
			status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (IOException failed) {
			throw new DeliveryFailure("webhook", failed);
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
			throw new DeliveryFailure("webhook: interrupted", false);
		}
		if (status / 100 != 2) {
			// the gateway refused this message (4xx) and will refuse it again; other answers may pass later
			boolean permanent = status / 100 == 4 && status != 408 && status != 429;
			throw new DeliveryFailure("webhook answered HTTP " + status, permanent);
		}
	}

	/** The documented body (README, "Webhook"): keep the two in step. */
	private static Map<String, Object> body(Outgoing message) {
		Recipient recipient = message.recipient();
		Map<String, Object> to = new LinkedHashMap<>();
		to.put("id", recipient.id());
		to.put("username", recipient.username());
		to.put("fullName", recipient.fullName());
		to.put("phone", recipient.phone());
		to.put("role", recipient.role().name());
		Map<String, Object> unit = null;
		if (message.unitId() != null) {
			unit = new LinkedHashMap<>();
			unit.put("id", message.unitId());
			unit.put("kind", message.unitKind());
			unit.put("name", message.unitName());
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("delivery", message.deliveryId());
		body.put("notification", message.notificationId());
		body.put("kind", message.kind().name());
		body.put("createdAt", message.createdAt().toString());
		body.put("language", recipient.language().getLanguage());
		body.put("recipient", to);
		body.put("unit", unit);
		body.put("period", message.period() == null ? null : message.period().toString());
		body.put("text", message.text());
		body.put("url", message.url());
		return body;
	}

	/** Lower-case hex of HMAC-SHA256(secret, timestamp + "." + body), all UTF-8. */
	static String sign(String secret, String timestamp, String body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException impossible) {
			throw new IllegalStateException("HmacSHA256 is in every JDK", impossible);
		}
	}

}
