package vn.cnscd.portal.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.cnscd.portal.IntegrationTest;
import vn.cnscd.portal.MutableClock;

/**
 * The reminders of the calendar, driven by the test's clock (never by waiting): the village report of March
 * 2034 is due on 05/04, the commune's on 10/04 (the defaults). A village head who has not sent it is reminded
 * three days before, on the day and, the day after, told it is late, with the chair; one who sent it hears
 * nothing; nothing goes out between 21:00 and 07:00; each reminder once, however often a round runs.
 */
@IntegrationTest
class ReminderScheduleTests {

	static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");

	static final YearMonth MARCH = YearMonth.of(2034, 3);

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	ReminderJob reminders;

	@Autowired
	Notifications notifications;

	@Autowired
	NotificationText texts;

	@AfterEach
	void releaseClock() {
		clock.reset();
	}

	int roundAt(int month, int day, int hour, int minute) {
		clock.set(LocalDateTime.of(2034, month, day, hour, minute).atZone(HANOI).toInstant());
		return reminders.run();
	}

	@Test
	void aHeadWhoHasNotSentTheReportGetsExactlyTheRemindersDueAndOneWhoHasGetsNone() {
		Residents people = new Residents(jdbc, "schedule");
		people.report(people.otherVillage, MARCH, "SUBMITTED");

		roundAt(4, 1, 8, 0);
		assertThat(people.kinds(people.head)).as("four days before").isEmpty();

		roundAt(4, 2, 8, 0);
		assertThat(people.kinds(people.head)).containsExactly("REMINDER_VILLAGE_DUE");
		assertThat(text(people.head)).isEqualTo("REMINDER_VILLAGE_DUE 3 2034-04-05 /villages/" + people.village
				+ "/reports/2034-03");
		String village = jdbc.sql("SELECT name FROM unit WHERE id = :id").param("id", people.village)
			.query(String.class).single();
		assertThat(texts.text(notifications.page(people.head, 0).get(0), java.util.Locale.forLanguageTag("vi")))
			.isEqualTo("Còn 3 ngày đến hạn báo cáo tháng 03/2034 của Thôn " + village + " (hạn 05/04/2034)");
		assertThat(texts.text(notifications.page(people.head, 0).get(0), java.util.Locale.ENGLISH))
			.isEqualTo("3 days left before the report for 03/2034 of Village " + village + " is due (05/04/2034)");
		roundAt(4, 2, 15, 0);
		roundAt(4, 4, 10, 0);
		assertThat(people.kinds(people.head)).as("once per step, however many rounds").hasSize(1);

		assertThat(roundAt(4, 5, 6, 59)).as("quiet until 07:00").isZero();
		assertThat(people.kinds(people.head)).hasSize(1);
		roundAt(4, 5, 7, 0);
		assertThat(people.kinds(people.head)).containsExactly("REMINDER_VILLAGE_DUE", "REMINDER_VILLAGE_DUE.today");

		assertThat(roundAt(4, 5, 21, 0)).as("quiet from 21:00").isZero();
		assertThat(roundAt(4, 6, 0, 30)).isZero();
		assertThat(people.kinds(people.head)).hasSize(2);
		assertThat(people.kinds(people.chair)).isEmpty();

		roundAt(4, 6, 8, 0);
		roundAt(4, 6, 9, 0);
		assertThat(people.kinds(people.head)).containsExactly("REMINDER_VILLAGE_DUE", "REMINDER_VILLAGE_DUE.today",
				"REMINDER_VILLAGE_LATE");
		assertThat(people.kinds(people.chair)).as("the chair: villages late, and one report waiting for review")
			.containsExactly("REMINDER_VILLAGES_LATE", "REMINDER_REVIEW");
		long openVillages = jdbc.sql("SELECT count(*) FROM unit WHERE parent_id = :c AND valid_to IS NULL")
			.param("c", people.commune).query(Long.class).single();
		assertThat(numberOf(people.chair, "REMINDER_VILLAGES_LATE")).isEqualTo(openVillages - 1);
		assertThat(numberOf(people.chair, "REMINDER_REVIEW")).isEqualTo(1);

		roundAt(4, 7, 8, 0);
		roundAt(4, 10, 8, 0);
		roundAt(4, 11, 8, 0);
		assertThat(people.kinds(people.chair)).as("and the commune report's own due date")
			.containsExactly("REMINDER_VILLAGES_LATE", "REMINDER_REVIEW", "REMINDER_COMMUNE_DUE",
					"REMINDER_COMMUNE_DUE.today");
		assertThat(people.kinds(people.head)).hasSize(3);
		assertThat(people.kinds(people.otherHead)).as("sent on time: never reminded").isEmpty();
	}

	@Test
	void addresseesOfAnAdhocRequestAreRemindedBeforeItsDeadlineUntilTheyAnswer() {
		Residents people = new Residents(jdbc, "adhoc");
		long officer = jdbc.sql("SELECT id FROM app_user WHERE username = 'district'").query(Long.class).single();
		long district = jdbc.sql("SELECT parent_id FROM unit WHERE id = :c").param("c", people.commune)
			.query(Long.class).single();
		long request = jdbc.sql("""
				INSERT INTO adhoc_request (district_id, title, questions, deadline, created_by)
				VALUES (:district, 'Số máy tính bảng', 'Bao nhiêu?', DATE '2034-04-20', :officer) RETURNING id""")
			.param("district", district).param("officer", officer).query(Long.class).single();
		for (long village : List.of(people.village, people.otherVillage)) {
			jdbc.sql("INSERT INTO adhoc_request_unit (request_id, unit_id) VALUES (:r, :u)")
				.param("r", request).param("u", village).update();
		}
		jdbc.sql("""
				INSERT INTO adhoc_response (request_id, unit_id, answers, submitted_at, late)
				VALUES (:r, :u, 'Ba máy', now(), false)""").param("r", request).param("u", people.otherVillage).update();

		roundAt(4, 16, 8, 0);
		assertThat(adhoc(people.head)).isEmpty();
		roundAt(4, 17, 8, 0);
		roundAt(4, 18, 8, 0);
		assertThat(adhoc(people.head)).containsExactly("REMINDER_ADHOC_DUE");
		roundAt(4, 20, 8, 0);
		roundAt(4, 21, 8, 0);
		assertThat(adhoc(people.head)).containsExactly("REMINDER_ADHOC_DUE", "REMINDER_ADHOC_DUE.today");
		assertThat(adhoc(people.otherHead)).as("answered").isEmpty();
	}

	List<String> adhoc(long account) {
		return jdbcKinds(account).stream().filter(kind -> kind.startsWith("REMINDER_ADHOC")).toList();
	}

	List<String> jdbcKinds(long account) {
		return jdbc.sql("SELECT kind || coalesce('.' || variant, '') FROM notification WHERE recipient_id = :id ORDER BY id")
			.param("id", account).query(String.class).list();
	}

	String text(long account) {
		return jdbc.sql("""
				SELECT kind || ' ' || number || ' ' || due_on || ' ' || link FROM notification
				WHERE recipient_id = :id ORDER BY id LIMIT 1""").param("id", account).query(String.class).single();
	}

	long numberOf(long account, String kind) {
		return jdbc.sql("SELECT number FROM notification WHERE recipient_id = :id AND kind = :kind")
			.param("id", account).param("kind", kind).query(Long.class).single();
	}

}
