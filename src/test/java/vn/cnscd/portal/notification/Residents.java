package vn.cnscd.portal.notification;

import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.awaitility.Awaitility;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * People of the tests' own: a commune that had no chair's account, its chair, and two of its villages with a
 * head each, made in the shared database (committed, since notifications follow committed transactions) and
 * named apart from anyone else's by a tag. Nothing here leans on the demo accounts.
 */
final class Residents {

	private static final AtomicInteger MADE = new AtomicInteger();

	final JdbcClient jdbc;

	final long commune;

	final long chair;

	final long village;

	final long head;

	final long otherVillage;

	final long otherHead;

	final String chairName;

	final String headName;

	Residents(JdbcClient jdbc, String tag) {
		this.jdbc = jdbc;
		String unique = tag + MADE.incrementAndGet() + "x" + ProcessHandle.current().pid() % 1000;
		commune = jdbc.sql("""
				SELECT c.id FROM unit c WHERE c.level = 'COMMUNE' AND c.valid_to IS NULL
				  AND NOT EXISTS (SELECT 1 FROM app_user a WHERE a.home_unit_id = c.id)
				  AND (SELECT count(*) FROM unit v WHERE v.parent_id = c.id AND v.valid_to IS NULL
				       AND NOT EXISTS (SELECT 1 FROM app_user a WHERE a.home_unit_id = v.id)) >= 2
				ORDER BY c.code LIMIT 1""").query(Long.class).single();
		List<Long> villages = jdbc.sql("""
				SELECT v.id FROM unit v WHERE v.parent_id = :commune AND v.valid_to IS NULL
				  AND NOT EXISTS (SELECT 1 FROM app_user a WHERE a.home_unit_id = v.id) ORDER BY v.code LIMIT 2""")
			.param("commune", commune)
			.query(Long.class)
			.list();
		village = villages.get(0);
		otherVillage = villages.get(1);
		chairName = "Chủ tịch " + unique;
		headName = "Trưởng thôn " + unique;
		chair = account("chair-" + unique, chairName, "COMMUNE_CHAIR", commune, "0912000001");
		head = account("head-" + unique, headName, "VILLAGE_HEAD", village, "0912000002");
		otherHead = account("other-" + unique, "Trưởng thôn khác " + unique, "VILLAGE_HEAD", otherVillage, null);
	}

	String username(long account) {
		return jdbc.sql("SELECT username FROM app_user WHERE id = :id").param("id", account).query(String.class).single();
	}

	private long account(String username, String fullName, String role, long home, String phone) {
		return jdbc.sql("""
				INSERT INTO app_user (username, password_hash, full_name, phone, role, home_unit_id, must_change_password)
				VALUES (:username, 'x', :name, :phone, :role, :home, false) RETURNING id""")
			.param("username", username.toLowerCase(java.util.Locale.ROOT))
			.param("name", fullName)
			.param("phone", phone)
			.param("role", role)
			.param("home", home)
			.query(Long.class)
			.single();
	}

	/** A village report of the month in a state, as a village head and a chair would have left it. */
	long report(long villageId, YearMonth period, String status) {
		return jdbc.sql("""
				INSERT INTO village_report (village_id, period, status, submitted_at, late)
				VALUES (:village, :period, :status, CASE WHEN :status = 'DRAFT' THEN NULL ELSE now() END, false)
				RETURNING id""")
			.param("village", villageId)
			.param("period", period.atDay(1))
			.param("status", status)
			.query(Long.class)
			.single();
	}

	/** The kinds of the account's notifications, oldest first. */
	List<String> kinds(long account) {
		return jdbc.sql("SELECT kind || coalesce('.' || variant, '') FROM notification WHERE recipient_id = :id ORDER BY id")
			.param("id", account)
			.query(String.class)
			.list();
	}

	long count(long account) {
		return jdbc.sql("SELECT count(*) FROM notification WHERE recipient_id = :id")
			.param("id", account)
			.query(Long.class)
			.single();
	}

	/** Waits until a condition holds, for what an event's listener does after the commit, off the request. */
	static <T> T await(Supplier<T> value, java.util.function.Predicate<T> holds) {
		return Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(50))
			.until(value::get, holds::test);
	}

}
