package vn.cnscd.portal.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

import vn.cnscd.portal.IntegrationTest;
import vn.cnscd.portal.MutableClock;
import vn.cnscd.portal.area.UnitService;
import vn.cnscd.portal.indicator.IndicatorService;

/** The trends of {@link DashboardFixture}'s district, as charts and as a table. */
@IntegrationTest
@Transactional
class TrendTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	UnitService units;

	@Autowired
	IndicatorService indicators;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	DashboardFixture fixture;

	@BeforeEach
	void setUp() {
		fixture = new DashboardFixture(jdbc, units, indicators, clock);
	}

	@AfterEach
	void releaseClock() {
		clock.reset();
	}

	@Test
	void stocksCarryTheLatestLevelAndFlowsAddTheMonth() throws Exception {
		String html = mvc
			.perform(get("/districts/" + fixture.district.id() + "/dashboard/trends")
				.with(user(users.loadUserByUsername("district"))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		Document page = Jsoup.parse(html);
		Element smartphones = page.getElementById("trend-XHS01");
		// the chart starts where the reports start (December 2029), not 24 months back with empty months
		assertThat(smartphones.select("svg rect.bar")).hasSize(3);
		assertThat(page.select("table.trend-table tbody tr")).hasSize(3);
		assertThat(page.select("table.trend-table tbody tr").first().selectFirst("th").text()).isEqualTo("12/2029");
		assertThat(smartphones.select("svg text").eachText()).contains("12/2029", "02/2030");
		int xhs01 = column(page, "XHS01");
		int cqs04 = column(page, "CQS04");
		// December 2029: a1 alone; January: a1 100 + a2 50; February: a1 150 + a2 60 + b1 30 (a3 was returned)
		assertThat(row(page, "12/2029", xhs01)).isEqualTo("90");
		assertThat(row(page, "01/2030", xhs01)).isEqualTo("150");
		assertThat(row(page, "02/2030", xhs01)).isEqualTo("240");
		assertThat(row(page, "12/2029", cqs04)).isEqualTo("1.000");
		assertThat(row(page, "01/2030", cqs04)).isEqualTo("15");
		// a2's late report counts: late is not missing
		assertThat(row(page, "02/2030", cqs04)).isEqualTo(String.valueOf(20 + 7 + 4));
	}

	static int column(Document page, String code) {
		List<String> headers = page.select("table.trend-table thead th").eachText();
		return headers.indexOf(code);
	}

	static String row(Document page, String month, int column) {
		return page.select("table.trend-table tbody tr")
			.stream()
			.filter(tr -> tr.child(0).text().equals(month))
			.findFirst()
			.orElseThrow()
			.child(column)
			.text();
	}

}
