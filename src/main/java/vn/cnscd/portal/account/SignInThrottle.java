package vn.cnscd.portal.account;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts attempts against a key (a client address, a typed username, a creator checking usernames) in one
 * statement, before the password is checked: parallel attempts queue on the row, so no more of them go through
 * than the policy lets, whatever their number. An attempt that proves right is given back; one that fails stays
 * counted. The policies are {@link SignInProperties}'.
 */
@Component
class SignInThrottle {

	enum Kind {

		ADDRESS, USERNAME, NAME_CHECK

	}

	/** Keys are cut to this length: a longer typed username names no account anyway. */
	static final int MAX_KEY = 100;

	private final JdbcClient jdbc;

	private final SignInProperties properties;

	private final Clock clock;

	SignInThrottle(JdbcClient jdbc, SignInProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Counts an attempt and lets it go ahead (empty), or refuses it without counting and says how long to wait.
	 * The row stays locked until the caller's transaction ends, so the next attempt on the key sees this one. A
	 * last attempt later than now means the clock was set back: the count starts again rather than wait for it.
	 */
	@Transactional
	Optional<Duration> reserve(Kind kind, String key) {
		Instant now = now();
		String cut = cut(key);
		Optional<Integer> attempts = jdbc.sql("""
				INSERT INTO sign_in_throttle AS t (kind, key, attempts, last_attempt_at, next_allowed_at)
				VALUES (:kind, :key, 1, :now, :now)
				ON CONFLICT (kind, key) DO UPDATE
				SET attempts = CASE WHEN t.last_attempt_at < :forgetBefore OR t.last_attempt_at > :now THEN 1
				                    ELSE t.attempts + 1 END,
				    last_attempt_at = :now,
				    next_allowed_at = :now
				WHERE t.next_allowed_at <= :now OR t.last_attempt_at > :now
				RETURNING attempts""")
			.param("kind", kind.name())
			.param("key", cut)
			.param("now", Timestamp.from(now))
			.param("forgetBefore", Timestamp.from(now.minus(properties.forgetAfter())))
			.query(Integer.class)
			.optional();
		if (attempts.isEmpty()) {
			return Optional.of(waitFor(kind, cut, now));
		}
		Duration delay = policy(kind).delayAfter(attempts.get());
		if (!delay.isZero()) {
			jdbc.sql("UPDATE sign_in_throttle SET next_allowed_at = :next WHERE kind = :kind AND key = :key")
				.param("next", Timestamp.from(now.plus(delay)))
				.param("kind", kind.name())
				.param("key", cut)
				.update();
		}
		return Optional.empty();
	}

	/** Gives back an attempt that proved right: it was no guess. */
	@Transactional
	void giveBack(Kind kind, String key) {
		jdbc.sql("UPDATE sign_in_throttle SET attempts = greatest(attempts - 1, 0) WHERE kind = :kind AND key = :key")
			.param("kind", kind.name())
			.param("key", cut(key))
			.update();
	}

	/** Forgets every attempt on the key: the right password, or a password reset by the account's manager. */
	@Transactional
	void clear(Kind kind, String key) {
		jdbc.sql("DELETE FROM sign_in_throttle WHERE kind = :kind AND key = :key")
			.param("kind", kind.name())
			.param("key", cut(key))
			.update();
	}

	/** Until when the key is refused, if it is now. */
	@Transactional(readOnly = true)
	Optional<Instant> refusedUntil(Kind kind, String key) {
		Instant now = now();
		return jdbc.sql("SELECT next_allowed_at FROM sign_in_throttle WHERE kind = :kind AND key = :key")
			.param("kind", kind.name())
			.param("key", cut(key))
			.query(Timestamp.class)
			.optional()
			.map(Timestamp::toInstant)
			.filter(until -> until.isAfter(now));
	}

	/** The keys of a kind refused now, with until when. */
	@Transactional(readOnly = true)
	Map<String, Instant> refused(Kind kind) {
		Map<String, Instant> refused = new HashMap<>();
		jdbc.sql("SELECT key, next_allowed_at FROM sign_in_throttle WHERE kind = :kind AND next_allowed_at > :now")
			.param("kind", kind.name())
			.param("now", Timestamp.from(now()))
			.query((ResultSet rs) -> {
				refused.put(rs.getString("key"), rs.getTimestamp("next_allowed_at").toInstant());
			});
		return refused;
	}

	/** Forgets the counts whose last attempt is long past: they would start again from one anyway. */
	@Transactional
	int forgetOld() {
		return jdbc.sql("DELETE FROM sign_in_throttle WHERE last_attempt_at < :before AND next_allowed_at < :now")
			.param("before", Timestamp.from(now().minus(properties.forgetAfter())))
			.param("now", Timestamp.from(now()))
			.update();
	}

	private Duration waitFor(Kind kind, String key, Instant now) {
		Instant until = jdbc.sql("SELECT next_allowed_at FROM sign_in_throttle WHERE kind = :kind AND key = :key")
			.param("kind", kind.name())
			.param("key", key)
			.query(Timestamp.class)
			.optional()
			.map(Timestamp::toInstant)
			.orElse(now);
		Duration wait = Duration.between(now, until);
		return wait.isNegative() ? Duration.ZERO : wait;
	}

	private SignInProperties.Policy policy(Kind kind) {
		return switch (kind) {
			case ADDRESS -> properties.address();
			case USERNAME -> properties.username();
			case NAME_CHECK -> properties.nameCheck();
		};
	}

	/** PostgreSQL keeps microseconds: an instant compared with what it stored must not carry more. */
	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	private static String cut(String key) {
		return key.length() <= MAX_KEY ? key : key.substring(0, MAX_KEY);
	}

}
