package vn.cnscd.portal.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.cnscd.portal.MutableClock;
import vn.cnscd.portal.PortalApplication;
import vn.cnscd.portal.TestConfig;
import vn.cnscd.portal.TestDatabase;
import vn.cnscd.portal.account.AccountService;
import vn.cnscd.portal.reporting.VillageReportService;

/**
 * Instances of the portal of their own on the tests' database. One returns a report and stops before its
 * listener has written the notification (the test holds the notification table, then ends the instance's
 * connections, as a crash would): two instances started afterwards under the {@code cluster} profile both take
 * up the outstanding event at start-up, and the village head is told once. Those two then run a round of
 * reminders at the same moment: each reminder is sent once, by one of them.
 */
class RestartAndClusterTests {

	static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");

	static ConfigurableApplicationContext first;

	static ConfigurableApplicationContext second;

	static ConfigurableApplicationContext third;

	static ConfigurableApplicationContext instance(String name) {
		return new SpringApplicationBuilder(PortalApplication.class, TestConfig.class).run(
				"--spring.profiles.active=cluster", "--spring.datasource.url=" + TestDatabase.url(),
				"--spring.datasource.username=" + TestDatabase.user(),
				"--spring.datasource.password=" + TestDatabase.password(),
				"--spring.datasource.hikari.data-source-properties.ApplicationName=" + name, "--server.port=0",
				"--portal.database-check=false", "--spring.docker.compose.enabled=false",
				"--spring.main.banner-mode=off", "--portal.reminders.cron=-");
	}

	@AfterAll
	static void stopThem() {
		for (ConfigurableApplicationContext instance : new ConfigurableApplicationContext[] { first, second, third }) {
			if (instance != null && instance.isActive()) {
				instance.close();
			}
		}
	}

	@Test
	void anInstanceStoppedRightAfterAReportIsReturnedLeavesTheNotificationToTheNextStartsAndTwoSendEachReminderOnce()
			throws Exception {
		first = instance("notify-first");
		JdbcClient jdbc = first.getBean(JdbcClient.class);
		Residents people = new Residents(jdbc, "restart");
		YearMonth month = YearMonth.of(2036, 1);
		first.getBean(MutableClock.class).set(LocalDateTime.of(2036, 2, 3, 10, 0).atZone(HANOI).toInstant());
		people.report(people.village, month, "SUBMITTED");

		try (Connection holder = DriverManager.getConnection(TestDatabase.url(), TestDatabase.user(),
				TestDatabase.password()); Statement statement = holder.createStatement()) {
			holder.setAutoCommit(false);
			statement.execute("LOCK TABLE notification IN SHARE MODE");
			first.getBean(VillageReportService.class)
				.giveBack(first.getBean(AccountService.class).actor(people.chair).orElseThrow(), people.village, month,
						"Gửi lại sau khi khởi động", 0);
			// the listener has run up to the notification and waits for the table
			Residents.await(() -> jdbc.sql("""
					SELECT count(*) FROM pg_stat_activity WHERE application_name = 'notify-first' AND wait_event_type = 'Lock'""")
				.query(Long.class).single(), waiting -> waiting > 0);
			statement.execute("""
					SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'notify-first'""");
			first.close();
			holder.rollback();
		}
		JdbcClient database = JdbcClient.create(new org.springframework.jdbc.datasource.DriverManagerDataSource(
				TestDatabase.url(), TestDatabase.user(), TestDatabase.password()));
		assertThat(database.sql("SELECT status FROM village_report WHERE village_id = :v AND period = :p")
			.param("v", people.village).param("p", month.atDay(1)).query(String.class).single())
			.as("the return was committed").isEqualTo("RETURNED");
		assertThat(database.sql("SELECT count(*) FROM notification WHERE recipient_id = :head")
			.param("head", people.head).query(Long.class).single()).as("not told yet").isZero();
		assertThat(database.sql("""
				SELECT count(*) FROM event_publication WHERE completion_date IS NULL AND serialized_event LIKE :reason""")
			.param("reason", "%Gửi lại sau khi khởi động%").query(Long.class).single()).as("left outstanding").isEqualTo(1);

		second = instance("notify-second");
		third = instance("notify-third");
		Residents.await(() -> database.sql("SELECT count(*) FROM notification WHERE recipient_id = :head")
			.param("head", people.head).query(Long.class).single(), told -> told > 0);
		assertThat(database.sql("SELECT kind || ' ' || detail FROM notification WHERE recipient_id = :head")
			.param("head", people.head).query(String.class).list())
			.containsExactly("REPORT_RETURNED Gửi lại sau khi khởi động");

		Residents reminded = new Residents(database, "cluster");
		for (ConfigurableApplicationContext instance : List.of(second, third)) {
			instance.getBean(MutableClock.class).set(LocalDateTime.of(2036, 6, 2, 8, 0).atZone(HANOI).toInstant());
		}
		CountDownLatch start = new CountDownLatch(1);
		List<CompletableFuture<Integer>> rounds = List.of(second, third)
			.stream()
			.map(instance -> CompletableFuture.supplyAsync(() -> {
				try {
					start.await();
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
				}
				return instance.getBean(ReminderJob.class).run();
			}))
			.toList();
		start.countDown();
		List<Integer> sent = rounds.stream().map(CompletableFuture::join).toList();
		assertThat(sent).as("one instance sent, the other had nothing left to send").containsOnlyOnce(0);
		assertThat(sent.stream().mapToInt(Integer::intValue).sum()).isPositive();
		for (long head : List.of(reminded.head, reminded.otherHead)) {
			assertThat(reminded.kinds(head)).containsExactly("REMINDER_VILLAGE_DUE");
		}
		assertThat(database.sql("""
				SELECT count(*) FROM (SELECT recipient_id, kind, period FROM notification WHERE kind LIKE 'REMINDER%'
				GROUP BY recipient_id, kind, period, variant, number HAVING count(*) > 1) twice""")
			.query(Long.class).single()).as("no reminder twice, to anyone").isZero();
	}

}
