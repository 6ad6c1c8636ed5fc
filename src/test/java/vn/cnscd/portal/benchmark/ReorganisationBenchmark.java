package vn.cnscd.portal.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import vn.cnscd.portal.IntegrationTest;
import vn.cnscd.portal.SqlRecorder;
import vn.cnscd.portal.account.AccountService;
import vn.cnscd.portal.area.Actor;
import vn.cnscd.portal.area.ReorganisationPlan;
import vn.cnscd.portal.area.ReorganisationService;
import vn.cnscd.portal.scale.ScaleData;

/**
 * What two reorganisation rounds cost the pages that read across them (issue #14): with the generated data
 * (the whole country by default; {@code -Dbenchmark.scale=PROVINCE} for a real-sized province), the median
 * server time of a generated district's dashboard and of the province's, for months before and after the
 * changes, and of a merged commune's 24-month trend in both views, first without any reorganisation, then after
 * recording, through {@link ReorganisationService} as an officer records them: on 01/07/2025 a third of the
 * communes merge (in every district, each second commune of the first two thirds into the one before it), and
 * on 01/01/2026 the district level is abolished (every district's communes go to the province). Prints the
 * ratios; asserts no time, only that every page answered and every round was applied. It closes units the
 * other benchmarks read, so it runs last.
 */
@Tag("benchmark")
@IntegrationTest
@TestPropertySource(properties = "spring.test.mockmvc.print=none")
@Order(10)
class ReorganisationBenchmark {

	private static final LocalDate MERGED = LocalDate.of(2025, 7, 1);

	private static final LocalDate ABOLISHED = LocalDate.of(2026, 1, 1);

	private static final int WARM_UP = 20;

	private static final int RUNS = 60;

	private static final int SECONDS = Integer.getInteger("benchmark.seconds", 40);

	/** {@code -Dbenchmark.statements=5} prints each page's five slowest statements of its median request. */
	private static final int STATEMENTS = Integer.getInteger("benchmark.statements", 0);

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService users;

	@Autowired
	AccountService accounts;

	@Autowired
	ReorganisationService reorganisations;

	@Autowired
	SqlRecorder recorder;

	private UserDetails signedIn;

	/** A page's median server time and the median sum of its statements' times (JDBC driver), in ms. */
	record Timing(double server, double sql, int statements) {

		@Override
		public String toString() {
			return "%9.1f ms (SQL %7.1f, %2d st.)".formatted(server, sql, statements);
		}

	}

	@Test
	void pagesAcrossTwoRoundsOfReorganisation() throws Exception {
		ScaleData.Scale scale = ScaleData.Scale.valueOf(System.getProperty("benchmark.scale", "NATIONAL"));
		// read once, outside the timing: a signed-in request finds its user in the session, not by the username
		signedIn = users.loadUserByUsername("admin");
		String prefix = scale == ScaleData.Scale.NATIONAL ? "N" : "M";
		if (jdbc.queryForObject("SELECT count(*) FROM unit WHERE level = 'DISTRICT' AND code LIKE ? || '%'", Long.class,
				prefix) == 0) {
			long start = System.nanoTime();
			ScaleData.generate(jdbc, scale, prefix, YearMonth.now().minusMonths(1), 24);
			System.out.printf("Generated %s in %.0f s%n", scale, (System.nanoTime() - start) / 1e9);
		}
		long province = jdbc.queryForObject("SELECT id FROM unit WHERE parent_id IS NULL", Long.class);
		List<Long> districts = jdbc.queryForList("""
				SELECT id FROM unit WHERE level = 'DISTRICT' AND code LIKE ? || '%' AND valid_to IS NULL ORDER BY id""",
				Long.class, prefix);
		long district = districts.get(0);
		long commune = jdbc.queryForObject("SELECT id FROM unit WHERE parent_id = ? ORDER BY id LIMIT 1", Long.class,
				district);
		Map<String, String> pages = new LinkedHashMap<>();
		pages.put("District dashboard 06/2025 (before both)", "/districts/" + district + "/dashboard?month=2025-06");
		pages.put("District dashboard 10/2025 (after the mergers)", "/districts/" + district + "/dashboard?month=2025-10");
		pages.put("Province dashboard 06/2025 (before both)", "/provinces/" + province + "/dashboard?month=2025-06");
		pages.put("Province dashboard 10/2025 (after the mergers)", "/provinces/" + province + "/dashboard?month=2025-10");
		pages.put("Province dashboard 03/2026 (after both)", "/provinces/" + province + "/dashboard?month=2026-03");
		String asReported = "/communes/" + commune + "/dashboard/trends?month=2026-10";
		String today = "/communes/" + commune + "/dashboard/trends?month=2026-10&view=today";
		pages.put("Commune trend, as reported", asReported);
		pages.put("Commune trend, today's units", today);

		System.out.printf("%nReorganisation benchmark, %s: %,d communes, %,d villages%n", scale, count("COMMUNE"),
				count("VILLAGE"));
		Map<String, Timing> before = time(pages);

		Actor admin = accounts.actor(jdbc.queryForObject("SELECT id FROM app_user WHERE username = 'admin'", Long.class))
			.orElseThrow();
		long began = System.nanoTime();
		int merged = 0;
		for (long each : districts) {
			merged += mergeAThird(admin, each);
		}
		double mergeSeconds = (System.nanoTime() - began) / 1e9;
		began = System.nanoTime();
		for (long each : districts) {
			record(admin, "2/NQ-THU", ABOLISHED, ReorganisationPlan.empty().with(ReorganisationPlan.Step.abolish(each)));
		}
		double abolishSeconds = (System.nanoTime() - began) / 1e9;
		assertThat(jdbc.queryForObject("SELECT count(*) FROM unit WHERE level = 'DISTRICT' AND code LIKE ? || '%'"
				+ " AND valid_to IS NULL", Long.class, prefix)).isZero();
		System.out.printf("Recorded: %,d communes merged into others in %d reorganisations (%.0f s), %d districts"
				+ " abolished (%.0f s)%n", merged, districts.size(), mergeSeconds, districts.size(), abolishSeconds);

		Map<String, Timing> after = time(pages);
		System.out.printf("%-50s %-34s %-34s %7s%n", "Page (median server time, SQL)", "no change", "two rounds", "ratio");
		for (Map.Entry<String, String> page : pages.entrySet()) {
			Timing was = before.get(page.getKey());
			Timing is = after.get(page.getKey());
			System.out.printf("%-50s %-34s %-34s %6.2fx%n", page.getKey(), was, is, is.server() / was.server());
		}
		System.out.printf("Commune trend after both rounds, today's units against as reported: %.2fx%n",
				after.get("Commune trend, today's units").server() / after.get("Commune trend, as reported").server());
	}

