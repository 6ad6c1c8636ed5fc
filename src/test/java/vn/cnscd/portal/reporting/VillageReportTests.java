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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
import vn.cnscd.portal.indicator.Denominator;
import vn.cnscd.portal.indicator.IndicatorKind;
import vn.cnscd.portal.indicator.IndicatorService;
import vn.cnscd.portal.indicator.IndicatorSummary;

@IntegrationTest
@Transactional
class VillageReportTests {

	private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");

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

	UnitSummary village;

	YearMonth month;

	List<IndicatorSummary> reported;

	@BeforeEach
	void setUp() {
		UnitSummary township = units.findOpen(UnitLevel.COMMUNE, "11074").orElseThrow();
		village = units.openChildren(township.id()).get(0);
		// March has ended, so that its report can be submitted; it is due on 5 April
		clock.set(LocalDateTime.of(2030, 4, 2, 10, 0).atZone(HANOI).toInstant());
		month = YearMonth.of(2030, 3);
		reported = indicators.villageReportIndicators();
		// the demo history of the village would be last month's values here
		jdbc.sql("DELETE FROM obstacle_answer WHERE obstacle_id IN (SELECT id FROM obstacle WHERE unit_id = :v)")
			.param("v", village.id())
			.update();
		jdbc.sql("DELETE FROM obstacle WHERE unit_id = :v").param("v", village.id()).update();
		jdbc.sql("DELETE FROM village_report_value WHERE report_id IN (SELECT id FROM village_report WHERE village_id = :v)")
			.param("v", village.id())
			.update();
		jdbc.sql("DELETE FROM village_report WHERE village_id = :v").param("v", village.id()).update();
	}

	@AfterEach
	void releaseClock() {
		clock.reset();
	}

	RequestPostProcessor as(String username) {
		return user(users.loadUserByUsername(username));
	}

	String url(YearMonth period) {
		return "/villages/" + village.id() + "/reports/" + period;
	}

