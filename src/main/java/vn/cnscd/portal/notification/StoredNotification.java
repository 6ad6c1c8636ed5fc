package vn.cnscd.portal.notification;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

/** A notification as kept: what it says is made from these in the reader's language ({@link NotificationText}). */
record StoredNotification(long id, long recipientId, NotificationKind kind, String variant, Long unitId,
		String unitKind, String unitName, YearMonth period, LocalDate dueOn, Integer number, String detail, String link,
		Instant createdAt, Instant readAt) {

	boolean unread() {
		return readAt == null;
	}

}
