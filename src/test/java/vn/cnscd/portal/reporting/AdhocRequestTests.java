package vn.cnscd.portal.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
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
import vn.cnscd.portal.indicator.IndicatorService;
import vn.cnscd.portal.indicator.IndicatorSummary;

@IntegrationTest
@Transactional
class AdhocRequestTests {

	private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");

	private static final LocalDate DEADLINE = LocalDate.of(2030, 3, 25);

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

	UnitSummary township;

	UnitSummary daiSon;

	IndicatorSummary indicator;

	@BeforeEach
	void setUp() {
		township = units.findOpen(UnitLevel.COMMUNE, "11074").orElseThrow();
		daiSon = units.findOpen(UnitLevel.COMMUNE, "11083").orElseThrow();
		indicator = indicators.active().get(0);
		clock.set(LocalDateTime.of(2030, 3, 20, 10, 0).atZone(HANOI).toInstant());
	}

	@AfterEach
	void releaseClock() {
		clock.reset();
	}

	RequestPostProcessor as(String username) {
		return user(users.loadUserByUsername(username));
	}

	MockHttpServletRequestBuilder newRequest(String title, LocalDate deadline, UnitLevel to, UnitSummary... communes) {
		MockHttpServletRequestBuilder request = post("/requests/new").with(csrf())
			.param("title", title)
			.param("questions", "1. Có bao nhiêu hộ đã vào nhóm Zalo?\n2. Khó khăn gì?")
			.param("deadline", deadline.toString())
			.param("addressees", to.name())
			.param("indicatorIds", String.valueOf(indicator.id()));
		for (UnitSummary commune : communes) {
			request.param("communeIds", String.valueOf(commune.id()));
		}
		return request;
	}

	long create(String title, LocalDate deadline, UnitLevel to, UnitSummary... communes) throws Exception {
		String location = mvc.perform(newRequest(title, deadline, to, communes).with(as("district")))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		return Long.parseLong(location.substring("/requests/".length()));
	}

	MockHttpServletRequestBuilder answer(long id, String formKey, String text, String value) {
		return post("/requests/" + id + "/answer").with(csrf())
			.param("formKey", formKey)
			.param("answers", text)
			.param("values[" + indicator.id() + "]", value);
	}