	/** In one district, each second commune of the first two thirds merges into the one before it. */
	private int mergeAThird(Actor admin, long district) {
		List<Long> communes = jdbc.queryForList("""
				SELECT id FROM unit WHERE parent_id = ? AND level = 'COMMUNE' AND valid_to IS NULL ORDER BY id""",
				Long.class, district);
		ReorganisationPlan plan = ReorganisationPlan.empty();
		int merged = 0;
		for (int i = 0; i + 1 < communes.size() * 2 / 3 + 1; i += 2) {
			plan = plan.with(ReorganisationPlan.Step.merge(List.of(communes.get(i + 1)), communes.get(i)));
			merged++;
		}
		if (merged > 0) {
			record(admin, "1/NQ-THU", MERGED, plan);
		}
		return merged;
	}

	private void record(Actor admin, String number, LocalDate on, ReorganisationPlan plan) {
		long id = reorganisations.start(admin, new ReorganisationService.Basis(number, on.minusDays(20), "Ủy ban Thường vụ"
				+ " Quốc hội", on), plan);
		assertThat(reorganisations.record(admin, id, Map.of(), 0)).isEqualTo(ReorganisationService.Status.IN_FORCE);
	}

	private long count(String level) {
		return jdbc.queryForObject("SELECT count(*) FROM unit WHERE level = ? AND valid_to IS NULL", Long.class, level);
	}

	/**
	 * The median server time of each page, and of its statements' time. Each page is warmed up first; then the
	 * pages are requested in turn, one request of each per round, so that each gets the same state of the JIT
	 * and the same neighbours; at least three rounds, and as many as fit into {@link #SECONDS} a page.
	 */
	private Map<String, Timing> time(Map<String, String> pages) throws Exception {
		for (String url : pages.values()) {
			long began = System.nanoTime();
			for (int i = 0; i < WARM_UP && (i < 2 || (System.nanoTime() - began) / 1e9 < SECONDS / 2.0); i++) {
				request(url);
			}
		}
		Map<String, List<Long>> server = new LinkedHashMap<>();
		Map<String, List<TimedStatements>> sql = new LinkedHashMap<>();
		pages.keySet().forEach(page -> {
			server.put(page, new ArrayList<>());
			sql.put(page, new ArrayList<>());
		});
		long began = System.nanoTime();
		for (int round = 0; round < RUNS && (round < 3 || (System.nanoTime() - began) / 1e9 < SECONDS * pages.size());
				round++) {
			for (Map.Entry<String, String> page : pages.entrySet()) {
				recorder.start();
				long t0 = System.nanoTime();
				request(page.getValue());
				server.get(page.getKey()).add(System.nanoTime() - t0);
				sql.get(page.getKey()).add(TimedStatements.of(recorder.stop()));
			}
		}
		Map<String, Timing> medians = new LinkedHashMap<>();
		server.forEach((page, nanos) -> {
			TimedStatements median = TimedStatements.median(sql.get(page));
			Collections.sort(nanos);
			medians.put(page, new Timing(nanos.get(nanos.size() / 2) / 1e6, median.nanos() / 1e6, median.size()));
			if (STATEMENTS > 0) {
				median.printSlowest(page + ", slowest statements of the median request:", STATEMENTS);
			}
		});
		return medians;
	}

	private void request(String url) throws Exception {
		mvc.perform(get(url).with(user(signedIn))).andExpect(status().isOk());
	}

}
