package vn.cnscd.portal.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.cnscd.portal.area.StaleEditException;

/** Users' choices of channels and kinds, and the browsers they accepted Web Push in. */
@Service
@Transactional(readOnly = true)
class Preferences {

	private final JdbcClient jdbc;

	private final Clock clock;

	Preferences(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	Preference of(long userId) {
		return jdbc.sql("SELECT * FROM notification_preference WHERE user_id = :id")
			.param("id", userId)
			.query(Preferences::preference)
			.optional()
			.orElseGet(() -> Preference.none(userId));
	}

	/** The choices of many users at once, for a round of reminders; those who chose nothing get none. */
	Map<Long, Preference> of(Collection<Long> userIds) {
		Map<Long, Preference> found = new HashMap<>();
		jdbc.sql("SELECT * FROM notification_preference WHERE user_id = ANY (:ids)")
			.param("ids", userIds.toArray(Long[]::new))
			.query(Preferences::preference)
			.list()
			.forEach(preference -> found.put(preference.userId(), preference));
		userIds.forEach(id -> found.putIfAbsent(id, Preference.none(id)));
		return found;
	}

	/** Keeps a user's choices; {@code expectedVersion} is the one the form showed ({@code -1}: none yet). */
	@Transactional
	void save(Preference preference, long expectedVersion) {
		String[] muted = preference.muted().stream().map(Enum::name).sorted().toArray(String[]::new);
		int changed;
		if (expectedVersion < 0) {
			changed = jdbc.sql("""
					INSERT INTO notification_preference (user_id, email, email_enabled, webhook_enabled, muted_kinds)
					VALUES (:user, :email, :emailEnabled, :webhookEnabled, :muted) ON CONFLICT (user_id) DO NOTHING""")
				.param("user", preference.userId())
				.param("email", preference.email())
				.param("emailEnabled", preference.emailEnabled())
				.param("webhookEnabled", preference.webhookEnabled())
				.param("muted", muted)
				.update();
		}
		else {
			changed = jdbc.sql("""
					UPDATE notification_preference SET email = :email, email_enabled = :emailEnabled,
					    webhook_enabled = :webhookEnabled, muted_kinds = :muted, version = version + 1
					WHERE user_id = :user AND version = :version""")
				.param("user", preference.userId())
				.param("email", preference.email())
				.param("emailEnabled", preference.emailEnabled())
				.param("webhookEnabled", preference.webhookEnabled())
				.param("muted", muted)
				.param("version", expectedVersion)
				.update();
		}
		if (changed == 0) {
			throw new StaleEditException();
		}
	}

	record PushSubscription(long id, long userId, String endpoint, String p256dh, String auth, Instant createdAt) {

		/** The push service's host, which is all the settings page shows of a browser's address. */
		public String service() {
			return URI.create(endpoint).getHost();
		}

	}

	List<PushSubscription> subscriptions(long userId) {
		return jdbc.sql("SELECT * FROM push_subscription WHERE user_id = :user ORDER BY id")
			.param("user", userId)
			.query(Preferences::subscription)
			.list();
	}

	Map<Long, List<PushSubscription>> subscriptions(Collection<Long> userIds) {
		return jdbc.sql("SELECT * FROM push_subscription WHERE user_id = ANY (:ids) ORDER BY id")
			.param("ids", userIds.toArray(Long[]::new))
			.query(Preferences::subscription)
			.list()
			.stream()
			.collect(Collectors.groupingBy(PushSubscription::userId));
	}

	Optional<PushSubscription> subscription(long id) {
		return jdbc.sql("SELECT * FROM push_subscription WHERE id = :id")
			.param("id", id)
			.query(Preferences::subscription)
			.optional();
	}

	/** A browser's subscription, kept for the user; the same browser subscribing again replaces its keys. */
	@Transactional
	void subscribe(long userId, String endpoint, String p256dh, String auth) {
		jdbc.sql("""
				INSERT INTO push_subscription (user_id, endpoint, p256dh, auth, created_at)
				VALUES (:user, :endpoint, :p256dh, :auth, :at)
				ON CONFLICT (endpoint) DO UPDATE SET user_id = :user, p256dh = :p256dh, auth = :auth, created_at = :at""")
			.param("user", userId)
			.param("endpoint", endpoint)
			.param("p256dh", p256dh)
			.param("auth", auth)
			.param("at", Timestamp.from(clock.instant()))
			.update();
	}

	/** Removes a subscription of the user's; false when the user has none of that id. */
	@Transactional
	boolean unsubscribe(long userId, long id) {
		return jdbc.sql("DELETE FROM push_subscription WHERE id = :id AND user_id = :user")
			.param("id", id)
			.param("user", userId)
			.update() > 0;
	}

	/** A subscription the push service no longer knows (the browser dropped it): nothing is sent to it again. */
	@Transactional
	void forget(long subscriptionId) {
		jdbc.sql("DELETE FROM push_subscription WHERE id = :id").param("id", subscriptionId).update();
	}

	private static Preference preference(ResultSet rs, int row) throws SQLException {
		String[] muted = (String[]) rs.getArray("muted_kinds").getArray();
		return new Preference(rs.getLong("user_id"), rs.getString("email"), rs.getBoolean("email_enabled"),
				rs.getBoolean("webhook_enabled"), Arrays.stream(muted)
					.filter(name -> Arrays.stream(NotificationKind.values()).anyMatch(kind -> kind.name().equals(name)))
					.map(NotificationKind::valueOf)
					.collect(Collectors.toSet()),
				rs.getLong("version"));
	}

	private static PushSubscription subscription(ResultSet rs, int row) throws SQLException {
		return new PushSubscription(rs.getLong("id"), rs.getLong("user_id"), rs.getString("endpoint"),
				rs.getString("p256dh"), rs.getString("auth"), rs.getTimestamp("created_at").toInstant());
	}

}
