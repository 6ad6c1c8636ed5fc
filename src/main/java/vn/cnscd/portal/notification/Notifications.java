package vn.cnscd.portal.notification;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import vn.cnscd.portal.account.Recipient;

/**
 * The notifications of each user, and their deliveries outside the portal. Sending writes the notification and
 * one delivery per channel the recipient chose (and the deployment configured); the deliveries go out later
 * ({@link DeliveryWorker}), so a slow or broken channel never holds up what caused the notification.
 */
@Service
@Transactional(readOnly = true)
class Notifications {

	static final int PAGE_SIZE = 20;

	/** The count in the navigation stops here ("99+"): counting further would cost more than it tells. */
	static final int COUNT_LIMIT = 99;

	private final JdbcClient jdbc;

	private final Preferences preferences;

	private final List<Channel> channels;

	private final Clock clock;

	Notifications(JdbcClient jdbc, Preferences preferences, List<Channel> channels, Clock clock) {
		this.jdbc = jdbc;
		this.preferences = preferences;
		this.channels = channels;
		this.clock = clock;
	}

	/**
	 * Tells the recipient, unless they turned the kind off or were already told of the same thing
	 * ({@code sourceKey}); returns the new notification's id, if one was made.
	 */
	@Transactional
	Optional<Long> send(Recipient recipient, String sourceKey, Draft draft) {
		return send(recipient, sourceKey, draft, preferences.of(recipient.id()),
				preferences.subscriptions(recipient.id()));
	}

	/** The same, with the recipient's choices already read (a round of reminders reads them all at once). */
	@Transactional(propagation = Propagation.MANDATORY)
	Optional<Long> send(Recipient recipient, String sourceKey, Draft draft, Preference preference,
			List<Preferences.PushSubscription> browsers) {
		if (!preference.wants(draft.kind())) {
			return Optional.empty();
		}
		Instant now = clock.instant();
		Optional<Long> id = jdbc.sql("""
				INSERT INTO notification (recipient_id, kind, variant, source_key, unit_id, unit_kind, unit_name, period,
				                          due_on, number, detail, link, created_at)
				VALUES (:recipient, :kind, :variant, :source, :unit, :unitKind, :unitName, :period, :due, :number, :detail,
				        :link, :at)
				ON CONFLICT (recipient_id, source_key) DO NOTHING RETURNING id""")
			.param("recipient", recipient.id())
			.param("kind", draft.kind().name())
			.param("variant", draft.variant())
			.param("source", sourceKey)
			.param("unit", draft.unit() == null ? null : draft.unit().id())
			.param("unitKind", draft.unit() == null ? null : draft.unit().kind().name())
			.param("unitName", draft.unit() == null ? null : draft.unit().name())
			.param("period", draft.period() == null ? null : Date.valueOf(draft.period().atDay(1)))
			.param("due", draft.due() == null ? null : Date.valueOf(draft.due()))
			.param("number", draft.number())
			.param("detail", draft.detail() == null ? null : cut(draft.detail(), 300))
			.param("link", draft.link())
			.param("at", Timestamp.from(now))
			.query(Long.class)
			.optional();
		id.ifPresent(notification -> {
			for (Channel channel : channels) {
				if (!channel.configured()) {
					continue;
				}
				for (String target : channel.targets(recipient, preference, browsers)) {
					jdbc.sql("""
							INSERT INTO notification_delivery (notification_id, channel, target, next_attempt_at)
							VALUES (:notification, :channel, :target, :at) ON CONFLICT DO NOTHING""")
						.param("notification", notification)
						.param("channel", channel.type().name())
						.param("target", target)
						.param("at", Timestamp.from(now))
						.update();
				}
			}
		});
		return id;
	}

	/** A page of the user's notifications, newest first, with one more row than shown when there is a next page. */
	List<StoredNotification> page(long userId, int page) {
		return jdbc.sql("""
				SELECT * FROM notification WHERE recipient_id = :user
				ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset""")
			.param("user", userId)
			.param("limit", PAGE_SIZE + 1)
			.param("offset", (long) page * PAGE_SIZE)
			.query(Notifications::stored)
			.list();
	}

	Optional<StoredNotification> find(long id) {
		return jdbc.sql("SELECT * FROM notification WHERE id = :id")
			.param("id", id)
			.query(Notifications::stored)
			.optional();
	}

	List<StoredNotification> findAll(List<Long> ids) {
		return jdbc.sql("SELECT * FROM notification WHERE id = ANY (:ids)")
			.param("ids", ids.toArray(Long[]::new))
			.query(Notifications::stored)
			.list();
	}

	/** How many of the user's notifications are unread, up to {@link #COUNT_LIMIT} + 1: one index range. */
	int unread(long userId) {
		return jdbc.sql("""
				SELECT count(*) FROM (SELECT 1 FROM notification WHERE recipient_id = :user AND read_at IS NULL
				                      LIMIT :limit) unread""")
			.param("user", userId)
			.param("limit", COUNT_LIMIT + 1)
			.query(Integer.class)
			.single();
	}

	@Transactional
	void markRead(long userId, long id) {
		jdbc.sql("UPDATE notification SET read_at = :at WHERE id = :id AND recipient_id = :user AND read_at IS NULL")
			.param("at", Timestamp.from(clock.instant()))
			.param("id", id)
			.param("user", userId)
			.update();
	}

	@Transactional
	void markAllRead(long userId) {
		jdbc.sql("UPDATE notification SET read_at = :at WHERE recipient_id = :user AND read_at IS NULL")
			.param("at", Timestamp.from(clock.instant()))
			.param("user", userId)
			.update();
	}

	/** Each delivery of the notifications, as channel and status, by notification. */
	Map<Long, List<DeliveryState>> deliveries(List<Long> notificationIds) {
		Map<Long, List<DeliveryState>> found = new HashMap<>();
		jdbc.sql("""
				SELECT notification_id, channel, status, sent_at FROM notification_delivery
				WHERE notification_id = ANY (:ids) ORDER BY channel, id""")
			.param("ids", notificationIds.toArray(Long[]::new))
			.query((ResultSet rs) -> {
				found.computeIfAbsent(rs.getLong("notification_id"), n -> new ArrayList<>())
					.add(new DeliveryState(DeliveryChannel.valueOf(rs.getString("channel")), rs.getString("status"),
							rs.getTimestamp("sent_at") == null ? null : rs.getTimestamp("sent_at").toInstant()));
			});
		return found;
	}

	record DeliveryState(DeliveryChannel channel, String status, Instant sentAt) {
	}

	static StoredNotification stored(ResultSet rs, int row) throws SQLException {
		LocalDate period = rs.getObject("period", LocalDate.class);
		return new StoredNotification(rs.getLong("id"), rs.getLong("recipient_id"),
				NotificationKind.valueOf(rs.getString("kind")), rs.getString("variant"),
				(Long) rs.getObject("unit_id", Long.class), rs.getString("unit_kind"), rs.getString("unit_name"),
				period == null ? null : YearMonth.from(period), rs.getObject("due_on", LocalDate.class),
				(Integer) rs.getObject("number", Integer.class), rs.getString("detail"), rs.getString("link"),
				rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("read_at") == null ? null : rs.getTimestamp("read_at").toInstant());
	}

	private static String cut(String text, int length) {
		return text.length() <= length ? text : text.substring(0, length);
	}

}
