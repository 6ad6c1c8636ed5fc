package vn.cnscd.portal.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.TestPropertySource;

import vn.cnscd.portal.IntegrationTest;
import vn.cnscd.portal.indicator.IndicatorService;
import vn.cnscd.portal.indicator.IndicatorSummary;
import vn.cnscd.portal.scale.ScaleData;

/**
 * The speed of the monthly report at a province's scale: 1,340 villages with 24 months of reports. Prints
 * the median and 95th percentile time of opening the form and of submitting it (one client, one request at
 * a time, over loopback), then the rate of 16 clients submitting at once, and checks that every report the
 * clients were told was saved is in the database. Run with {@code ./mvnw verify -Pbenchmark}; not part of
 * the normal test run, and it asserts no time: the figures are read, not enforced.
 */
@Tag("benchmark")
@IntegrationTest
// the submissions report on months from 2000 on, far older than the usual window of 12
@TestPropertySource(properties = "portal.reporting.window-months=400")
class ReportingBenchmark {

	private static final int CLIENTS = 16;

	private static final int SUBMISSIONS_PER_CLIENT = 150;

	private static final int SEQUENTIAL = 200;

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	IndicatorService indicators;

	@Autowired
	PasswordEncoder passwords;

	@Test
	void villageReportAtProvinceScale() throws Exception {
		generateProvince();
		List<Long> villages = jdbc.queryForList(
				"SELECT id FROM unit WHERE level = 'VILLAGE' AND code LIKE 'M%' ORDER BY id LIMIT " + (CLIENTS + 1),
				Long.class);
		String hash = passwords.encode("bench1234");
		for (int i = 0; i < villages.size(); i++) {
			jdbc.update("""
					INSERT INTO app_user (username, password_hash, full_name, role, home_unit_id, must_change_password)
					VALUES (?, ?, ?, 'VILLAGE_HEAD', ?, false)""", "bench" + i, hash, "Trưởng thôn " + i, villages.get(i));
		}
		List<IndicatorSummary> reported = indicators.villageReportIndicators();

		Client single = new Client("bench" + CLIENTS, villages.get(CLIENTS), reported);
		List<Long> open = new ArrayList<>();
		List<Long> submit = new ArrayList<>();
		for (int i = 0; i < SEQUENTIAL; i++) {
			YearMonth month = YearMonth.of(2000, 1).plusMonths(i);
			long t0 = System.nanoTime();
			single.open(month);
			long t1 = System.nanoTime();
			assertThat(single.submit(month)).isTrue();
			long t2 = System.nanoTime();
			open.add(t1 - t0);
			submit.add(t2 - t1);
		}
		System.out.printf("Open the report form: median %.1f ms, p95 %.1f ms (%d requests, one at a time)%n",
				percentile(open, 50), percentile(open, 95), SEQUENTIAL);
		System.out.printf("Submit the report:    median %.1f ms, p95 %.1f ms (%d requests, one at a time)%n",
				percentile(submit, 50), percentile(submit, 95), SEQUENTIAL);

		List<Client> clients = new ArrayList<>();
		for (int i = 0; i < CLIENTS; i++) {
			clients.add(new Client("bench" + i, villages.get(i), reported));
		}
		AtomicInteger told = new AtomicInteger();
		AtomicInteger errors = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
		long began = System.nanoTime();
		List<Future<?>> runs = new ArrayList<>();
		for (Client client : clients) {
			runs.add(pool.submit(() -> {
				for (int i = 0; i < SUBMISSIONS_PER_CLIENT; i++) {
					try {
						if (client.submit(YearMonth.of(2001, 1).plusMonths(i))) {
							told.incrementAndGet();
						}
						else {
							errors.incrementAndGet();
						}
					}
					catch (Exception failure) {
						errors.incrementAndGet();
					}
				}
				return null;
			}));
		}
		for (Future<?> run : runs) {
			run.get();
		}
		double seconds = (System.nanoTime() - began) / 1e9;
		pool.shutdown();
		Long stored = jdbc.queryForObject("""
				SELECT count(*) FROM village_report r JOIN app_user a ON a.home_unit_id = r.village_id
				WHERE a.username LIKE 'bench%' AND a.username <> ? AND r.status = 'SUBMITTED'
				  AND r.period >= DATE '2001-01-01'""", Long.class, "bench" + CLIENTS);
		System.out.printf("%d clients at once: %d submissions in %.1f s = %.0f submissions/s, %d errors, %d reports in the database%n",
				CLIENTS, told.get(), seconds, told.get() / seconds, errors.get(), stored);
		assertThat(errors.get()).isZero();
		assertThat(stored).isEqualTo(told.get());
	}

