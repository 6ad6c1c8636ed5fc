package vn.cnscd.portal.notification;

import java.util.EnumSet;
import java.util.Set;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import vn.cnscd.portal.area.HiddenField;

/** A user's choices: the language they are written to in, an e-mail address, the channels and the kinds. */
class NotificationSettingsForm {

	@NotNull
	@Size(max = 2)
	@Pattern(regexp = "vi|en")
	private String language = "vi";

	/** Plain addresses only: nothing a page or a mail header could take for markup. */
	@Size(max = 254)
	@Pattern(regexp = "|[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}",
			message = "{notifications.email.invalid}")
	private String email;

	private boolean emailEnabled;

	private boolean webhookEnabled;

	@Size(max = 30)
	private Set<NotificationKind> enabledKinds = EnumSet.noneOf(NotificationKind.class);

	@HiddenField
	private long version = -1;

	public String getLanguage() {
		return language;
	}

	public void setLanguage(String language) {
		this.language = language;
	}

	public String getEmail() {
		return email;
	}

	public void setEmail(String email) {
		this.email = email == null ? null : email.strip();
	}

	public boolean isEmailEnabled() {
		return emailEnabled;
	}

	public void setEmailEnabled(boolean emailEnabled) {
		this.emailEnabled = emailEnabled;
	}

	public boolean isWebhookEnabled() {
		return webhookEnabled;
	}

	public void setWebhookEnabled(boolean webhookEnabled) {
		this.webhookEnabled = webhookEnabled;
	}

	public Set<NotificationKind> getEnabledKinds() {
		return enabledKinds;
	}

	public void setEnabledKinds(Set<NotificationKind> enabledKinds) {
		this.enabledKinds = enabledKinds == null ? EnumSet.noneOf(NotificationKind.class) : enabledKinds;
	}

	public long getVersion() {
		return version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

}