	Document page(String url, String username) throws Exception {
		return Jsoup.parse(mvc.perform(get(url).with(as(username)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	long count(String sql, long id) {
		return jdbc.sql(sql).param("id", id).query(Long.class).single();
	}

	long answers(long id) {
		return count("SELECT count(*) FROM adhoc_response WHERE request_id = :id", id);
	}

	@Test
	void anOfficerSendsARequestToCommunesAndTheirChairsSeeItAtHome() throws Exception {
		long id = create("Rà soát điện thoại thông minh", DEADLINE, UnitLevel.COMMUNE, township, daiSon);
		assertThat(count("SELECT count(*) FROM adhoc_request_unit WHERE request_id = :id", id)).isEqualTo(2);
		assertThat(count("SELECT count(*) FROM adhoc_request_indicator WHERE request_id = :id", id)).isEqualTo(1);
		assertThat(count("SELECT count(*) FROM audit_event WHERE action = 'ADHOC_REQUEST_CREATED' AND entity_id = :id", id))
			.isEqualTo(1);
		assertThat(page("/", "commune").select("#requests-heading + ul a").eachText()).contains("Rà soát điện thoại thông minh");
		assertThat(page("/", "village").select("#requests-heading + ul a").eachText())
			.doesNotContain("Rà soát điện thoại thông minh");
		Document list = page("/requests", "district");
		assertThat(list.select("tbody tr").first().text()).contains("Rà soát điện thoại thông minh", "0/2", "25/03/2030");
		Document form = page("/requests/" + id, "commune");
		assertThat(form.select("form[action$=/answer] textarea[name=answers]")).hasSize(1);
		assertThat(form.select("form[action$=/answer] input[name=values[" + indicator.id() + "]]")).hasSize(1);
	}

	@Test
	void anOfficerSendsARequestToTheVillagesOfACommune() throws Exception {
		long id = create("Tình hình nhóm Zalo", DEADLINE, UnitLevel.VILLAGE, township);
		assertThat(count("SELECT count(*) FROM adhoc_request_unit WHERE request_id = :id", id))
			.isEqualTo(units.openChildren(township.id()).size());
		assertThat(page("/", "village").select("#requests-heading + ul a").eachText()).contains("Tình hình nhóm Zalo");
		assertThat(page("/", "commune").select("#requests-heading + ul a").eachText()).doesNotContain("Tình hình nhóm Zalo");
		Document chair = page("/requests/" + id, "commune");
		assertThat(chair.select("form[action$=/answer]")).isEmpty();
		assertThat(chair.select("tbody tr")).hasSize(units.openChildren(township.id()).size());
		assertThat(page("/requests", "commune").select("tbody tr").eachText()).anyMatch(row -> row.contains("Tình hình nhóm Zalo"));
		mvc.perform(answer(id, "chair", "Trả lời thay thôn", "5").with(as("commune"))).andExpect(status().isForbidden());
		mvc.perform(answer(id, "head", "Thôn đã có 120 hộ trong nhóm", "120").with(as("village")))
			.andExpect(redirectedUrl("/requests/" + id));
		assertThat(answers(id)).isEqualTo(1);
	}

	@Test
	void badInputIsShownBesideItsFieldsWithWhatWasTypedAndNothingIsSaved() throws Exception {
		long before = jdbc.sql("SELECT count(*) FROM adhoc_request").query(Long.class).single();
		Document form = Jsoup.parse(mvc.perform(newRequest(" ", LocalDate.of(2030, 3, 19), UnitLevel.COMMUNE)
			.with(as("district")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(form.getElementById("title-error").text()).isEqualTo("Không được để trống.");
		assertThat(form.getElementById("deadline-error").text()).isEqualTo("Hạn trả lời không được là ngày đã qua.");
		assertThat(form.getElementById("communeIds-error").text()).isEqualTo("Hãy chọn ít nhất một xã.");
		assertThat(form.getElementById("questions").val()).isEqualTo("1. Có bao nhiêu hộ đã vào nhóm Zalo?\n2. Khó khăn gì?");
		assertThat(form.getElementById("deadline").val()).isEqualTo("2030-03-19");
		assertThat(form.select("input[name=indicatorIds][checked]").eachAttr("value")).containsExactly(String.valueOf(indicator.id()));
		assertThat(jdbc.sql("SELECT count(*) FROM adhoc_request").query(Long.class).single()).isEqualTo(before);

		Document english = Jsoup.parse(mvc.perform(newRequest("Title", DEADLINE, UnitLevel.VILLAGE).param("lang", "en")
			.with(as("district"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
		assertThat(english.getElementById("communeIds-error").text()).isEqualTo("Choose at least one commune.");
	}

	@Test
	void everyCommuneIsAServerSideChoice() throws Exception {
		mvc.perform(newRequest("Tất cả các xã", DEADLINE, UnitLevel.COMMUNE).with(as("district")))
			.andExpect(status().isOk());
		mvc.perform(newRequest("Tất cả các xã", DEADLINE, UnitLevel.COMMUNE).param("allCommunes", "true").with(as("district")))
			.andExpect(status().is3xxRedirection());
		assertThat(jdbc.sql("""
				SELECT count(*) FROM adhoc_request_unit a JOIN adhoc_request r ON r.id = a.request_id
				WHERE r.title = 'Tất cả các xã'""").query(Long.class).single())
			.isEqualTo(units.openChildren(township.parentId()).size());
	}

	@Test
	void aChairAnswersOnceWhateverIsClickedTwiceAndASecondTabIsRefused() throws Exception {
		long id = create("Số hộ có tài khoản thanh toán", DEADLINE, UnitLevel.COMMUNE, township, daiSon);
		Document bad = Jsoup.parse(mvc.perform(answer(id, "k0", "Trả lời", "-3").with(as("commune")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
		assertThat(bad.getElementById("value-" + indicator.id() + "-error").text()).isEqualTo("Số không được âm.");
		assertThat(bad.getElementById("answers").text()).isEqualTo("Trả lời");
		assertThat(answers(id)).isZero();

		mvc.perform(answer(id, "same-form", "Đã rà soát xong", "1.250").with(as("commune")))
			.andExpect(redirectedUrl("/requests/" + id));
		mvc.perform(answer(id, "same-form", "Đã rà soát xong", "1.250").with(as("commune")))
			.andExpect(redirectedUrl("/requests/" + id));
		assertThat(answers(id)).isEqualTo(1);
		assertThat(count("""
				SELECT v.value FROM adhoc_response_value v JOIN adhoc_response s ON s.id = v.response_id
				WHERE s.request_id = :id""", id)).isEqualTo(1250);
		assertThat(count("SELECT count(*) FROM audit_event WHERE action = 'ADHOC_ANSWERED' AND unit_id = " + township.id()
				+ " AND entity_id IN (SELECT id FROM adhoc_response WHERE request_id = :id)", id)).isEqualTo(1);

		Document tabB = Jsoup.parse(mvc.perform(answer(id, "tab-b", "Trả lời từ tab thứ hai", "7").with(as("commune")))
			.andExpect(status().isConflict()).andReturn().getResponse().getContentAsString());
		assertThat(tabB.select(".alert-error").text()).contains("đã gửi câu trả lời");
		assertThat(tabB.getElementById("answers").text()).isEqualTo("Trả lời từ tab thứ hai");
		assertThat(tabB.getElementById("value-" + indicator.id()).val()).isEqualTo("7");
		assertThat(answers(id)).isEqualTo(1);

		Document sent = page("/requests/" + id, "commune");
		assertThat(sent.select("form[action$=/answer]")).isEmpty();
		assertThat(sent.text()).contains("Đã rà soát xong");
		assertThat(page("/", "commune").select("#requests-heading + ul a").eachText()).doesNotContain("Số hộ có tài khoản thanh toán");
	}

	@Test
	void anAnswerIsLateOnlyAfterTheEndOfTheDeadlineDayInHanoi() throws Exception {
		long onTime = create("Đúng hạn", DEADLINE, UnitLevel.COMMUNE, township);
		long late = create("Muộn", DEADLINE, UnitLevel.COMMUNE, township);
		clock.set(DEADLINE.atTime(LocalTime.of(23, 59, 59)).atZone(HANOI).toInstant());
		mvc.perform(answer(onTime, "a", "Trả lời", "1").with(as("commune"))).andExpect(status().is3xxRedirection());
		clock.set(DEADLINE.plusDays(1).atStartOfDay(HANOI).toInstant());
		mvc.perform(answer(late, "b", "Trả lời", "1").with(as("commune"))).andExpect(status().is3xxRedirection());
		assertThat(count("SELECT count(*) FROM adhoc_response WHERE request_id = :id AND late", onTime)).isZero();
		assertThat(count("SELECT count(*) FROM adhoc_response WHERE request_id = :id AND late", late)).isEqualTo(1);
		assertThat(page("/requests/" + late, "district").select("tbody tr").first().text()).contains("Trả lời muộn");
		assertThat(page("/requests/" + onTime, "district").select("tbody tr").first().text()).doesNotContain("Trả lời muộn");
	}

	@Test
	void theDistrictSeesWhoAnsweredAndReadsTheAnswer() throws Exception {
		long id = create("Ai đã trả lời", DEADLINE, UnitLevel.COMMUNE, township, daiSon);
		mvc.perform(answer(id, "k", "Thị trấn đã rà soát", "42").with(as("commune"))).andExpect(status().is3xxRedirection());
		Document request = page("/requests/" + id, "district");
		assertThat(request.select("tbody tr")).hasSize(2);
		assertThat(request.select("tbody tr").get(0).text()).contains("Tứ Kỳ", "Đã trả lời");
		assertThat(request.select("tbody tr").get(1).text()).contains("Đại Sơn", "Chưa trả lời");
		String link = "/requests/" + id + "/answers/" + township.id();
		assertThat(request.select("tbody a").eachAttr("href")).containsExactly(link);
		assertThat(page("/requests", "district").select("tbody tr").first().text()).contains("1/2");
		assertThat(page(link, "district").text()).contains("Thị trấn đã rà soát", "42");
		assertThat(page(link, "commune").text()).contains("Thị trấn đã rà soát");
		assertThat(page(link + "?lang=en", "district").select("h1").text()).startsWith("Answer of");
		mvc.perform(get("/requests/" + id + "/answers/" + daiSon.id()).with(as("district"))).andExpect(status().isNotFound());
	}

	@Test
	void unitsOutsideTheAddresseesAreRefused() throws Exception {
		long toVillages = create("Các thôn của Đại Sơn", DEADLINE, UnitLevel.VILLAGE, daiSon);
		long toCommune = create("Chỉ thị trấn", DEADLINE, UnitLevel.COMMUNE, township);
		for (String outsider : List.of("commune", "village")) {
			mvc.perform(get("/requests/" + toVillages).with(as(outsider))).andExpect(status().isForbidden());
			mvc.perform(answer(toVillages, "x", "Trả lời", "1").with(as(outsider))).andExpect(status().isForbidden());
		}
		mvc.perform(get("/requests/" + toCommune).with(as("village"))).andExpect(status().isForbidden());
		mvc.perform(answer(toCommune, "x", "Trả lời", "1").with(as("village"))).andExpect(status().isForbidden());
		mvc.perform(get("/requests/" + toCommune + "/answers/" + township.id()).with(as("village")))
			.andExpect(status().isForbidden());
		mvc.perform(answer(toCommune, "x", "Trả lời", "1").with(as("district"))).andExpect(status().isForbidden());
		assertThat(answers(toVillages) + answers(toCommune)).isZero();
		assertThat(page("/requests", "village").select("tbody tr").eachText()).noneMatch(row -> row.contains("Đại Sơn"));
	}

	@Test
	void onlyDistrictOfficersCreateAndCloseAndAClosedRequestRefusesAnswers() throws Exception {
		for (String other : List.of("commune", "village", "steering", "admin")) {
			mvc.perform(get("/requests/new").with(as(other))).andExpect(status().isForbidden());
			mvc.perform(newRequest("Không được", DEADLINE, UnitLevel.COMMUNE, township).with(as(other)))
				.andExpect(status().isForbidden());
		}
		long id = create("Sẽ đóng", DEADLINE, UnitLevel.COMMUNE, township);
		assertThat(page("/requests/" + id, "steering").select("form[action$=/close]")).isEmpty();
		for (String other : List.of("commune", "steering")) {
			mvc.perform(post("/requests/" + id + "/close").with(csrf()).with(as(other))).andExpect(status().isForbidden());
		}
		mvc.perform(post("/requests/" + id + "/close").with(csrf()).with(as("district")))
			.andExpect(redirectedUrl("/requests/" + id));
		assertThat(count("SELECT count(*) FROM audit_event WHERE action = 'ADHOC_REQUEST_CLOSED' AND entity_id = :id", id))
			.isEqualTo(1);
		assertThat(page("/", "commune").select("#requests-heading + ul a").eachText()).doesNotContain("Sẽ đóng");
		Document refused = Jsoup.parse(mvc.perform(answer(id, "late-key", "Gửi sau khi đóng", "3").with(as("commune")))
			.andExpect(status().isConflict()).andReturn().getResponse().getContentAsString());
		assertThat(refused.select(".alert-error").text()).contains("đã đóng yêu cầu");
		// the page names the committee's unit that closed it, not a level
		assertThat(page("/requests/" + id, "commune").select(".alert-info").text())
			.contains("Huyện Tứ Kỳ đã đóng yêu cầu này");
		assertThat(refused.getElementById("answers").text()).isEqualTo("Gửi sau khi đóng");
		assertThat(answers(id)).isZero();
	}

}
