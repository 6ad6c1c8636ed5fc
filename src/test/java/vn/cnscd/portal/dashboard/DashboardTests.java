package vn.cnscd.portal.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
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
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.annotation.Transactional;

import vn.cnscd.portal.IntegrationTest;
import vn.cnscd.portal.MutableClock;
import vn.cnscd.portal.area.Actor;
import vn.cnscd.portal.area.Role;
import vn.cnscd.portal.area.UnitService;
import vn.cnscd.portal.area.UnitSummary;
import vn.cnscd.portal.indicator.IndicatorService;
import vn.cnscd.portal.indicator.IndicatorSummary;

/** The dashboard's figures against the hand-worked month of {@link DashboardFixture}. */
@IntegrationTest
@Transactional
class DashboardTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	UnitService units;

	@Autowired
	IndicatorService indicators;

	@Autowired
	DashboardService dashboards;

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

	RequestPostProcessor as(String username) {
		return user(users.loadUserByUsername(username));
	}

	Dashboard districtDashboard() {
		Actor officer = new Actor(0, "district", "District", Role.OFFICER, fixture.district.id(),
				List.of(fixture.district.path()));
		return dashboards.dashboard(officer, fixture.district, dashboards.defaultMonth());
	}

	static Progress progress(CommuneFigures figures, IndicatorSummary indicator) {
		return figures.progress().stream().filter(p -> p.indicator().id() == indicator.id()).findFirst().orElseThrow();
	}

	CommuneFigures line(Dashboard dashboard, UnitSummary commune) {
		return dashboard.ranking().stream().filter(l -> l.commune().id() == commune.id()).findFirst().orElseThrow();
	}

	@Test
	void theDefaultMonthIsTheLastWhoseVillageDueDateHasPassed() {
		assertThat(dashboards.defaultMonth()).isEqualTo(DashboardFixture.FEBRUARY);
	}

	@Test
	void aCommunesFiguresAreWorkedOutByHand() {
		CommuneFigures a = line(districtDashboard(), fixture.a);
		assertThat(a.villages()).isEqualTo(fixture.aVillages.size());
		assertThat(a.villagesWithTeam()).isEqualTo(3);
		assertThat(a.communesWithTeam()).isEqualTo(1);
		// a1 approved on time and a2 sent late count; a3's returned report does not
		assertThat(a.sent()).isEqualTo(2);
		assertThat(a.onTime()).isEqualTo(1);
		assertThat(a.completeness()).isCloseTo(2.0 / 3, within(1e-9));
		assertThat(a.timeliness()).isCloseTo(0.5, within(1e-9));
		// STOCK: each village's latest sent level up to February (a1 150, a2 60), not March's 500
		Progress smartphones = progress(a, fixture.xhs01);
		assertThat(smartphones.achieved()).isEqualTo(210);
		assertThat(smartphones.target()).isEqualByComparingTo(new BigDecimal("240"));
		assertThat(smartphones.ratio()).isCloseTo(0.875, within(1e-9));
		// FLOW: January and February of 2030 (10 + 20 + 5 + 7), not December 2029's 1000 nor March
		Progress guided = progress(a, fixture.cqs04);
		assertThat(guided.achieved()).isEqualTo(42);
		assertThat(guided.ratio()).isCloseTo(1.05, within(1e-9));
		assertThat(guided.capped()).isEqualTo(1.0);
		assertThat(a.meanProgress()).isCloseTo(0.9375, within(1e-9));
		assertThat(a.score()).isCloseTo(50 * 0.9375 + 30 * 2.0 / 3 + 20 * 0.5, within(1e-9));
		assertThat(a.openObstacles()).isEqualTo(1);
	}

	@Test
	void theDistrictAddsItsCommunesUpAndRanksThem() {
		Dashboard dashboard = districtDashboard();
		CommuneFigures b = line(dashboard, fixture.b);
		assertThat(b.sent()).isEqualTo(1);
		assertThat(b.onTime()).isEqualTo(1);
		assertThat(b.communesWithTeam()).isZero();
		assertThat(progress(b, fixture.xhs01).ratio()).isCloseTo(0.3, within(1e-9));
		assertThat(progress(b, fixture.cqs04).ratio()).isCloseTo(0.4, within(1e-9));
		assertThat(b.score()).isCloseTo(50 * 0.35 + 30 * 0.5 + 20 * 1.0, within(1e-9));

		CommuneFigures total = dashboard.total();
		int communes = units.openChildren(fixture.district.id()).size();
		long villages = units.openChildren(fixture.district.id())
			.stream()
			.mapToLong(commune -> units.openChildren(commune.id()).size())
			.sum();
		assertThat(total.communes()).isEqualTo(communes);
		assertThat(total.communesWithTeam()).isEqualTo(1);
		assertThat(total.villages()).isEqualTo(villages);
		assertThat(total.villagesWithTeam()).isEqualTo(5);
		assertThat(total.sent()).isEqualTo(3);
		assertThat(total.onTime()).isEqualTo(2);
		assertThat(total.openObstacles()).isEqualTo(2);
		assertThat(progress(total, fixture.xhs01).achieved()).isEqualTo(240);
		assertThat(progress(total, fixture.xhs01).target()).isEqualByComparingTo(new BigDecimal("340"));
		assertThat(progress(total, fixture.cqs04).achieved()).isEqualTo(46);
		assertThat(progress(total, fixture.cqs04).target()).isEqualByComparingTo(new BigDecimal("50"));

		assertThat(dashboard.ranking().get(0).commune().id()).isEqualTo(fixture.a.id());
		assertThat(dashboard.ranking().get(1).commune().id()).isEqualTo(fixture.b.id());
		// the late a2, the returned a3 and b2 without a report; villages without a team are not chased
		assertThat(dashboard.chase()).extracting(v -> v.village().id())
			.containsExactly(fixture.aVillages.get(1).id(), fixture.aVillages.get(2).id(), fixture.bVillages.get(1).id());
	}

	@Test
	void theDistrictPageShowsTheFormulaTheRankingAndWhomToCall() throws Exception {
		String html = mvc.perform(get("/districts/" + fixture.district.id() + "/dashboard").with(as("district")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		Document page = Jsoup.parse(html);
		assertThat(page.select("h1").text()).contains("02/2030");
		// the reports of the page's quarter, month and year, in the three formats and the raw values
		assertThat(page.select(".downloads .page-actions span").eachText())
			.containsExactly("Báo cáo quý I năm 2030:", "Báo cáo tháng 02/2030:", "Báo cáo năm 2030:");
		String reports = fixture.district.url() + "/summary.";
		assertThat(page.select(".downloads a").eachAttr("href")).contains(reports + "docx?quarter=2030-Q1",
				reports + "pdf?quarter=2030-Q1", reports + "xlsx?quarter=2030-Q1", reports + "csv?quarter=2030-Q1",
				reports + "docx?month=2030-02", reports + "xlsx?year=2030", fixture.district.url() + "/report-settings");
		assertThat(page.select(".downloads a").eachText()).contains("Báo cáo (Word)", "Báo cáo (PDF)", "Phụ lục (Excel)",
				"Số liệu gốc (CSV)", "Thiết lập văn bản báo cáo");
		assertThat(page.select(".formula").text()).contains("50", "30", "20");
		Element first = page.selectFirst("table.ranking tbody tr");
		assertThat(first.attr("data-commune")).isEqualTo(String.valueOf(fixture.a.id()));
		assertThat(first.selectFirst("a").attr("href")).isEqualTo(fixture.a.url() + "/dashboard?month=2030-02");
		assertThat(first.select("td.score").text()).isEqualTo("77");
		Element late = page.selectFirst("table.chase tr[data-village=" + fixture.aVillages.get(1).id() + "]");
		assertThat(late.text()).contains("Trần Thị Bình");
		assertThat(late.selectFirst("a[href^=tel:]").attr("href")).isEqualTo("tel:0912000002");
		// the village's name leads to its report, as its state does
		assertThat(late.select("a[href=/villages/" + fixture.aVillages.get(1).id() + "/reports/2030-02]").eachText())
			.containsExactly(fixture.aVillages.get(1).kind().vietnameseWord() + " " + fixture.aVillages.get(1).name() + " ("
					+ fixture.aVillages.get(1).code() + ")", "Gửi muộn");
	}

	@Test
	void aCommunePageListsItsVillagesWithTheirReports() throws Exception {
		String html = mvc.perform(get("/communes/" + fixture.a.id() + "/dashboard?month=2030-02").with(as("commune")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		Document page = Jsoup.parse(html);
		assertThat(page.select("table.villages tbody tr")).hasSize(fixture.aVillages.size());
		assertThat(page.select("table.ranking")).isEmpty();
		assertThat(page.select("table.chase tbody tr")).hasSize(2);
		// the chair may not open the district's dashboard, so the way up leads to the commune's page
		assertThat(page.select(".breadcrumb a").eachAttr("href")).containsExactly(fixture.a.url());
	}

	@Test
	void theSummaryForZaloIsPlainTextWithACopyButtonForThoseWithScript() throws Exception {
		String html = mvc
			.perform(get("/districts/" + fixture.district.id() + "/dashboard/text?month=2030-02").with(as("district")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		Document page = Jsoup.parse(html);
		Element text = page.selectFirst("textarea#summary");
		assertThat(text.hasAttr("readonly")).isTrue();
		assertThat(text.val()).contains("THÁNG 02/2030", "- Thôn có Tổ CNSCĐ: 5/", "- Thôn đã gửi báo cáo: 3/5 (60%); gửi đúng hạn: 2/3 (66,7%)",
				"- Khó khăn chưa giải quyết: 2", "- Chỉ tiêu năm 2030: hoàn thành bình quân ",
				"- Dẫn đầu: Thị trấn Tứ Kỳ (77 điểm)");
		// each state as the dashboard names it: late, given back (not "not sent"), no report at all
		String villages = "Thôn cần nhắc báo cáo (3):";
		assertThat(text.val()).contains(villages);
		List<String> chased = text.val().lines().dropWhile(line -> !line.equals(villages)).skip(1).toList();
		assertThat(chased).hasSize(3);
		assertThat(chased.get(0)).startsWith("- " + fixture.aVillages.get(1).kind().vietnameseWord()).endsWith(": Gửi muộn");
		assertThat(chased.get(1)).endsWith(": Bị trả lại");
		assertThat(chased.get(2)).endsWith(": Chưa có báo cáo");
		// a text for a group names no one's phone, nor the heads themselves
		assertThat(text.val()).doesNotContainPattern("0\\d{9}").doesNotContain("Trần Thị Bình");
		assertThat(page.selectFirst("button[data-copy=summary]").hasAttr("hidden")).isTrue();
		// the resource chain writes the script under its content-hashed address
		assertThat(page.select("script[src~=^/js/copy-[0-9a-f]{32}\\.js$]")).hasSize(1);
		assertThat(page.select("script:not([src])")).isEmpty();
	}

	@Test
	void eachRoleSeesOnlyItsArea() throws Exception {
		UnitSummary other = units.openChildren(fixture.district.id())
			.stream()
			.filter(c -> !List.of("11074", "11083", "11086").contains(c.code()))
			.findFirst()
			.orElseThrow();
		String district = "/districts/" + fixture.district.id() + "/dashboard";
		mvc.perform(get("/dashboard").with(as("district"))).andExpect(redirectedUrl(district));
		mvc.perform(get("/dashboard").with(as("commune")))
			.andExpect(redirectedUrl("/communes/" + fixture.a.id() + "/dashboard"));
		mvc.perform(get("/communes/" + other.id() + "/dashboard").with(as("district"))).andExpect(status().isOk());

		String steering = mvc.perform(get(district).with(as("steering")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(Jsoup.parse(steering).select("table.ranking tbody tr")).hasSize(3);
		// the report settings are the unit's officer's: a steering member reads the reports, does not set them
		assertThat(Jsoup.parse(steering).select(".downloads a").eachAttr("href")).isNotEmpty()
			.noneMatch(href -> href.endsWith("/report-settings"));
		String steeringCommune = mvc.perform(get("/communes/" + fixture.b.id() + "/dashboard").with(as("steering")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(Jsoup.parse(steeringCommune).select(".breadcrumb a").eachAttr("href"))
			.singleElement()
			.asString()
			.startsWith(district);
		mvc.perform(get("/communes/" + other.id() + "/dashboard").with(as("steering")))
			.andExpect(status().isForbidden());

		mvc.perform(get(district).with(as("commune"))).andExpect(status().isForbidden());
		mvc.perform(get("/communes/" + fixture.b.id() + "/dashboard").with(as("commune")))
			.andExpect(status().isForbidden());
		mvc.perform(get("/communes/" + fixture.a.id() + "/dashboard").with(as("village")))
			.andExpect(status().isForbidden());
		mvc.perform(get("/districts/" + fixture.a.id() + "/dashboard").with(as("district")))
			.andExpect(status().isNotFound());
		mvc.perform(get(district + "?month=2031-01").with(as("district"))).andExpect(status().isNotFound());
	}

}
