package vn.cnscd.portal.notification;

import java.util.List;

import vn.cnscd.portal.account.Recipient;

/**
 * A way out of the portal. It sends nothing, and no delivery is made for it, unless the deployment configured
 * it; then it sends to the targets a recipient chose (an address, a browser).
 */
interface Channel {

	DeliveryChannel type();

	boolean configured();

	/** Where a notification to the recipient goes by this channel, as kept in a delivery's target. */
	List<String> targets(Recipient recipient, Preference preference, List<Preferences.PushSubscription> browsers);

	/** Sends one message; a {@link DeliveryFailure} says why not and whether trying again may help. */
	void send(Outgoing message, String target) throws DeliveryFailure;

	/** A message that did not go out; {@code permanent} when trying again cannot help. */
	final class DeliveryFailure extends Exception {

		private final boolean permanent;

		DeliveryFailure(String reason, boolean permanent) {
			super(reason);
			this.permanent = permanent;
		}

		DeliveryFailure(String reason, Throwable cause) {
			super(reason + ": " + cause, cause);
			this.permanent = false;
		}

		boolean permanent() {
			return permanent;
		}

	}

}
