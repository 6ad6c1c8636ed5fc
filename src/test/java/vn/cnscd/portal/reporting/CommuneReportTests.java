package vn.cnscd.portal.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.annotation.Transactional;

import vn.cnscd.portal.IntegrationTest;
import vn.cnscd.portal.MutableClock;
import vn.cnscd.portal.area.UnitLevel;
import vn.cnscd.portal.area.UnitService;
import vn.cnscd.portal.area.UnitSummary;
import vn.cnscd.portal.indicator.IndicatorKind;
import vn.cnscd.portal.indicator.IndicatorService;
import vn.cnscd.portal.indicator.IndicatorSummary;

@IntegrationTest
@Transactional
class CommuneReportTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	UnitService units;

	@Autowired
	IndicatorService indicators;

	@Autowired
	ReportFigures figures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	UnitSummary township;

	List<UnitSummary> villages;

	List<IndicatorSummary> reported;

	@BeforeEach
	void setUp() {
		township = units.findOpen(UnitLevel.COMMUNE, "11074").orElseThrow();
		villages = units.openChildren(township.id());
		reported = indicators.villageReportIndicators();
		// the township's demo history would add to the figures computed here
		jdbc.sql("DELETE FROM village_report_value WHERE report_id IN (SELECT r.id FROM village_report r"
				+ " JOIN unit u ON u.id = r.village_id WHERE u.parent_id = :c)").param("c", township.id()).update();
		jdbc.sql("DELETE FROM obstacle_answer").update();
		jdbc.sql("DELETE FROM obstacle").update();
		jdbc.sql("DELETE FROM village_report r USING unit u WHERE u.id = r.village_id AND u.parent_id = :c")
			.param("c", township.id())
			.update();
		clock.set(LocalDateTime.of(2030, 6, 8, 9, 0).atZone(ZoneId.of("Asia/Ho_Chi_Minh")).toInstant());
	}

	@AfterEach
	void releaseClock() {
		clock.reset();
	}

	RequestPostProcessor as(String username) {
		return user(users.loadUserByUsername(username));
	}

	/** Stores a sent report directly: the commune's figures come from its villages' sent reports. */
	void sent(UnitSummary village, YearMonth month, int value) {
		long id = jdbc.sql("""
				INSERT INTO village_report (village_id, period, status, sessions_held, residents_guided, households_visited,
				  submitted_at, late) VALUES (:v, :p, 'SUBMITTED', 1, 10, 2, now(), false) RETURNING id""")
			.param("v", village.id())
			.param("p", month.atDay(1))
			.query(Long.class)
			.single();
		for (IndicatorSummary indicator : reported) {
			jdbc.sql("INSERT INTO village_report_value (report_id, indicator_id, value) VALUES (:r, :i, :value)")
				.param("r", id)
				.param("i", indicator.id())
				.param("value", value)
				.update();
		}
	}

	@Test
	void theCommunesFiguresSumFlowsOfTheMonthAndLatestStocks() {
		YearMonth april = YearMonth.of(2030, 4);
		YearMonth may = YearMonth.of(2030, 5);
		sent(villages.get(0), april, 5);
		sent(villages.get(0), may, 7);
		sent(villages.get(1), april, 11);
		ReportFigures.Values figuresOfMay = figures.values(List.of(township.id()), may, may).get(township.id());
		ReportFigures.Activities activitiesOfMay = figures.activities(List.of(township.id()), may);
		IndicatorSummary stock = reported.stream().filter(i -> i.kind() == IndicatorKind.STOCK).findFirst().orElseThrow();
		IndicatorSummary flow = reported.stream().filter(i -> i.kind() == IndicatorKind.FLOW).findFirst().orElseThrow();
		assertThat(figuresOfMay.value(stock)).isEqualTo(7 + 11);
		assertThat(figuresOfMay.value(flow)).isEqualTo(7);
		assertThat(activitiesOfMay.reports()).isEqualTo(1);
		assertThat(activitiesOfMay.residentsGuided()).isEqualTo(10);
	}

	MockHttpServletRequestBuilder communeReport(YearMonth month, String action) {
		return communeReport(month, action, "f-" + action);
	}

	/** A form carries one form key: a second one would be malformed (issue #11, item 6). */
	MockHttpServletRequestBuilder communeReport(YearMonth month, String action, String formKey) {
		return post("/communes/" + township.id() + "/reports/" + month).with(csrf())
			.param("action", action)
			.param("formKey", formKey)
			.param("sessionsHeld", "3")
			.param("residentsGuided", "40")
			.param("householdsVisited", "12")
			.param("narrative", "Các tổ hoạt động đều; nổi bật là khu 3.")
			.param("obstacles", "Thiếu máy chiếu cho buổi tập huấn");
	}

	@Test
	void theChairSubmitsTheCommuneReportAndTheDistrictAcknowledgesOrReturnsIt() throws Exception {
		YearMonth may = YearMonth.of(2030, 5);
		String url = "/communes/" + township.id() + "/reports/" + may;
		Document page = Jsoup.parse(mvc.perform(get(url).with(as("commune"))).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString());
		assertThat(page.select("tbody tr.missing")).hasSize(villages.size());
		assertThat(page.select("tbody tr.missing a[href^=tel:]")).isNotEmpty();

		mvc.perform(communeReport(may, "submit").with(as("commune"))).andExpect(redirectedUrl(url));
		assertThat(jdbc.sql("SELECT status || ' ' || late FROM commune_report WHERE commune_id = :c")
			.param("c", township.id()).query(String.class).single()).isEqualTo("SUBMITTED false");

		long version = jdbc.sql("SELECT version FROM commune_report WHERE commune_id = :c").param("c", township.id())
			.query(Long.class).single();
		mvc.perform(post(url + "/acknowledge").with(as("commune")).with(csrf()).param("version", String.valueOf(version)))
			.andExpect(status().isForbidden());
		mvc.perform(post(url + "/return").with(as("district")).with(csrf())
			.param("version", String.valueOf(version))
			.param("reason", "Bổ sung số liệu khu 5")).andExpect(redirectedUrl(url));
		Document returned = Jsoup.parse(mvc.perform(get(url).with(as("commune"))).andReturn().getResponse()
			.getContentAsString());
		assertThat(returned.select(".alert-info").text()).contains("Bổ sung số liệu khu 5");

		mvc.perform(communeReport(may, "submit", "again").with(as("commune"))
			.param("version", String.valueOf(version + 1))).andExpect(redirectedUrl(url));
		mvc.perform(post(url + "/acknowledge").with(as("district")).with(csrf())
			.param("version", String.valueOf(version + 2))).andExpect(redirectedUrl(url));
		assertThat(jdbc.sql("SELECT status FROM commune_report WHERE commune_id = :c").param("c", township.id())
			.query(String.class).single()).isEqualTo("ACKNOWLEDGED");
	}

	@Test
	void aCommuneReportAfterTheTenthIsLate() throws Exception {
		YearMonth april = YearMonth.of(2030, 4);
		mvc.perform(communeReport(april, "submit").with(as("commune")));
		assertThat(jdbc.sql("SELECT late FROM commune_report WHERE commune_id = :c").param("c", township.id())
			.query(Boolean.class).single()).isTrue();
	}

	@Test
	void anotherCommunesChairCannotSeeOrWriteItsReport() throws Exception {
		UnitSummary other = units.findOpen(UnitLevel.COMMUNE, "11083").orElseThrow();
		YearMonth may = YearMonth.of(2030, 5);
		mvc.perform(get("/communes/" + other.id() + "/reports/" + may).with(as("commune")))
			.andExpect(status().isForbidden());
		mvc.perform(post("/communes/" + other.id() + "/reports/" + may).with(as("commune")).with(csrf())
			.param("action", "submit")).andExpect(status().isForbidden());
		mvc.perform(post("/communes/" + township.id() + "/reports/" + may).with(as("village")).with(csrf())
			.param("action", "submit")).andExpect(status().isForbidden());
	}

	@Test
	void obstaclesAreAnsweredSignedAndSeenByTheReporter() throws Exception {
		YearMonth may = YearMonth.of(2030, 5);
		mvc.perform(communeReport(may, "submit").with(as("commune")));
		long obstacle = jdbc.sql("SELECT id FROM obstacle WHERE unit_id = :c AND text = 'Thiếu máy chiếu cho buổi tập huấn'")
			.param("c", township.id()).query(Long.class).single();
		mvc.perform(post("/obstacles/" + obstacle + "/answers").with(as("village")).with(csrf()).param("text", "x"))
			.andExpect(status().isForbidden());
		mvc.perform(post("/obstacles/" + obstacle + "/answers").with(as("district")).with(csrf())
			.param("text", "Phòng VH-TT sẽ cho mượn máy chiếu từ tuần sau.")).andExpect(redirectedUrl("/obstacles/" + obstacle));
		Document seen = Jsoup.parse(mvc.perform(get("/obstacles/" + obstacle).with(as("commune"))).andReturn().getResponse()
			.getContentAsString());
		assertThat(seen.select(".answers").text()).contains("Phòng VH-TT sẽ cho mượn máy chiếu", "Nguyễn Thị Hương",
				"Cán bộ thường trực Tổ chỉ đạo");
		assertThat(seen.select(".badge").text()).contains("Đã trả lời");
		mvc.perform(post("/obstacles/" + obstacle + "/resolve").with(as("commune")).with(csrf()))
			.andExpect(redirectedUrl("/obstacles/" + obstacle));
		mvc.perform(get("/obstacles").with(as("district"))).andExpect(status().isOk());
		Document list = Jsoup.parse(mvc.perform(get("/obstacles?status=RESOLVED").with(as("district"))).andReturn()
			.getResponse().getContentAsString());
		assertThat(list.select("tbody").text()).contains("Thiếu máy chiếu cho buổi tập huấn");
		UnitSummary other = units.findOpen(UnitLevel.COMMUNE, "11089").orElseThrow();
		mvc.perform(get("/obstacles/" + obstacle).with(as("steering"))).andExpect(status().isOk());
		mvc.perform(get("/obstacles?unit=" + other.id()).with(as("steering"))).andExpect(status().isForbidden());
	}

}
