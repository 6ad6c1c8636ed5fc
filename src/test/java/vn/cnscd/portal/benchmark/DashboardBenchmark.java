package vn.cnscd.portal.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import vn.cnscd.portal.HttpUser;
import vn.cnscd.portal.IntegrationTest;
import vn.cnscd.portal.SqlRecorder;
import vn.cnscd.portal.dashboard.DashboardService;
import vn.cnscd.portal.scale.ScaleData;

/**
 * What a dashboard costs from a district to the whole country, side by side in one run: the district
 * dashboard's and the province dashboard's median server time (MockMvc, in the server's process) and the sum
 * of their SQL statements' time (timed at the JDBC driver, {@link SqlRecorder}), first with the demo district
 * alone (23 communes, 138 villages), then with a real-sized province generated around it (as Hải Dương was:
 * about 258 communes and 1,478 villages), then with the whole country generated as well (about 10,000 more
 * communes and 74,000 more villages) under the same province. Then, at national scale: requests per second of
 * the district dashboard with 16 signed-in clients at once over HTTP, and of the sign-in page in the same way,
 * and the whole country's quarterly XLSX (the default quarter, the last whole quarter) and yearly XLSX within the
 * profile's 256 MB heap. Asserts no time, only that every request succeeded and the file arrived whole (at the
 * province's scale when {@link #LARGEST_SCALE} says so).
 * Run with {@code ./mvnw verify -Pbenchmark}; it runs before the
 * other benchmarks (see the profile), so that the first figures are taken before any data is generated.
 */
@Tag("benchmark")
@IntegrationTest
// MockMvc writes down every request's model for the report of a failure: a country's dashboard does not fit
@TestPropertySource(properties = "spring.test.mockmvc.print=none")
@Order(1)
class DashboardBenchmark {

	private static final int WARM_UP = 40;

	/** {@code -Dbenchmark.statements=5} prints each dashboard's five slowest statements of its median request. */
	private static final int STATEMENTS = Integer.getInteger("benchmark.statements", 0);

	private static final int RUNS = 60;

	/** At most this long warming up a page, then measuring it, whatever the number of runs so far. */
	private static final int WARM_UP_SECONDS = 20;

	private static final int RUN_SECONDS = 60;

	private static final int CLIENTS = 16;

	private static final int REQUESTS_PER_CLIENT = 40;

	/**
	 * {@code -Dbenchmark.largest-scale=province} stops at the real-sized province: generating the whole country
	 * takes about ten minutes, too long to compare a change's figures before and after.
	 */
	private static final String LARGEST_SCALE = "benchmark.largest-scale";

	@LocalServerPort
	int port;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DashboardService dashboards;

	@Autowired
	UserDetailsService users;

	@Autowired
	SqlRecorder recorder;

	record Timing(double server, double sql, int statements) {

		@Override
		public String toString() {
			return "%7.1f ms (SQL %5.1f ms, %d statements)".formatted(server, sql, statements);
		}

	}

	@Test
	void dashboardsFromADistrictToTheWholeCountry() throws Exception {
		long district = jdbc.queryForObject("SELECT id FROM unit WHERE level = 'DISTRICT' AND code = '298'", Long.class);
		long province = jdbc.queryForObject("SELECT id FROM unit WHERE parent_id IS NULL", Long.class);
		String districtDashboard = "/districts/" + district + "/dashboard";
		String provinceDashboard = "/provinces/" + province + "/dashboard";
		List<String> scales = new ArrayList<>();
		List<Timing> districts = new ArrayList<>();
		List<Timing> provinces = new ArrayList<>();

		scales.add(scale());
		districts.add(time(districtDashboard, "district"));
		provinces.add(time(provinceDashboard, "admin"));

		generate(ScaleData.Scale.PROVINCE, "M");
		scales.add(scale());
		districts.add(time(districtDashboard, "district"));
		provinces.add(time(provinceDashboard, "admin"));

		boolean national = !"province".equals(System.getProperty(LARGEST_SCALE, "national"));
		if (national) {
			generate(ScaleData.Scale.NATIONAL, "N");
			scales.add(scale());
			districts.add(time(districtDashboard, "district"));
			provinces.add(time(provinceDashboard, "admin"));
		}

		System.out.println();
		System.out.println("Median server time of a dashboard, with the sum of its SQL statements' time (JDBC driver)");
		System.out.printf("%-44s %-44s %-44s%n", "Units in the database", "District dashboard (demo district)",
				"Province dashboard (the whole province)");
		for (int i = 0; i < scales.size(); i++) {
			System.out.printf("%-44s %-44s %-44s%n", scales.get(i), districts.get(i), provinces.get(i));
		}
		Timing largest = districts.get(districts.size() - 1);
		System.out.printf("District dashboard, %s against the district alone: %.2f x server time, %.2f x SQL%n",
				national ? "whole country" : "province", largest.server() / districts.get(0).server(),
				largest.sql() / districts.get(0).sql());

		double dashboardRate = throughput(() -> new SignedIn(port, "district").get(districtDashboard));
		double signInRate = throughput(() -> new SignedIn(port, null).get("/login"));
		System.out.printf("%d clients at once, %s: district dashboard %.0f requests/s, sign-in page %.0f"
				+ " requests/s, ratio %.2f%n", CLIENTS, national ? "whole country" : "province", dashboardRate, signInRate,
				dashboardRate / signInRate);

		// the default quarter may have only its first month due; the last quarter all of whose months are due, and
		// the year so far, are each one dashboard and the other months' counts
		String whose = national ? "The whole country's" : "The province's";
		YearMonth lastDue = dashboards.defaultMonth();
		YearMonth lastQuarterEnd = lastDue.minusMonths(lastDue.getMonthValue() % 3);
		String wholeQuarter = lastQuarterEnd.getYear() + "-Q" + lastQuarterEnd.getMonthValue() / 3;
		SummaryDownload download = SummaryDownload.signIn(port, "admin", "demo1234");
		// the first download after start also compiles the writer's code: printed, but apart
		download.xlsx("/provinces/" + province + "/summary.xlsx?quarter=" + wholeQuarter,
				whose + " quarterly XLSX, " + wholeQuarter + ", first download (warm-up)");
		download.xlsx("/provinces/" + province + "/summary.xlsx", whose + " quarterly XLSX, default quarter (" + scale() + ")");
		download.xlsx("/provinces/" + province + "/summary.xlsx?quarter=" + wholeQuarter,
				whose + " quarterly XLSX, " + wholeQuarter);
		download.xlsx("/provinces/" + province + "/summary.xlsx?year=" + lastDue.getYear(),
				whose + " yearly XLSX, " + lastDue.getYear());
	}

