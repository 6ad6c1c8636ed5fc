package vn.cnscd.portal.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipInputStream;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import vn.cnscd.portal.IntegrationTest;
import vn.cnscd.portal.scale.ScaleData;

/**
 * The district dashboard's server time with only the district's data (the demo district: 23 communes, 138
 * villages, 24 months), then with the whole country generated around it (10,000 communes, 74,000 villages,
 * 24 months): the dashboard reads only its district's rows, so the two should be close. Also times the
 * district's quarterly XLSX and CSV at national scale, and last the province's XLSX (the whole country) within
 * the profile's 256 MB heap. Prints the figures side by side; asserts no time, only
 * that the province's file arrives whole.
 * Run with {@code ./mvnw verify -Pbenchmark}; it runs before the other benchmarks (see the profile), so that
 * the first figures are taken before any data is generated.
 */
@Tag("benchmark")
@IntegrationTest
@Order(1)
class DashboardBenchmark {

	private static final int WARM_UP = 40;

	private static final int RUNS = 50;

	@LocalServerPort
	int port;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService users;

	@Test
	void districtDashboardAtDistrictAndNationalScale() throws Exception {
		long district = jdbc.queryForObject("SELECT id FROM unit WHERE level = 'DISTRICT' AND code = '298'", Long.class);
		String dashboard = "/districts/" + district + "/dashboard";
		String xlsx = "/districts/" + district + "/summary.xlsx";
		String csv = "/districts/" + district + "/summary.csv";
		long villages = jdbc.queryForObject("SELECT count(*) FROM unit WHERE level = 'VILLAGE'", Long.class);
		double[] small = { median(dashboard), median(xlsx), median(csv) };

		long start = System.nanoTime();
		ScaleData.generate(jdbc, ScaleData.Scale.NATIONAL, YearMonth.now().minusMonths(1), 24);
		long generated = jdbc.queryForObject("SELECT count(*) FROM unit WHERE level = 'VILLAGE'", Long.class);
		System.out.printf("Generated the country: %d villages, %d village reports, in %.0f s%n", generated,
				jdbc.queryForObject("SELECT count(*) FROM village_report", Long.class), (System.nanoTime() - start) / 1e9);
		double[] large = { median(dashboard), median(xlsx), median(csv) };

		System.out.printf("%-36s %14s %14s %8s%n", "Median server time (MockMvc)", villages + " villages",
				generated + " villages", "ratio");
		String[] names = { "District dashboard", "District quarterly XLSX", "District quarterly CSV" };
		for (int i = 0; i < names.length; i++) {
			System.out.printf("%-36s %11.1f ms %11.1f ms %8.2f%n", names[i], small[i], large[i], large[i] / small[i]);
		}
		provinceExport(district);
	}

	/**
	 * The whole generated country sits under the one province, so its quarterly XLSX is the largest there is;
	 * fetched over HTTP (MockMvc would hold the body in memory) with the heap the benchmark profile sets, and
	 * read back entry by entry to show the file is whole. The heap's peak during the export is printed beside
	 * the district's, taken the same way.
	 */
	private void provinceExport(long district) throws Exception {
		long province = jdbc.queryForObject("SELECT id FROM unit WHERE parent_id IS NULL", Long.class);
		HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		String base = "http://localhost:" + port;
		String login = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
				HttpResponse.BodyHandlers.ofString()).body();
		String token = Jsoup.parse(login).selectFirst("input[name=_csrf]").attr("value");
		http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=admin&password=demo1234&_csrf="
					+ URLEncoder.encode(token, StandardCharsets.UTF_8)))
			.build(), HttpResponse.BodyHandlers.discarding());
		long communes = jdbc.queryForObject("SELECT count(*) FROM unit WHERE level = 'COMMUNE'", Long.class);
		download(http, base + "/districts/" + district + "/summary.xlsx", "District quarterly XLSX (23 communes)");
		download(http, base + "/provinces/" + province + "/summary.xlsx",
				"Province quarterly XLSX (" + communes + " communes)");
	}

	private static void download(HttpClient http, String url, String name) throws Exception {
		System.gc();
		List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter(pool -> pool.getType() == MemoryType.HEAP)
			.toList();
		heap.forEach(MemoryPoolMXBean::resetPeakUsage);
		long t0 = System.nanoTime();
		HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
				HttpResponse.BodyHandlers.ofInputStream());
		CountingInputStream counted = new CountingInputStream(response.body());
		int entries = 0;
		try (ZipInputStream zip = new ZipInputStream(counted)) {
			while (zip.getNextEntry() != null) {
				zip.transferTo(OutputStream.nullOutputStream());
				entries++;
			}
		}
		double seconds = (System.nanoTime() - t0) / 1e9;
		long peak = heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
		System.out.printf("%s: HTTP %d, %,d bytes (%d zip entries) in %.1f s, peak heap %d MB of %d MB%n", name,
				response.statusCode(), counted.count, entries, seconds, peak / (1024 * 1024),
				Runtime.getRuntime().maxMemory() / (1024 * 1024));
		assertThat(response.statusCode()).as(name).isEqualTo(200);
		assertThat(entries).as(name + " is a whole XLSX").isGreaterThan(3);
	}

	/** Counts the bytes read through it. */
	private static final class CountingInputStream extends FilterInputStream {

		long count;

		CountingInputStream(InputStream in) {
			super(in);
		}

		@Override
		public int read() throws IOException {
			int read = super.read();
			count += read < 0 ? 0 : 1;
			return read;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int read = super.read(buffer, offset, length);
			count += Math.max(read, 0);
			return read;
		}

	}

	private double median(String url) throws Exception {
		List<Long> times = new ArrayList<>();
		for (int i = 0; i < WARM_UP + RUNS; i++) {
			long t0 = System.nanoTime();
			mvc.perform(get(url).with(user(users.loadUserByUsername("district")))).andExpect(status().isOk());
			if (i >= WARM_UP) {
				times.add(System.nanoTime() - t0);
			}
		}
		Collections.sort(times);
		return times.get(times.size() / 2) / 1e6;
	}

}
