package vn.cnscd.portal.offline;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Forms sent after their session ended, kept in the database (so that every instance of a cluster finds
 * them) under a random key, for a short time, for the account that rendered them. Taking one removes it.
 */
@Component
class KeptPosts {

	/** Larger than any report or roster form; a larger body is not kept. */
	static final int MAX_LENGTH = 65_536;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Duration timeToLive;

	KeptPosts(JdbcClient jdbc, Clock clock, @Value("${portal.kept-post.time-to-live:PT12H}") Duration timeToLive) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.timeToLive = timeToLive;
	}

	/** What a kept form held, and when it was sent. */
	record Kept(Map<String, List<String>> parameters, Instant at) {
	}

	/**
	 * Keeps the form's parameters (but its CSRF token) for the account, replacing what the account had kept
	 * for the same address; the key, or nothing when the form is too large to keep.
	 */
	Optional<String> keep(String username, String path, Map<String, String[]> parameters) {
		StringBuilder text = new StringBuilder();
		parameters.forEach((name, values) -> {
			if (!name.equals("_csrf")) {
				for (String value : values) {
					text.append(text.isEmpty() ? "" : "&")
						.append(URLEncoder.encode(name, StandardCharsets.UTF_8))
						.append('=')
						.append(URLEncoder.encode(value, StandardCharsets.UTF_8));
				}
			}
		});
		if (text.length() > MAX_LENGTH || path.length() > 300 || username.length() > 100) {
			return Optional.empty();
		}
		byte[] random = new byte[32];
		RANDOM.nextBytes(random);
		String key = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		Instant now = clock.instant();
		jdbc.sql("DELETE FROM kept_post WHERE expires_at < :now OR (username = :username AND path = :path)")
			.param("now", Timestamp.from(now))
			.param("username", username)
			.param("path", path)
			.update();
		jdbc.sql("""
				INSERT INTO kept_post (kept_key, username, path, parameters, kept_at, expires_at)
				VALUES (:key, :username, :path, :parameters, :now, :expires)""")
			.param("key", key)
			.param("username", username)
			.param("path", path)
			.param("parameters", text.toString())
			.param("now", Timestamp.from(now))
			.param("expires", Timestamp.from(now.plus(timeToLive)))
			.update();
		return Optional.of(key);
	}

	/** The form kept under the key, if it is the account's, for this address, and not expired; then forgotten. */
	Optional<Kept> take(String username, String key, String path) {
		return jdbc.sql("""
				DELETE FROM kept_post WHERE kept_key = :key AND username = :username AND path = :path AND expires_at > :now
				RETURNING parameters, kept_at""")
			.param("key", key)
			.param("username", username)
			.param("path", path)
			.param("now", Timestamp.from(clock.instant()))
			.query((rs, row) -> new Kept(parse(rs.getString("parameters")), rs.getTimestamp("kept_at").toInstant()))
			.optional();
	}

	private static Map<String, List<String>> parse(String text) {
		Map<String, List<String>> parameters = new LinkedHashMap<>();
		for (String pair : text.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int equals = pair.indexOf('=');
			String name = URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8);
			String value = URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
			parameters.computeIfAbsent(name, ignored -> new ArrayList<>()).add(value);
		}
		return parameters;
	}

}
