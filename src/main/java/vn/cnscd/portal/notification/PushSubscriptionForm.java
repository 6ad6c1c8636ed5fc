package vn.cnscd.portal.notification;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A browser's push subscription, as the home page's script fills it in from {@code PushSubscription.toJSON()}:
 * the push service's address and the browser's keys (base64url). The address must be one of the push services
 * the deployment sends to; the keys are checked when the first message is encrypted for them.
 */
class PushSubscriptionForm {

	@NotBlank
	@Size(max = 1000)
	@Pattern(regexp = "https?://[^\\s\"'<>]+")
	private String endpoint;

	@NotBlank
	@Size(max = 100)
	@Pattern(regexp = "[A-Za-z0-9_=-]{80,100}")
	private String p256dh;

	@NotBlank
	@Size(max = 50)
	@Pattern(regexp = "[A-Za-z0-9_=-]{16,50}")
	private String auth;

	public String getEndpoint() {
		return endpoint;
	}

	public void setEndpoint(String endpoint) {
		this.endpoint = endpoint;
	}

	public String getP256dh() {
		return p256dh;
	}

	public void setP256dh(String p256dh) {
		this.p256dh = p256dh;
	}

	public String getAuth() {
		return auth;
	}

	public void setAuth(String auth) {
		this.auth = auth;
	}

}
