package vn.cnscd.portal.notification;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * The channels outside the portal, each off until the deployment configures it: e-mail needs
 * {@code spring.mail.host} and {@code mail.from}; Web Push the VAPID key pair; the webhook its URL and secret.
 * {@code baseUrl} is the portal's public address, which links in e-mails and webhook bodies start with.
 */
@ConfigurationProperties("portal.notifications")
record NotificationProperties(URI baseUrl, @DefaultValue Mail mail, @DefaultValue Push push,
		@DefaultValue Webhook webhook, @DefaultValue Delivery delivery) {

	/** {@code from}: the sender of the portal's e-mails. */
	record Mail(String from) {
	}

	/**
	 * The deployment's VAPID key pair as PEM files (a PKCS#8 private key and its X.509 public key, see the README),
	 * the contact the push services see ({@code subject}, mailto: or https:), and the push services the portal
	 * sends to: a browser's subscription to any other address is refused.
	 */
	record Push(Resource publicKey, Resource privateKey, @DefaultValue("mailto:admin@localhost") String subject,
			@DefaultValue({ "https://fcm.googleapis.com", "https://updates.push.services.mozilla.com",
					"https://web.push.apple.com", "https://*.notify.windows.com" }) List<String> services) {

		boolean configured() {
			return publicKey != null && privateKey != null;
		}

	}

	/** The deployment's gateway (SMS, Zalo Official Account) and the secret its requests are signed with. */
	record Webhook(URI url, String secret, @DefaultValue("10s") Duration timeout) {

		boolean configured() {
			return url != null && secret != null && !secret.isBlank();
		}

	}

	/**
	 * How often due deliveries are looked for, how long the first retry waits (each next one four times longer,
	 * at most {@code maxWait}), and after how many attempts a delivery is given up.
	 */
	record Delivery(@DefaultValue("20s") Duration interval, @DefaultValue("1m") Duration firstRetry,
			@DefaultValue("6h") Duration maxWait, @DefaultValue("6") int maxAttempts) {

		Duration retryAfter(int attempts) {
			Duration wait = firstRetry;
			for (int i = 1; i < attempts && wait.compareTo(maxWait) < 0; i++) {
				wait = wait.multipliedBy(4);
			}
			return wait.compareTo(maxWait) > 0 ? maxWait : wait;
		}

	}

	/** The address of a page of the portal for those outside it; the path alone where no base URL is set. */
	String absolute(String path) {
		if (baseUrl == null) {
			return path;
		}
		String base = baseUrl.toString();
		return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
	}

}
