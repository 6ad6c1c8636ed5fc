package vn.cnscd.portal.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import vn.cnscd.portal.account.AccountDirectory;
import vn.cnscd.portal.account.Recipient;

/**
 * Sends the deliveries that are due, from whichever instance of the portal gets to them first: each is claimed
 * for a while before it is sent (so two instances never send one twice, and one that stopped while sending leaves
 * it to be tried again), and its outcome is recorded: sent, failed for good, or to be tried again later, each time
 * waiting longer ({@link NotificationProperties.Delivery}).
 */
@Component
class DeliveryWorker {

	private static final Logger LOGGER = LoggerFactory.getLogger(DeliveryWorker.class);

	/** How long a claimed delivery is left to its sender before another may take it. */
	static final Duration CLAIM = Duration.ofMinutes(2);

	static final int BATCH = 50;

	private final JdbcClient jdbc;

	private final Map<DeliveryChannel, Channel> channels = new EnumMap<>(DeliveryChannel.class);

	private final Notifications notifications;

	private final NotificationText texts;

	private final AccountDirectory accounts;

	private final NotificationProperties properties;

	private final Clock clock;

	DeliveryWorker(JdbcClient jdbc, List<Channel> channels, Notifications notifications, NotificationText texts,
			AccountDirectory accounts, NotificationProperties properties, Clock clock) {
		this.jdbc = jdbc;
		channels.forEach(channel -> this.channels.put(channel.type(), channel));
		this.notifications = notifications;
		this.texts = texts;
		this.accounts = accounts;
		this.properties = properties;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${portal.notifications.delivery.interval:20s}", initialDelayString = "${portal.notifications.delivery.interval:20s}")
	void scheduled() {
		if (channels.values().stream().anyMatch(Channel::configured)) {
			sendDue();
		}
	}

	/** Sends what is due now, one batch; returns how many deliveries were attempted. */
	int sendDue() {
		List<Claimed> claimed = claim();
		if (claimed.isEmpty()) {
			return 0;
		}
		Map<Long, StoredNotification> stored = notifications
			.findAll(claimed.stream().map(Claimed::notificationId).distinct().toList())
			.stream()
			.collect(Collectors.toMap(StoredNotification::id, Function.identity()));
		for (Claimed delivery : claimed) {
			attempt(delivery, stored.get(delivery.notificationId()));
		}
		return claimed.size();
	}

	private record Claimed(long id, long notificationId, DeliveryChannel channel, String target, int attempts) {
	}

	private List<Claimed> claim() {
		Instant now = clock.instant();
		return jdbc.sql("""
				UPDATE notification_delivery d SET attempts = attempts + 1, last_attempt_at = :now, next_attempt_at = :until
				WHERE d.id IN (SELECT id FROM notification_delivery WHERE status = 'PENDING' AND next_attempt_at <= :now
				               ORDER BY next_attempt_at, id LIMIT :batch FOR UPDATE SKIP LOCKED)
				RETURNING d.id, d.notification_id, d.channel, d.target, d.attempts""")
			.param("now", Timestamp.from(now))
			.param("until", Timestamp.from(now.plus(CLAIM)))
			.param("batch", BATCH)
			.query((rs, row) -> new Claimed(rs.getLong("id"), rs.getLong("notification_id"),
					DeliveryChannel.valueOf(rs.getString("channel")), rs.getString("target"), rs.getInt("attempts")))
			.list();
	}

	private void attempt(Claimed delivery, StoredNotification notification) {
		Channel channel = channels.get(delivery.channel());
		Optional<Recipient> recipient = accounts.recipient(notification.recipientId());
		try {
			if (!channel.configured()) {
				throw new Channel.DeliveryFailure("the channel is no longer configured", true);
			}
			if (recipient.isEmpty()) {
				throw new Channel.DeliveryFailure("the account is disabled", true);
			}
			Locale language = recipient.get().language();
			channel.send(new Outgoing(delivery.id(), notification.id(), notification.kind(), recipient.get(),
					texts.title(language), texts.text(notification, language), properties.absolute(notification.link()),
					notification.unitId(), notification.unitKind(), notification.unitName(), notification.period(),
					notification.createdAt()), delivery.target());
			jdbc.sql("UPDATE notification_delivery SET status = 'SENT', sent_at = :at, last_error = NULL WHERE id = :id")
				.param("at", Timestamp.from(clock.instant()))
				.param("id", delivery.id())
				.update();
		}
		catch (Channel.DeliveryFailure failure) {
			failed(delivery, failure.getMessage(), failure.permanent());
		}
		catch (RuntimeException unexpected) {
			LOGGER.warn("Delivery {} by {} failed", delivery.id(), delivery.channel(), unexpected);
			failed(delivery, unexpected.toString(), false);
		}
	}

	private void failed(Claimed delivery, String reason, boolean permanent) {
		boolean givenUp = permanent || delivery.attempts() >= properties.delivery().maxAttempts();
		String error = reason == null ? "" : reason.length() > 300 ? reason.substring(0, 300) : reason;
		jdbc.sql("""
				UPDATE notification_delivery SET status = :status, last_error = :error, next_attempt_at = :next
				WHERE id = :id""")
			.param("status", givenUp ? "FAILED" : "PENDING")
			.param("error", error)
			.param("next", Timestamp.from(clock.instant().plus(properties.delivery().retryAfter(delivery.attempts()))))
			.param("id", delivery.id())
			.update();
	}

}