	/** A real province's quarterly XLSX: 258 communes, 1,478 villages (the whole country after DashboardBenchmark). */
	@Test
	void provinceQuarterlySummary() throws Exception {
		generateProvince();
		long province = jdbc.queryForObject("SELECT id FROM unit WHERE parent_id IS NULL", Long.class);
		long communes = jdbc.queryForObject("SELECT count(*) FROM unit WHERE level = 'COMMUNE'", Long.class);
		SummaryDownload.signIn(port, "admin", "demo1234")
			.xlsx("/provinces/" + province + "/summary.xlsx", "Province quarterly XLSX (" + communes + " communes)");
	}

	private void generateProvince() {
		// DashboardBenchmark, run first, may have generated the country already: that serves as well
		if (ScaleData.generated(jdbc)) {
			return;
		}
		long start = System.nanoTime();
		ScaleData.generate(jdbc, ScaleData.Scale.PROVINCE, YearMonth.now().minusMonths(1), 24);
		System.out.printf("Generated %d villages and %d reports in %.1f s%n",
				jdbc.queryForObject("SELECT count(*) FROM unit WHERE level = 'VILLAGE'", Long.class),
				jdbc.queryForObject("SELECT count(*) FROM village_report", Long.class), (System.nanoTime() - start) / 1e9);
	}

	private static double percentile(List<Long> nanos, int percent) {
		List<Long> sorted = new ArrayList<>(nanos);
		Collections.sort(sorted);
		return sorted.get(Math.min(sorted.size() - 1, sorted.size() * percent / 100)) / 1e6;
	}

	/** A village head's browser: signed in once, then opening and submitting reports. */
	private final class Client {

		private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

		private final long village;

		private final List<IndicatorSummary> reported;

		private final String token;

		Client(String username, long village, List<IndicatorSummary> reported) throws Exception {
			this.village = village;
			this.reported = reported;
			String login = get("/login").body();
			String loginToken = Jsoup.parse(login).selectFirst("input[name=_csrf]").attr("value");
			HttpResponse<String> signedIn = post("/login",
					"username=" + username + "&password=bench1234&_csrf=" + encode(loginToken));
			assertThat(signedIn.statusCode()).isEqualTo(302);
			this.token = Jsoup.parse(get("/account/password").body()).selectFirst("input[name=_csrf]").attr("value");
		}

		void open(YearMonth month) throws Exception {
			HttpResponse<String> page = get("/villages/" + village + "/reports/" + month);
			assertThat(page.statusCode()).isEqualTo(200);
		}

		/** True when the portal answered that the report was submitted. */
		boolean submit(YearMonth month) throws Exception {
			StringBuilder form = new StringBuilder("action=submit&_csrf=" + encode(token) + "&formKey=" + UUID.randomUUID()
					+ "&sessionsHeld=2&residentsGuided=15&householdsVisited=6");
			for (IndicatorSummary indicator : reported) {
				form.append("&").append(encode("values[" + indicator.id() + "]")).append("=40");
			}
			HttpResponse<String> response = post("/villages/" + village + "/reports/" + month, form.toString());
			return response.statusCode() == 302 && response.headers()
				.firstValue("Location")
				.orElse("")
				.endsWith("/villages/" + village + "/reports/" + month);
		}

		private HttpResponse<String> get(String path) throws Exception {
			return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
					HttpResponse.BodyHandlers.ofString());
		}

		private HttpResponse<String> post(String path, String body) throws Exception {
			return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
		}

		private static String encode(String text) {
			return URLEncoder.encode(text, StandardCharsets.UTF_8);
		}

	}

}
