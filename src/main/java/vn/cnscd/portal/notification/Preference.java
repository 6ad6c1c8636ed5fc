package vn.cnscd.portal.notification;

import java.util.Set;

/** What a user chose: an e-mail address and whether to use it, the gateway (webhook), the kinds turned off. */
record Preference(long userId, String email, boolean emailEnabled, boolean webhookEnabled,
		Set<NotificationKind> muted, long version) {

	Preference {
		muted = Set.copyOf(muted);
	}

	static Preference none(long userId) {
		return new Preference(userId, null, false, false, Set.of(), -1);
	}

	boolean wants(NotificationKind kind) {
		return kind.security() || !muted.contains(kind);
	}

}