	/** A complete report: every indicator 10, activities 1, 2, 3, except the fields given. */
	MockHttpServletRequestBuilder report(YearMonth period, String action, String formKey, String... overrides) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("action", action);
		fields.put("formKey", formKey);
		fields.put("sessionsHeld", "1");
		fields.put("residentsGuided", "2");
		fields.put("householdsVisited", "3");
		fields.put("obstacles", "Sóng điện thoại yếu ở xóm Đông\nNgười cao tuổi chưa có điện thoại thông minh");
		for (IndicatorSummary indicator : reported) {
			fields.put("values[" + indicator.id() + "]", "10");
		}
		for (int i = 0; i < overrides.length; i += 2) {
			fields.put(overrides[i], overrides[i + 1]);
		}
		MockHttpServletRequestBuilder request = post(url(period)).with(csrf());
		fields.forEach(request::param);
		return request;
	}

	long reportsOf(YearMonth period) {
		return jdbc.sql("SELECT count(*) FROM village_report WHERE village_id = :v AND period = :p")
			.param("v", village.id())
			.param("p", period.atDay(1))
			.query(Long.class)
			.single();
	}

	String statusOf(YearMonth period) {
		return jdbc.sql("SELECT status FROM village_report WHERE village_id = :v AND period = :p")
			.param("v", village.id())
			.param("p", period.atDay(1))
			.query(String.class)
			.single();
	}

	long version(YearMonth period) {
		return jdbc.sql("SELECT version FROM village_report WHERE village_id = :v AND period = :p")
			.param("v", village.id())
			.param("p", period.atDay(1))
			.query(Long.class)
			.single();
	}

	@Test
	void theVillageHeadSavesADraftThenSubmits() throws Exception {
		Document form = Jsoup.parse(mvc.perform(get(url(month)).with(as("village")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(form.select("form.form input[name^=values]")).hasSize(reported.size());
		mvc.perform(report(month, "draft", "k1").with(as("village"))).andExpect(redirectedUrl(url(month)));
		assertThat(statusOf(month)).isEqualTo("DRAFT");
		mvc.perform(report(month, "submit", "k2").with(as("village")).param("version", String.valueOf(version(month))))
			.andExpect(redirectedUrl(url(month)));
		assertThat(statusOf(month)).isEqualTo("SUBMITTED");
		Document sent = Jsoup.parse(mvc.perform(get(url(month)).with(as("commune"))).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString());
		assertThat(sent.select("tbody tr")).hasSize(reported.size());
		assertThat(sent.select("form[action$=/approve]")).hasSize(1);
		assertThat(jdbc.sql("SELECT count(*) FROM village_report_value v JOIN village_report r ON r.id = v.report_id"
				+ " WHERE r.village_id = :v AND r.period = :p").param("v", village.id()).param("p", month.atDay(1))
			.query(Long.class).single()).isEqualTo(reported.size());
		assertThat(jdbc.sql("SELECT count(*) FROM obstacle WHERE unit_id = :v AND period = :p AND status = 'OPEN'")
			.param("v", village.id()).param("p", month.atDay(1)).query(Long.class).single()).isEqualTo(2);
	}

	@Test
	void aDoubleSubmitMakesOneReport() throws Exception {
		mvc.perform(report(month, "submit", "same-form").with(as("village"))).andExpect(redirectedUrl(url(month)));
		mvc.perform(report(month, "submit", "same-form").with(as("village"))).andExpect(redirectedUrl(url(month)));
		assertThat(reportsOf(month)).isEqualTo(1);
		assertThat(statusOf(month)).isEqualTo("SUBMITTED");
	}

	@Test
	void aSecondTabIsToldTheReportWasAlreadySentAndKeepsWhatItTyped() throws Exception {
		mvc.perform(report(month, "submit", "tab-a").with(as("village"))).andExpect(redirectedUrl(url(month)));
		Document tabB = Jsoup.parse(mvc.perform(report(month, "submit", "tab-b", "proposals", "Đề xuất từ tab thứ hai")
			.with(as("village"))).andExpect(status().isConflict()).andReturn().getResponse()
			.getContentAsString());
		assertThat(tabB.select(".alert-error").text()).contains("đã được gửi");
		assertThat(tabB.getElementById("proposals").text()).isEqualTo("Đề xuất từ tab thứ hai");
		assertThat(reportsOf(month)).isEqualTo(1);
	}

	@Test
	void badValuesAreShownBesideTheirFieldsWithWhatWasTyped() throws Exception {
		IndicatorSummary households = reported.stream()
			.filter(i -> i.kind() == IndicatorKind.STOCK && i.denominator() == Denominator.HOUSEHOLDS)
			.findFirst()
			.orElseThrow();
		IndicatorSummary flow = reported.stream().filter(i -> i.kind() == IndicatorKind.FLOW).findFirst().orElseThrow();
		Document form = Jsoup.parse(mvc.perform(report(month, "submit", "k", "values[" + households.id() + "]",
				String.valueOf(village.households() + 1), "values[" + flow.id() + "]", "-4", "sessionsHeld", "2,5")
			.with(as("village"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
		assertThat(form.getElementById("value-" + households.id() + "-error").text())
			.isEqualTo("Không được lớn hơn số hộ của thôn (" + String.format("%,d", village.households()).replace(',', '.') + ").");
		assertThat(form.getElementById("value-" + flow.id() + "-error").text()).isEqualTo("Số không được âm.");
		assertThat(form.getElementById("value-" + flow.id()).attr("value")).isEqualTo("-4");
		assertThat(form.getElementById("sessionsHeld-error").text()).isEqualTo("Hãy nhập một số nguyên, ví dụ 125.");
		assertThat(reportsOf(month)).isZero();
	}

	@Test
	void aStockLowerThanLastMonthNeedsAnExplanation() throws Exception {
		mvc.perform(report(month.minusMonths(1), "submit", "before").with(as("village")));
		IndicatorSummary stock = reported.stream().filter(i -> i.kind() == IndicatorKind.STOCK).findFirst().orElseThrow();
		Document form = Jsoup.parse(mvc.perform(report(month, "submit", "now", "values[" + stock.id() + "]", "7")
			.with(as("village"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
		assertThat(form.select(".field-error").text()).contains("Số này thấp hơn tháng trước (10); hãy ghi lý do.");
		assertThat(form.select("#value-" + stock.id() + "-hint").text()).contains("Tháng trước: 10");
		mvc.perform(report(month, "submit", "now", "values[" + stock.id() + "]", "7", "explanations[" + stock.id() + "]",
				"Hai hộ chuyển đi nơi khác").with(as("village"))).andExpect(redirectedUrl(url(month)));
		assertThat(jdbc.sql("SELECT explanation FROM village_report_value v JOIN village_report r ON r.id = v.report_id"
				+ " WHERE r.village_id = :v AND r.period = :p AND v.indicator_id = :i").param("v", village.id())
			.param("p", month.atDay(1)).param("i", stock.id()).query(String.class).single())
			.isEqualTo("Hai hộ chuyển đi nơi khác");
	}

	@Test
	void aReportSentOnTheLastSecondOfTheDueDayIsOnTimeAndOneSecondLaterLate() throws Exception {
		YearMonth april = YearMonth.of(2030, 4);
		clock.set(LocalDateTime.of(2030, 5, 5, 23, 59, 59).atZone(HANOI).toInstant());
		mvc.perform(report(april, "submit", "on-time").with(as("village"))).andExpect(redirectedUrl(url(april)));
		YearMonth march = YearMonth.of(2030, 3);
		clock.set(LocalDateTime.of(2030, 4, 6, 0, 0, 0).atZone(HANOI).toInstant());
		mvc.perform(report(march, "submit", "late").with(as("village"))).andExpect(redirectedUrl(url(march)));
		assertThat(jdbc.sql("SELECT late FROM village_report WHERE village_id = :v AND period = :p")
			.param("v", village.id()).param("p", april.atDay(1)).query(Boolean.class).single()).isFalse();
		assertThat(jdbc.sql("SELECT late FROM village_report WHERE village_id = :v AND period = :p")
			.param("v", village.id()).param("p", march.atDay(1)).query(Boolean.class).single()).isTrue();

		clock.set(LocalDateTime.of(2030, 5, 20, 9, 0).atZone(HANOI).toInstant());
		mvc.perform(post(url(april) + "/return").with(as("commune")).with(csrf())
			.param("version", String.valueOf(version(april)))
			.param("reason", "Kiểm tra lại số liệu"));
		mvc.perform(report(april, "submit", "again").with(as("village")).param("version", String.valueOf(version(april))))
			.andExpect(redirectedUrl(url(april)));
		assertThat(jdbc.sql("SELECT late FROM village_report WHERE village_id = :v AND period = :p")
			.param("v", village.id()).param("p", april.atDay(1)).query(Boolean.class).single())
			.as("sent on time, returned, sent again after the due date").isFalse();
	}

	@Test
	void aVillageHeadCannotSubmitForAnotherVillage() throws Exception {
		UnitSummary sibling = units.openChildren(village.parentId()).get(1);
		long before = jdbc.sql("SELECT count(*) FROM village_report WHERE village_id = :v").param("v", sibling.id())
			.query(Long.class).single();
		mvc.perform(post("/villages/" + sibling.id() + "/reports/" + month).with(as("village")).with(csrf())
			.param("action", "submit")).andExpect(status().isForbidden());
		mvc.perform(get("/villages/" + sibling.id() + "/reports/" + month).with(as("village")))
			.andExpect(status().isForbidden());
		mvc.perform(report(month, "submit", "chair").with(as("commune"))).andExpect(status().isForbidden());
		assertThat(jdbc.sql("SELECT count(*) FROM village_report WHERE village_id = :v").param("v", sibling.id())
			.query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void theChairApprovesOrReturnsAndTheDistrictUnlocks() throws Exception {
		mvc.perform(report(month, "submit", "k").with(as("village")));
		mvc.perform(post(url(month) + "/return").with(as("commune")).with(csrf())
			.param("version", String.valueOf(version(month)))
			.param("reason", "Số hộ tham gia nhóm Zalo chưa khớp với sổ theo dõi")).andExpect(redirectedUrl(url(month)));
		assertThat(statusOf(month)).isEqualTo("RETURNED");
		Document returned = Jsoup.parse(mvc.perform(get(url(month)).with(as("village"))).andReturn().getResponse()
			.getContentAsString());
		assertThat(returned.select(".alert-info").text()).contains("Số hộ tham gia nhóm Zalo chưa khớp");

		mvc.perform(report(month, "submit", "k2").with(as("village")).param("version", String.valueOf(version(month))))
			.andExpect(redirectedUrl(url(month)));
		mvc.perform(post(url(month) + "/approve").with(as("commune")).with(csrf())
			.param("version", String.valueOf(version(month)))).andExpect(redirectedUrl(url(month)));
		assertThat(statusOf(month)).isEqualTo("APPROVED");
		mvc.perform(report(month, "submit", "k3").with(as("village")).param("version", String.valueOf(version(month))))
			.andExpect(status().isConflict());

		mvc.perform(post(url(month) + "/unlock").with(as("commune")).with(csrf())
			.param("version", String.valueOf(version(month))).param("reason", "x")).andExpect(status().isForbidden());
		mvc.perform(post(url(month) + "/unlock").with(as("district")).with(csrf())
			.param("version", String.valueOf(version(month)))
			.param("reason", "Cần sửa số liệu sau kiểm tra")).andExpect(redirectedUrl(url(month)));
		assertThat(statusOf(month)).isEqualTo("RETURNED");
		assertThat(jdbc.sql("SELECT action FROM audit_event WHERE entity_type = 'VILLAGE_REPORT' ORDER BY id")
			.query(String.class).list()).containsSubsequence("REPORT_SUBMITTED", "REPORT_RETURNED", "REPORT_SUBMITTED",
					"REPORT_APPROVED", "REPORT_UNLOCKED");
	}

	@Test
	void aChairCannotApproveAnotherCommunesReport() throws Exception {
		mvc.perform(report(month, "submit", "k").with(as("village")));
		UnitSummary otherCommune = units.findOpen(UnitLevel.COMMUNE, "11083").orElseThrow();
		UnitSummary otherVillage = units.openChildren(otherCommune.id()).get(0);
		mvc.perform(post("/villages/" + otherVillage.id() + "/reports/" + month + "/approve").with(as("commune"))
			.with(csrf())
			.param("version", "0")).andExpect(status().isForbidden());
		mvc.perform(post(url(month) + "/approve").with(as("steering")).with(csrf())
			.param("version", String.valueOf(version(month)))).andExpect(status().isForbidden());
		mvc.perform(post(url(month) + "/approve").with(as("village")).with(csrf())
			.param("version", String.valueOf(version(month)))).andExpect(status().isForbidden());
		assertThat(statusOf(month)).isEqualTo("SUBMITTED");
	}

}
