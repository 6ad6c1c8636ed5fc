package vn.cnscd.portal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.annotation.Transactional;

import vn.cnscd.portal.HttpUser;
import vn.cnscd.portal.IntegrationTest;
import vn.cnscd.portal.area.UnitLevel;
import vn.cnscd.portal.area.UnitService;
import vn.cnscd.portal.area.UnitSummary;

/**
 * Issue #11, item 6, through the forms: text longer than a field takes comes back beside the field, kept and
 * not stored; a hidden field that is malformed (a 100 KB form key, a version that is no number, a map key that is
 * no id) and a list index past the portal's limit get the 400 page, never a 500 and never a silent "saved".
 */
@IntegrationTest
@Transactional
class FormLimitPagesTests {

	static final String HUGE_KEY = "k".repeat(100_000);

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	UnitService units;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	UnitSummary village;

	long villageTeam;

	String reportPage;

	@BeforeEach
	void setUp() {
		UnitSummary commune = units.findOpen(UnitLevel.COMMUNE, "11074").orElseThrow();
		village = units.openChildren(commune.id()).get(0);
		villageTeam = jdbc.sql("SELECT id FROM team WHERE unit_id = :unit AND status = 'ACTIVE' ORDER BY id LIMIT 1")
			.param("unit", village.id())
			.query(Long.class)
			.single();
		reportPage = "/villages/" + village.id() + "/reports/" + YearMonth.now(ZoneId.of("Asia/Ho_Chi_Minh"));
	}

	MockHttpServletResponse send(MockHttpServletRequestBuilder request, String username) throws Exception {
		MockHttpServletResponse response = mvc.perform(request.with(csrf()).with(user(users.loadUserByUsername(username))))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).as(response.getContentAsString()).isNotEqualTo(500);
		return response;
	}

	/** MockMvc renders no error page: the servlet container's error dispatch shows it ({@link #theBadRequestPageSaysWhy}). */
	static void isTheBadRequestPage(MockHttpServletResponse response) {
		assertThat(response.getStatus()).isEqualTo(400);
	}

	long reports() {
		return jdbc.sql("SELECT count(*) FROM village_report WHERE village_id = :village")
			.param("village", village.id())
			.query(Long.class)
			.single();
	}

	MockHttpServletRequestBuilder memberForm() {
		return post("/teams/" + villageTeam + "/members/new").param("fullName", "Nguyễn Văn Mới")
			.param("gender", "MALE")
			.param("birthYear", "1990")
			.param("phone", "0987 111 222")
			.param("role", "MEMBER")
			.param("affiliation", "OTHER")
			.param("joinedOn", LocalDate.now().toString())
			.param("version", "0");
	}

	long members(String name) {
		return jdbc.sql("SELECT count(*) FROM team_member WHERE full_name = :name").param("name", name).query(Long.class).single();
	}

	@Test
	void textLongerThanItsFieldComesBackBesideItAndIsNotStored() throws Exception {
		long before = reports();
		String huge = "Khó khăn ".repeat(170_000);
		Document page = Jsoup.parse(send(post(reportPage).param("action", "draft")
			.param("obstacles", huge)
			.param("sessionsHeld", "1".repeat(30))
			.param("formKey", "0b6a3f5e-8a44-4c2e-9d7b-1f0e2a3b4c5d"), "village").getContentAsString());
		assertThat(page.select(".field:has(#obstacles) .field-error").text()).isEqualTo("Tối đa 4.000 ký tự.");
		assertThat(page.getElementById("sessionsHeld-error").text()).isEqualTo("Tối đa 20 ký tự.");
		assertThat(page.getElementById("obstacles").text()).hasSize(huge.strip().length());
		assertThat(reports()).isEqualTo(before);
	}

	@Test
	void aMalformedFormKeyIsRefusedWithTheBadRequestPage() throws Exception {
		long before = reports();
		isTheBadRequestPage(send(post(reportPage).param("action", "draft").param("formKey", HUGE_KEY), "village"));
		assertThat(reports()).isEqualTo(before);

		isTheBadRequestPage(send(memberForm().param("formKey", HUGE_KEY), "commune"));
		isTheBadRequestPage(send(memberForm().param("formKey", "<script>"), "commune"));
		assertThat(members("Nguyễn Văn Mới")).as("not added, not dropped with 'added'").isZero();
		assertThat(send(memberForm().param("formKey", "0b6a3f5e-8a44-4c2e-9d7b-1f0e2a3b4c5d"), "commune").getStatus())
			.isEqualTo(302);
		assertThat(members("Nguyễn Văn Mới")).isEqualTo(1);
	}

	@Test
	void aVersionThatIsNoNumberIsRefusedWithTheBadRequestPage() throws Exception {
		isTheBadRequestPage(send(post("/teams/" + villageTeam + "/edit").param("name", "Tổ mới").param("version", "abc"),
				"commune"));
		isTheBadRequestPage(send(post(reportPage).param("action", "draft").param("version", "9".repeat(40)), "village"));
	}

	@Test
	void aMapKeyThatIsNoIdIsRefusedWithTheBadRequestPage() throws Exception {
		isTheBadRequestPage(send(post(reportPage).param("action", "draft").param("values[abc]", "1"), "village"));
		isTheBadRequestPage(send(post(reportPage).param("action", "draft").param("values[" + "9".repeat(30) + "]", "1"),
				"village"));
	}

	@Test
	void aListIndexPastTheLimitIsRefusedWithTheBadRequestPage() throws Exception {
		int year = LocalDate.now().getYear();
		String plan = "/teams/" + villageTeam + "/plans/" + year + "/edit";
		isTheBadRequestPage(send(post(plan).param("items[5000].month", "3").param("version", "0"), "commune"));
		isTheBadRequestPage(send(post(plan).param("items[" + FormBinding.MAX_INDEX + "].month", "3").param("version", "0"),
				"commune"));
		assertThat(send(post(plan).param("items[" + (FormBinding.MAX_INDEX - 1) + "].month", "3")
			.param("items[" + (FormBinding.MAX_INDEX - 1) + "].activity", "Tập huấn VNeID")
			.param("version", "0"), "commune").getStatus()).as("the last line the form may have").isIn(200, 302, 409);
	}

	@Test
	void theBadRequestPageSaysWhy() {
		HttpUser head = new HttpUser(port);
		head.signIn("village", "demo1234");
		String token = HttpUser.csrfToken(head.get(reportPage).body());
		HttpResponse<String> refused = head.post(reportPage,
				"action=draft&formKey=" + HUGE_KEY + "&_csrf=" + HttpUser.encode(token));
		assertThat(refused.statusCode()).isEqualTo(400);
		Document page = Jsoup.parse(refused.body());
		assertThat(page.select("h1").text()).isEqualTo("Yêu cầu không hợp lệ");
		assertThat(page.select("main p").first().text()).startsWith("Biểu mẫu gửi lên có dữ liệu không đúng dạng");
	}

}
