package vn.cnscd.portal.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import vn.cnscd.portal.HttpUser;
import vn.cnscd.portal.PortalApplication;
import vn.cnscd.portal.PrivatePostgres;
import vn.cnscd.portal.indicator.IndicatorService;
import vn.cnscd.portal.indicator.IndicatorSummary;

/**
 * PostgreSQL restarts while village heads submit their monthly reports: every report a village head was
 * told was submitted is in the database with what they typed, every report missing from it was answered
 * with a failure ("database unavailable", 503), the portal serves again once the server is back, and the
 * failed forms sent again count once. The portal runs here on a PostgreSQL of this test's own
 * ({@link PrivatePostgres}): the shared test database must stay up for the other tests.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresRestartTests {

	private static final int CLIENTS = 8;

	private static final String PASSWORD = "restart1234";

	/** The months the burst reports on. */
	private static final YearMonth FIRST_MONTH = YearMonth.of(2000, 1);

	private static final int MAX_MONTHS = 120;

	private static final Duration PHASE = Duration.ofSeconds(60);

	private PrivatePostgres postgres;

	private ConfigurableApplicationContext portal;

	private int port;

	@BeforeAll
	void startThePortalOnItsOwnPostgres() {
		postgres = PrivatePostgres.start();
		// arguments, not default properties: those would lose to application.properties' shared database
		portal = new SpringApplicationBuilder(PortalApplication.class).run("--spring.datasource.url=" + postgres.url(),
				"--spring.datasource.username=" + postgres.user(), "--spring.datasource.password=" + postgres.password(),
				"--server.port=0", "--portal.database-check=false", "--spring.docker.compose.enabled=false",
				"--portal.demo-data=false", "--spring.main.banner-mode=off", "--spring.profiles.active=" + profile(),
				// the burst reports on months from 2000 on, far older than the usual window of 12
				"--portal.reporting.window-months=400");
		assertThat(portal.getEnvironment().getProperty("spring.datasource.url")).isEqualTo(postgres.url());
		port = Integer.parseInt(portal.getEnvironment().getRequiredProperty("local.server.port"));
	}

	@AfterAll
	void stopThem() {
		try {
			if (portal != null) {
				portal.close();
			}
		}
		finally {
			if (postgres != null) {
				postgres.close();
			}
		}
	}

	@Test
	void everySubmissionTheUserWasToldOfSurvivesARestartAndEveryLostOneWasToldFailed() throws Exception {
		JdbcClient jdbc = portal.getBean(JdbcClient.class);
		List<IndicatorSummary> indicators = portal.getBean(IndicatorService.class).villageReportIndicators();
		assertThat(indicators).as("indicators on the report form, from the migrations").isNotEmpty();
		List<Long> villages = villageHeads(jdbc);
		String unavailable = portal.getMessage("reliability.unavailable.title", null, Locale.forLanguageTag("vi"));

		List<VillageHead> heads = new ArrayList<>();
		for (int i = 0; i < CLIENTS; i++) {
			heads.add(new VillageHead(this.port, i, villages.get(i), indicators));
		}
		Tally tally = new Tally();
		AtomicBoolean done = new AtomicBoolean();
		ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
		List<Future<?>> bursts = new ArrayList<>();
		for (VillageHead head : heads) {
			bursts.add(pool.submit(() -> {
				for (int month = 0; month < MAX_MONTHS && !done.get(); month++) {
					tally.add(head.submit(FIRST_MONTH.plusMonths(month), tally.phase()));
				}
				return null;
			}));
		}
		long began = System.nanoTime();
		try {
			tally.await("submissions before the restart", t -> t.count(Phase.BEFORE, Told.SUBMITTED) >= 3 * CLIENTS);
			tally.next(Phase.DOWN);
			postgres.stop();
			tally.await("every village head told of a failure while PostgreSQL is down",
					t -> t.clientsTold(Phase.DOWN, Told.FAILED) == CLIENTS);
			postgres.resume();
			tally.next(Phase.AFTER);
			tally.await("every village head served again after the restart",
					t -> t.clientsTold(Phase.AFTER, Told.SUBMITTED) == CLIENTS);
		}
		finally {
			done.set(true);
			for (Future<?> burst : bursts) {
				burst.get(2, TimeUnit.MINUTES);
			}
			pool.shutdown();
		}
		double seconds = (System.nanoTime() - began) / 1e9;
		List<Submission> all = tally.all();

		Map<String, Stored> stored = stored(jdbc, villages, indicators);
		List<Submission> toldSubmitted = all.stream().filter(s -> s.told() == Told.SUBMITTED).toList();
		List<Submission> toldFailed = all.stream().filter(s -> s.told() == Told.FAILED).toList();
		long savedThoughFailed = toldFailed.stream().filter(s -> stored.containsKey(s.key())).count();
		System.out.printf(
				"PostgreSQL restart during a burst of %d clients (profile %s): %d submissions in %.1f s, %d told submitted, %d told failed"
						+ " (%d of them saved all the same), %d reports in the database%n",
				CLIENTS, profile(), all.size(), seconds, toldSubmitted.size(), toldFailed.size(), savedThoughFailed, stored.size());
		System.out.printf("  failures by answer: %s%n",
				toldFailed.stream().collect(Collectors.groupingBy(Submission::answer, Collectors.counting())));

		assertThat(toldFailed).as("submissions told they failed while PostgreSQL was down").isNotEmpty();
		for (Submission submission : toldSubmitted) {
			assertThat(stored.get(submission.key())).as("the stored report of %s, told submitted", submission)
				.isEqualTo(submission.expected(indicators.size()));
		}
		for (Submission submission : all) {
			if (!stored.containsKey(submission.key())) {
				assertThat(submission.told()).as("%s, not in the database", submission).isEqualTo(Told.FAILED);
			}
		}
		assertThat(all.stream().map(Submission::key)).as("every stored report comes from a submission")
			.containsAll(stored.keySet());
		assertThat(toldFailed).as("what the village heads were told while PostgreSQL was down")
			.allSatisfy(failure -> assertThat(failure.answer()).matches(failureAnswer(unavailable)));

		// The failure page says to send the form again: each failed form, sent again as it was, now counts once.
		for (Submission failed : toldFailed) {
			Submission again = heads.get(failed.client()).send(failed, Phase.AFTER);
			assertThat(again.told()).as("%s sent again", failed).isEqualTo(Told.SUBMITTED);
		}
		Map<String, Stored> afterwards = stored(jdbc, villages, indicators);
		assertThat(afterwards).hasSize(all.size());
		for (Submission submission : all) {
			assertThat(afterwards.get(submission.key())).as("the stored report of %s", submission)
				.isEqualTo(submission.expected(indicators.size()));
		}
	}

	/** The profile the portal runs with. */
	String profile() {
		return "default";
	}

	/** What a village head is told of a failed submission: the status and the page's heading. */
	String failureAnswer(String unavailable) {
		return Pattern.quote("503 " + unavailable);
	}

	/**
	 * Villages of their own (the demo data, not loaded here, would take longer than the test) under the
	 * district's township, each with a team and a village head whose password need not be changed.
	 */
	private List<Long> villageHeads(JdbcClient jdbc) {
		List<Long> villages = new ArrayList<>();
		String hash = this.portal.getBean(PasswordEncoder.class).encode(PASSWORD);
		for (int i = 0; i < CLIENTS; i++) {
			long village = jdbc.sql("""
					INSERT INTO unit (parent_id, level, kind, code, name, search_text, ancestor_path, households, adults,
					                  valid_from)
					SELECT c.id, 'VILLAGE', 'THON', c.code || '-R' || :i, 'Thôn thử ' || :i, 'thon thu ' || :i,
					       c.ancestor_path || c.id || '/', 200, 500, DATE '2000-01-01'
					FROM unit c WHERE c.level = 'COMMUNE' AND c.code = '11074' AND c.valid_to IS NULL
					RETURNING id""").param("i", i).query(Long.class).single();
			// a team whose decision has no date: reports from any month on
			jdbc.sql("INSERT INTO team (unit_id, level, name) VALUES (:village, 'VILLAGE', 'Tổ thử ' || :i)")
				.param("village", village)
				.param("i", i)
				.update();
			jdbc.sql("""
					INSERT INTO app_user (username, password_hash, full_name, role, home_unit_id, must_change_password)
					VALUES (:username, :hash, :name, 'VILLAGE_HEAD', :village, false)""")
				.param("username", "restart" + i)
				.param("hash", hash)
				.param("name", "Trưởng thôn " + i)
				.param("village", village)
				.update();
			villages.add(village);
		}
		return villages;
	}

	/** The submitted reports of the burst's months, by village and month. */
	private static Map<String, Stored> stored(JdbcClient jdbc, List<Long> villages, List<IndicatorSummary> indicators) {
		Map<String, Stored> found = new HashMap<>();
		jdbc.sql("""
				SELECT r.village_id, r.period, r.status, r.submission_key, r.sessions_held, r.residents_guided,
				       r.households_visited, (SELECT count(*) FROM village_report_value v
				                              WHERE v.report_id = r.id AND v.value = 1) AS ones
				FROM village_report r
				WHERE r.village_id IN (:villages) AND r.period >= :first AND r.period < :end""")
			.param("villages", villages)
			.param("first", FIRST_MONTH.atDay(1))
			.param("end", FIRST_MONTH.plusMonths(MAX_MONTHS).atDay(1))
			.query((ResultSet rs) -> {
				String key = rs.getLong("village_id") + "/" + YearMonth.from(rs.getObject("period", LocalDate.class));
				found.put(key, new Stored(rs.getString("status"), rs.getString("submission_key"), rs.getInt("sessions_held"),
						rs.getInt("residents_guided"), rs.getInt("households_visited"), rs.getInt("ones")));
			});
		return found;
	}

	enum Phase {

		BEFORE, DOWN, AFTER

	}

	enum Told {

		SUBMITTED, FAILED

	}

	/** One report sent, and what the portal answered. */
	record Submission(int client, long village, YearMonth month, String formKey, int sessionsHeld, Phase phase, Told told,
			String answer) {

		String key() {
			return village + "/" + month;
		}

		Stored expected(int indicators) {
			return new Stored("SUBMITTED", formKey, sessionsHeld, month.getMonthValue(), 1, indicators);
		}

	}

	record Stored(String status, String submissionKey, int sessionsHeld, int residentsGuided, int householdsVisited,
			int valuesOfOne) {
	}

	/** A village head's browser, signed in once, submitting the report of one month after another. */
	private static final class VillageHead {

		private final int client;

		private final long village;

		private final List<IndicatorSummary> indicators;

		private final HttpUser user;

		private final String token;

		VillageHead(int port, int client, long village, List<IndicatorSummary> indicators) {
			this.user = new HttpUser(port);
			this.client = client;
			this.village = village;
			this.indicators = indicators;
			this.user.signIn("restart" + client, PASSWORD);
			this.token = HttpUser.csrfToken(this.user.get("/account/password").body());
		}

		Submission submit(YearMonth month, Phase phase) {
			Submission form = new Submission(this.client, this.village, month, UUID.randomUUID().toString(),
					this.client * 1000 + month.getYear() % 100 * 12 + month.getMonthValue(), phase, null, null);
			return send(form, phase);
		}

		/** Sends the form of a submission, the same form key and values, and notes what the portal said. */
		Submission send(Submission form, Phase phase) {
			StringBuilder body = new StringBuilder("action=submit&_csrf=" + HttpUser.encode(this.token) + "&formKey="
					+ form.formKey() + "&sessionsHeld=" + form.sessionsHeld() + "&residentsGuided="
					+ form.month().getMonthValue() + "&householdsVisited=1");
			for (IndicatorSummary indicator : this.indicators) {
				body.append('&').append(HttpUser.encode("values[" + indicator.id() + "]")).append("=1");
			}
			String page = "/villages/" + this.village + "/reports/" + form.month();
			Told told;
			String answer;
			try {
				HttpResponse<String> response = this.user.post(page, body.toString());
				boolean submitted = response.statusCode() == 302
						&& response.headers().firstValue("Location").orElse("").endsWith(page);
				told = submitted ? Told.SUBMITTED : Told.FAILED;
				Element heading = Jsoup.parse(response.body()).selectFirst("h1");
				answer = response.statusCode() + (heading == null ? "" : " " + heading.text());
			}
			catch (UncheckedIOException noAnswer) {
				told = Told.FAILED;
				answer = noAnswer.getCause().toString();
			}
			return new Submission(form.client(), form.village(), form.month(), form.formKey(), form.sessionsHeld(), phase,
					told, answer);
		}

	}

	/** What the village heads were told, shared by their threads; the test waits on it. */
	private static final class Tally {

		private final List<Submission> submissions = new ArrayList<>();

		private Phase phase = Phase.BEFORE;

		synchronized Phase phase() {
			return this.phase;
		}

		synchronized void next(Phase next) {
			this.phase = next;
		}

		synchronized void add(Submission submission) {
			this.submissions.add(submission);
			notifyAll();
		}

		synchronized List<Submission> all() {
			return List.copyOf(this.submissions);
		}

		synchronized long count(Phase phase, Told told) {
			return this.submissions.stream().filter(s -> s.phase() == phase && s.told() == told).count();
		}

		synchronized long clientsTold(Phase phase, Told told) {
			return this.submissions.stream()
				.filter(s -> s.phase() == phase && s.told() == told)
				.map(Submission::client)
				.distinct()
				.count();
		}

		/** How many submissions of each phase were told what, and the answers of the failed ones. */
		synchronized String summary() {
			return this.submissions.stream()
				.collect(Collectors.groupingBy(s -> s.phase() + " " + s.told() + " " + (s.told() == Told.FAILED ? s.answer() : ""),
						Collectors.counting()))
				.toString();
		}

		synchronized void await(String what, Predicate<Tally> condition) throws InterruptedException {
			long deadline = System.nanoTime() + PHASE.toNanos();
			while (!condition.test(this)) {
				long left = deadline - System.nanoTime();
				assertThat(left).as("waiting for %s; so far %s", what, summary()).isPositive();
				TimeUnit.NANOSECONDS.timedWait(this, left);
			}
		}

	}

}
