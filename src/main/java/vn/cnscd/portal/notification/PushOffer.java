package vn.cnscd.portal.notification;

import org.springframework.stereotype.Service;

/**
 * Whether a page offers Web Push to the user, and with which key: only where the deployment has its VAPID keys.
 * The home page offers it to village heads, the settings page to everyone.
 */
@Service
public class PushOffer {

	private final PushChannel push;

	PushOffer(PushChannel push) {
		this.push = push;
	}

	/** What the subscribing form needs: the key browsers subscribe with; none where push is off. */
	public record Offer(String publicKey) {
	}

	/** The offer, or {@code null} where the deployment has no VAPID keys. */
	public Offer offer() {
		return push.publicKey().map(Offer::new).orElse(null);
	}

}
