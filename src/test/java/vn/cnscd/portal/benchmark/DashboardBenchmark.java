package vn.cnscd.portal.benchmark;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

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
	 * fetched over HTTP with the heap the benchmark profile sets, the district's beside it.
	 */
	private void provinceExport(long district) throws Exception {
		long province = jdbc.queryForObject("SELECT id FROM unit WHERE parent_id IS NULL", Long.class);
		long communes = jdbc.queryForObject("SELECT count(*) FROM unit WHERE level = 'COMMUNE'", Long.class);
		SummaryDownload admin = SummaryDownload.signIn(port, "admin", "demo1234");
		admin.xlsx("/districts/" + district + "/summary.xlsx", "District quarterly XLSX (23 communes)");
		admin.xlsx("/provinces/" + province + "/summary.xlsx", "Province quarterly XLSX (" + communes + " communes)");
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
