package vn.cnscd.portal.notification;

import java.time.Instant;
import java.time.YearMonth;

import vn.cnscd.portal.account.Recipient;

/**
 * A notification as it leaves the portal, in its recipient's language: {@code deliveryId} stays the same across
 * the retries of one delivery, so a receiver can tell a retry from a new message; {@code url} is absolute where
 * the deployment set its base URL.
 */
record Outgoing(long deliveryId, long notificationId, NotificationKind kind, Recipient recipient, String title,
		String text, String url, Long unitId, String unitKind, String unitName, YearMonth period, Instant createdAt) {

}
