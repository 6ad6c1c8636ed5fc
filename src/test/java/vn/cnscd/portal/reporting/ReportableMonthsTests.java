package vn.cnscd.portal.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.annotation.Transactional;

import vn.cnscd.portal.IntegrationTest;
import vn.cnscd.portal.MutableClock;
import vn.cnscd.portal.area.UnitLevel;
import vn.cnscd.portal.area.UnitService;
import vn.cnscd.portal.area.UnitSummary;
import vn.cnscd.portal.indicator.IndicatorService;
import vn.cnscd.portal.indicator.IndicatorSummary;

/**
 * Issue #11, item 7: a monthly report is submitted only for a month that has ended (a draft of the month under
 * way is kept), never for a month before the village's team was established or for a village without a team,
 * and not for a month older than the window of 12 months unless an officer unlocked it; each refusal
 * says why, above the form, and stores nothing.
 */
@IntegrationTest
@Transactional
class ReportableMonthsTests {

	static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");

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

	@BeforeEach
	void setUp() {
		village = units.openChildren(units.findOpen(UnitLevel.COMMUNE, "11074").orElseThrow().id()).get(0);
		at(2030, 4, 2);
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

	void at(int year, int month, int day) {
		clock.set(LocalDateTime.of(year, month, day, 10, 0).atZone(HANOI).toInstant());
	}

	String url(long villageId, YearMonth month) {
		return "/villages/" + villageId + "/reports/" + month;
	}

	MockHttpServletResponse save(long villageId, YearMonth month, String action, String username, Long version)
			throws Exception {
		MockHttpServletRequestBuilder request = post(url(villageId, month)).with(csrf())
			.with(user(users.loadUserByUsername(username)))
			.param("action", action)
			.param("formKey", UUID.randomUUID().toString())
			.param("sessionsHeld", "1")
			.param("residentsGuided", "2")
			.param("householdsVisited", "3");
		for (IndicatorSummary indicator : indicators.villageReportIndicators()) {
			request.param("values[" + indicator.id() + "]", "0");
		}
		if (version != null) {
			request.param("version", String.valueOf(version));
		}
		return mvc.perform(request).andReturn().getResponse();
	}

	MockHttpServletResponse save(YearMonth month, String action) throws Exception {
		return save(village.id(), month, action, "village", version(month));
	}

	/** The reason a refused form gives, above the form. */
	static String refusal(MockHttpServletResponse response) throws Exception {
		assertThat(response.getStatus()).isEqualTo(200);
		return Jsoup.parse(response.getContentAsString()).select("form.form .alert-error").text();
	}

	String status(YearMonth month) {
		return jdbc.sql("SELECT status FROM village_report WHERE village_id = :v AND period = :p")
			.param("v", village.id())
			.param("p", month.atDay(1))
			.query(String.class)
			.optional()
			.orElse(null);
	}

	Long version(YearMonth month) {
		return jdbc.sql("SELECT version FROM village_report WHERE village_id = :v AND period = :p")
			.param("v", village.id())
			.param("p", month.atDay(1))
			.query(Long.class)
			.optional()
			.orElse(null);
	}

	@Test
	void theMonthUnderWayIsKeptAsADraftButNotSubmitted() throws Exception {
		YearMonth april = YearMonth.of(2030, 4);
		assertThat(refusal(save(april, "submit"))).isEqualTo(
				"Tháng 04/2030 chưa kết thúc nên chưa gửi được báo cáo: hãy lưu nháp, rồi gửi từ ngày 01/05/2030.");
		assertThat(status(april)).isNull();
		assertThat(save(april, "draft").getRedirectedUrl()).isEqualTo(url(village.id(), april));
		assertThat(status(april)).isEqualTo("DRAFT");
		assertThat(refusal(save(april, "submit"))).startsWith("Tháng 04/2030 chưa kết thúc");
		assertThat(status(april)).isEqualTo("DRAFT");
		at(2030, 5, 1);
		assertThat(save(april, "submit").getRedirectedUrl()).isEqualTo(url(village.id(), april));
		assertThat(status(april)).isEqualTo("SUBMITTED");
	}

	@Test
	void noReportBeforeTheVillageTeamWasEstablished() throws Exception {
		jdbc.sql("UPDATE team SET decision_date = DATE '2029-06-10' WHERE unit_id = :v").param("v", village.id()).update();
		YearMonth may = YearMonth.of(2029, 5);
		assertThat(refusal(save(may, "submit"))).isEqualTo(
				"Tổ Công nghệ số cộng đồng của thôn được thành lập ngày 10/06/2029: không có báo cáo cho các tháng trước đó.");
		assertThat(refusal(save(may, "draft"))).startsWith("Tổ Công nghệ số cộng đồng của thôn được thành lập");
		assertThat(status(may)).isNull();
		assertThat(save(YearMonth.of(2029, 6), "submit").getRedirectedUrl()).isEqualTo(url(village.id(), YearMonth.of(2029, 6)));
	}

	@Test
	void aVillageThatNeverHadATeamHasNoReport() throws Exception {
		long lone = jdbc.sql("""
				INSERT INTO unit (parent_id, level, kind, code, name, search_text, ancestor_path, households, adults, valid_from)
				SELECT c.id, 'VILLAGE', 'THON', c.code || '-KT', 'Thôn Không Tổ', 'thon khong to', c.ancestor_path || c.id || '/',
				       100, 300, DATE '2020-01-01'
				FROM unit c WHERE c.level = 'COMMUNE' AND c.code = '11074' AND c.valid_to IS NULL
				RETURNING id""").query(Long.class).single();
		jdbc.sql("""
				INSERT INTO app_user (username, password_hash, full_name, role, home_unit_id, must_change_password)
				SELECT 'khongto', password_hash, 'Trưởng thôn Không Tổ', 'VILLAGE_HEAD', :v, false
				FROM app_user WHERE username = 'village'""").param("v", lone).update();
		assertThat(refusal(save(lone, YearMonth.of(2030, 3), "submit", "khongto", null))).startsWith(
				"Thôn chưa có Tổ Công nghệ số cộng đồng trong danh sách tổ nên chưa có báo cáo tháng.");
		assertThat(jdbc.sql("SELECT count(*) FROM village_report WHERE village_id = :v").param("v", lone)
			.query(Long.class).single()).isZero();
	}

	@Test
	void noReportOlderThanTheWindow() throws Exception {
		YearMonth tooOld = YearMonth.of(2029, 3);
		assertThat(refusal(save(tooOld, "submit"))).isEqualTo("Chỉ nhập được báo cáo của 12 tháng gần nhất (từ tháng 04/2029)."
				+ " Báo cáo cũ hơn chỉ sửa được khi cán bộ cơ quan thường trực Tổ chỉ đạo mở khóa.");
		assertThat(refusal(save(tooOld, "draft"))).startsWith("Chỉ nhập được báo cáo của 12 tháng gần nhất");
		assertThat(status(tooOld)).isNull();
		assertThat(save(YearMonth.of(2029, 4), "submit").getRedirectedUrl()).isEqualTo(url(village.id(), YearMonth.of(2029, 4)));
	}

	@Test
	void anOldReportUnlockedByADistrictOfficerCanBeSentAgain() throws Exception {
		YearMonth january = YearMonth.of(2029, 1);
		at(2029, 2, 2);
		save(january, "submit");
		mvc.perform(post(url(village.id(), january) + "/approve").with(csrf()).with(user(users.loadUserByUsername("commune")))
			.param("version", String.valueOf(version(january)))).andExpect(redirectedUrl(url(village.id(), january)));

		at(2030, 4, 2);
		mvc.perform(post(url(village.id(), january) + "/unlock").with(csrf()).with(user(users.loadUserByUsername("district")))
			.param("version", String.valueOf(version(january)))
			.param("reason", "Sửa số hộ theo kết quả rà soát")).andExpect(redirectedUrl(url(village.id(), january)));
		assertThat(save(january, "submit").getRedirectedUrl()).isEqualTo(url(village.id(), january));
		assertThat(status(january)).isEqualTo("SUBMITTED");

		mvc.perform(post(url(village.id(), january) + "/return").with(csrf()).with(user(users.loadUserByUsername("commune")))
			.param("version", String.valueOf(version(january)))
			.param("reason", "Thiếu số liệu tháng")).andExpect(redirectedUrl(url(village.id(), january)));
		assertThat(save(january, "submit").getRedirectedUrl()).as("still open: not approved since the unlock")
			.isEqualTo(url(village.id(), january));

	}

}