	private void generate(ScaleData.Scale scale, String prefix) {
		long start = System.nanoTime();
		ScaleData.generate(jdbc, scale, prefix, YearMonth.now().minusMonths(1), 24);
		ScaleData.settle(jdbc);
		System.out.printf("Generated %s: now %s, %,d village reports, in %.0f s%n", scale, scale(),
				jdbc.queryForObject("SELECT count(*) FROM village_report", Long.class), (System.nanoTime() - start) / 1e9);
	}

	private String scale() {
		return "%,d communes, %,d villages".formatted(
				jdbc.queryForObject("SELECT count(*) FROM unit WHERE level = 'COMMUNE'", Long.class),
				jdbc.queryForObject("SELECT count(*) FROM unit WHERE level = 'VILLAGE'", Long.class));
	}

	/** The medians of a page's server time and of the sum of its statements' times, after a warm-up. */
	private Timing time(String url, String username) throws Exception {
		List<Long> server = new ArrayList<>();
		List<TimedStatements> sql = new ArrayList<>();
		long began = System.nanoTime();
		int warmUp = WARM_UP;
		// read once, outside the timing: a signed-in request finds its user in the session, not by the username
		UserDetails signedIn = users.loadUserByUsername(username);
		for (int i = 0; i < warmUp + RUNS; i++) {
			// a page of several seconds (the whole country's) is warmed up and measured a few times, not a hundred
			double seconds = (System.nanoTime() - began) / 1e9;
			if (i < warmUp && i >= 2 && seconds > WARM_UP_SECONDS) {
				warmUp = i;
			}
			if (i >= warmUp + 3 && seconds > WARM_UP_SECONDS + RUN_SECONDS) {
				break;
			}
			recorder.start();
			long t0 = System.nanoTime();
			mvc.perform(get(url).with(user(signedIn))).andExpect(status().isOk());
			long elapsed = System.nanoTime() - t0;
			List<SqlRecorder.Statement> run = recorder.stop();
			if (i >= warmUp) {
				server.add(elapsed);
				sql.add(TimedStatements.of(run));
			}
		}
		TimedStatements median = TimedStatements.median(sql);
		if (STATEMENTS > 0) {
			median.printSlowest(url + " (" + scale() + "), slowest statements of the median request:", STATEMENTS);
		}
		return new Timing(median(server), median.nanos() / 1e6, median.size());
	}

	private static double median(List<Long> nanos) {
		List<Long> sorted = new ArrayList<>(nanos);
		Collections.sort(sorted);
		return sorted.get(sorted.size() / 2) / 1e6;
	}

	/** Requests per second of {@link #CLIENTS} clients at once, each signed in first, then asking in turn. */
	private double throughput(Supplier<SignedIn.Request> clients) throws Exception {
		List<SignedIn.Request> requests = new ArrayList<>();
		for (int i = 0; i < CLIENTS; i++) {
			requests.add(clients.get());
		}
		requests.forEach(SignedIn.Request::send);
		AtomicInteger failures = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
		long began = System.nanoTime();
		List<Future<?>> runs = new ArrayList<>();
		for (SignedIn.Request request : requests) {
			runs.add(pool.submit(() -> {
				for (int i = 0; i < REQUESTS_PER_CLIENT; i++) {
					if (!request.send()) {
						failures.incrementAndGet();
					}
				}
			}));
		}
		for (Future<?> run : runs) {
			run.get();
		}
		double seconds = (System.nanoTime() - began) / 1e9;
		pool.shutdown();
		assertThat(failures.get()).isZero();
		return CLIENTS * REQUESTS_PER_CLIENT / seconds;
	}

	/** A browser, signed in as someone or no one, asking for one page over and over. */
	private record SignedIn(HttpUser http) {

		SignedIn(int port, String username) {
			this(signedIn(port, username));
		}

		private static HttpUser signedIn(int port, String username) {
			HttpUser user = new HttpUser(port);
			if (username != null) {
				user.signIn(username, "demo1234");
			}
			return user;
		}

		Request get(String path) {
			return () -> http.get(path).statusCode() == 200;
		}

		interface Request {

			boolean send();

		}

	}

}
