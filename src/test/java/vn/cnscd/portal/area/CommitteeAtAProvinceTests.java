package vn.cnscd.portal.area;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

import vn.cnscd.portal.IntegrationTest;
import vn.cnscd.portal.MutableClock;
import vn.cnscd.portal.indicator.IndicatorService;

/**
 * A committee at a province (issue #14, item 1): its officer opens every committee page of the province, over
 * every commune of its subtree, whether the communes sit under a district (the demo's Tỉnh Hải Dương of 2022,
 * with Huyện Tứ Kỳ between) or directly under it (after {@link ReorganisationFixture} moves one there, as the
 * July 2025 round moved all six); an officer of another province opens none of them; a steering member of the
 * province sees only the communes in their charge.
 */
@IntegrationTest
@Transactional
class CommitteeAtAProvinceTests {

	/** The committee pages of a unit, each a GET a committee's officer may open. */
	private static final List<String> PAGES = List.of("/teams", "/roster.xlsx", "/targets", "/training", "/plans",
			"/dashboard", "/dashboard/trends", "/dashboard/text");

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UnitService units;

	@Autowired
	ReorganisationService reorganisations;

	@Autowired
	IndicatorService indicators;

	@Autowired
	MutableClock clock;

	ReorganisationPages pages;

	@BeforeEach
	void setUp() {
		pages = new ReorganisationPages(mvc, users, jdbc, units);
	}

	@AfterEach
	void releaseClock() {
		clock.reset();
	}

	@Test
	void onlyTheCommitteeLevelsMayBeTheHomeOfAnOfficerOrASteeringMember() {
		UnitSummary province = pages.province();
		UnitSummary district = pages.district();
		UnitSummary commune = pages.commune("11074");
		for (Role role : List.of(Role.OFFICER, Role.STEERING_MEMBER)) {
			assertThat(role.fitsHome(province)).as(role + " at a province").isTrue();
			assertThat(role.fitsHome(district)).as(role + " at a district").isTrue();
			assertThat(role.fitsHome(commune)).as(role + " at a commune").isFalse();
		}
		assertThat(Role.COMMUNE_CHAIR.fitsHome(province)).isFalse();
		assertThat(Role.ADMIN.fitsHome(province)).isTrue();
		assertThat(Role.ADMIN.fitsHome(district)).isFalse();
	}

	@Test
	void anAdministratorMakesAnOfficerOfTheProvinceAndAnOfficerThereASteeringMember() throws Exception {
		UnitSummary province = pages.province();
		MockHttpServletResponse officer = pages.post("/accounts/new", "admin", Map.of("username", "so-khcn",
				"fullName", "Đỗ Thị Sở", "phone", "", "role", "OFFICER", "homeUnitId", province.id()));
		assertThat(officer.getStatus()).as(ReorganisationPages.html(officer).select(".field-error").text()).isEqualTo(302);
		String colleague = pages.provinceOfficer();
		MockHttpServletResponse member = pages.post("/accounts/new", colleague, Map.of("username", "so-khcn-tcd",
				"fullName", "Lý Văn Đạo", "phone", "", "role", "STEERING_MEMBER", "homeUnitId", province.id()));
		assertThat(member.getRedirectedUrl()).as(ReorganisationPages.html(member).select(".field-error").text())
			.isEqualTo("/accounts");
		assertThat(jdbc.sql("SELECT role || ' ' || home_unit_id FROM app_user WHERE username LIKE 'so-khcn%' ORDER BY username")
			.query(String.class)
			.list()).containsExactly("OFFICER " + province.id(), "STEERING_MEMBER " + province.id());
		// a commune chair is still a commune's
		MockHttpServletResponse chair = pages.post("/accounts/new", colleague, Map.of("username", "so-khcn-xa",
				"fullName", "Lý Văn Xã", "phone", "", "role", "COMMUNE_CHAIR", "homeUnitId", province.id()));
		assertThat(chair.getStatus()).isEqualTo(200);
		assertThat(ReorganisationPages.html(chair).getElementById("homeUnitId-error")).isNotNull();
	}

	@Test
	void anOfficerOfTheProvinceOpensEveryCommitteePageOverTheCommunesUnderItsDistricts() throws Exception {
		String officer = pages.provinceOfficer();
		UnitSummary province = pages.province();
		for (String page : PAGES) {
			MockHttpServletResponse response = pages.get(province.url() + page, officer);
			assertThat(response.getStatus()).as(officer + " GET " + province.url() + page).isEqualTo(200);
		}
		String reports = pages.get("/reports", officer).getRedirectedUrl();
		assertThat(reports).startsWith(province.url() + "/reports/");
		assertThat(pages.get(reports, officer).getStatus()).isEqualTo(200);

		// the 23 communes of Tứ Kỳ, a level below the province
		Set<String> communes = units.communesOn(province, LocalDate.now(clock))
			.stream()
			.map(commune -> commune.url() + "/teams")
			.collect(Collectors.toSet());
		assertThat(communes).hasSize(23);
		Document teams = pages.page(province.url() + "/teams", officer);
		assertThat(teams.select("tbody a[href$=/teams]")).extracting(link -> link.attr("href"))
			.containsExactlyInAnyOrderElementsOf(communes);
		Document targets = pages.page(province.url() + "/targets", officer);
		assertThat(targets.text()).contains("Thị trấn Tứ Kỳ", "Xã Hà Thanh");

		// the province's pages are not a district's, and the district's officer does not open them
		assertThat(pages.get("/districts/" + province.id() + "/teams", officer).getStatus()).isEqualTo(404);
		assertThat(pages.get(province.url() + "/teams", "district").getStatus()).isEqualTo(403);
		// the menu's own pages lead the officer to the province's
		assertThat(pages.get("/dashboard", officer).getRedirectedUrl()).isEqualTo(province.url() + "/dashboard");
		assertThat(pages.get("/teams", officer).getRedirectedUrl()).isEqualTo(province.url() + "/teams");
		Document home = pages.page("/", officer);
		assertThat(home.select("a[href=" + province.url() + "/dashboard]")).isNotEmpty();
		// the province's own page offers no form the portal does not have
		assertThat(pages.page(province.url(), officer).select("a[href=" + province.url() + "/new]")).isEmpty();
		// the chase list's "remind them all" of the province's dashboard
		String month = reports.substring(reports.lastIndexOf('/') + 1);
		MockHttpServletResponse reminded = pages.post(province.url() + "/reminders", officer, Map.of("month", month));
		assertThat(reminded.getRedirectedUrl()).isEqualTo(province.url() + "/dashboard?month=" + month + "#chase");
	}

	@Test
	void anOfficerOfAnotherProvinceOpensNoneOfItsPages() throws Exception {
		String officer = pages.provinceOfficer();
		UnitSummary province = pages.province();
		long other = jdbc.sql("""
				INSERT INTO unit (parent_id, level, kind, code, name, search_text, ancestor_path, valid_from)
				VALUES (NULL, 'PROVINCE', 'TINH', '27', 'Bắc Ninh', 'tinh bac ninh 27', '/', DATE '2008-01-01')
				RETURNING id""").query(Long.class).single();
		jdbc.sql("""
				INSERT INTO app_user (username, password_hash, full_name, role, home_unit_id, must_change_password)
				VALUES ('bacninh', 'x', 'Ngô Văn Ninh', 'OFFICER', :home, false)""").param("home", other).update();
		for (String page : PAGES) {
			assertThat(pages.get(province.url() + page, "bacninh").getStatus()).as("bacninh GET " + page).isIn(403, 404);
			assertThat(pages.get("/provinces/" + other + page, officer).getStatus()).as(officer + " GET " + page)
				.isIn(403, 404);
		}
		String reports = pages.get("/reports", officer).getRedirectedUrl();
		assertThat(pages.get(reports, "bacninh").getStatus()).isIn(403, 404);
		assertThat(pages.post(province.url() + "/targets", "bacninh", Map.of("fingerprint", "x")).getStatus())
			.isIn(403, 404);
	}

	@Test
	void aSteeringMemberOfTheProvinceSeesOnlyTheCommunesInTheirCharge() throws Exception {
		String officer = pages.provinceOfficer();
		UnitSummary province = pages.province();
		long account = jdbc.sql("""
				INSERT INTO app_user (username, password_hash, full_name, role, home_unit_id, must_change_password)
				VALUES ('tinh-tcd', 'x', 'Phạm Thị Chỉ Đạo', 'STEERING_MEMBER', :home, false) RETURNING id""")
			.param("home", province.id())
			.query(Long.class)
			.single();
		UnitSummary tuKy = pages.commune("11074");
		UnitSummary haThanh = pages.commune("11152");
		UnitSummary daiSon = pages.commune("11083");
		// the officer of the province gives them two communes of a district under it
		MockHttpServletResponse created = pages.post("/steering/new", officer,
				Map.of("fullName", "Phạm Thị Chỉ Đạo", "position", "Phó Giám đốc", "agency", "Sở Khoa học và Công nghệ",
						"accountId", account, "communeIds", List.of(tuKy.id(), haThanh.id())));
		assertThat(created.getStatus()).as(ReorganisationPages.html(created).select(".field-error, .alert-error").text())
			.isEqualTo(302);

		Document mine = pages.page("/steering/mine", "tinh-tcd");
		assertThat(mine.select("tbody a")).extracting(Element::text)
			.containsExactly("Thị trấn Tứ Kỳ", "Xã Hà Thanh");
		Document home = pages.page("/", "tinh-tcd");
		assertThat(home.select("tbody a")).extracting(link -> link.attr("href"))
			.containsExactly(tuKy.url(), haThanh.url());
		Document teams = pages.page(province.url() + "/teams", "tinh-tcd");
		assertThat(teams.select("tbody a[href$=/teams]")).extracting(link -> link.attr("href"))
			.containsExactly(tuKy.url() + "/teams", haThanh.url() + "/teams");
		assertThat(pages.get(province.url() + "/dashboard", "tinh-tcd").getStatus()).isEqualTo(200);
		assertThat(pages.get(daiSon.url() + "/dashboard", "tinh-tcd").getStatus()).isEqualTo(403);
		assertThat(pages.get(tuKy.url() + "/dashboard", "tinh-tcd").getStatus()).isEqualTo(200);
	}

	@Test
	void aCommuneDirectlyUnderTheProvinceIsOneOfItsCommunes() throws Exception {
		ReorganisationFixture fixture = new ReorganisationFixture(reorganisations, units, indicators, jdbc, clock);
		fixture.reorganise();
		String officer = pages.provinceOfficer();
		UnitSummary province = pages.province();
		UnitSummary moved = units.get(fixture.c.id());
		assertThat(moved.parentId()).isEqualTo(province.id());
		UnitSummary merged = units.findOpen(UnitLevel.COMMUNE, "99001").orElseThrow();

		Document reports = pages.page(province.url() + "/reports/2031-09", officer);
		assertThat(reports.select("tbody td a")).extracting(Element::text)
			.contains("Xã Hưng Đạo", "Xã Tân Hợp")
			.doesNotContain("Thị trấn Tứ Kỳ", "Xã Đại Sơn");
		// the district's page has the commune that stayed under it, not the one that moved
		Document district = pages.page(fixture.district.url() + "/reports/2031-09", "district");
		assertThat(district.select("tbody td a")).extracting(Element::text)
			.contains("Xã Tân Hợp")
			.doesNotContain("Xã Hưng Đạo");
		// June's tree was the one before the round: Hưng Đạo under the district, A and B not yet merged
		Document june = pages.page(province.url() + "/reports/2031-06", officer);
		assertThat(june.select("tbody td a")).extracting(Element::text)
			.contains("Xã Hưng Đạo", "Thị trấn Tứ Kỳ", "Xã Đại Sơn")
			.doesNotContain("Xã Tân Hợp");

		Document teams = pages.page(province.url() + "/teams", officer);
		assertThat(teams.select("tbody a[href$=/teams]")).extracting(link -> link.attr("href"))
			.contains(moved.url() + "/teams", merged.url() + "/teams");
		Document targets = pages.page(province.url() + "/targets", officer);
		assertThat(targets.text()).contains("Xã Hưng Đạo", "Xã Tân Hợp");
		Document training = pages.page(province.url() + "/training", officer);
		assertThat(training.text()).contains("Hưng Đạo", "Tân Hợp");
		assertThat(pages.page(province.url() + "/plans", officer).text()).contains("Hưng Đạo");
		assertThat(pages.get(province.url() + "/roster.xlsx", officer).getStatus()).isEqualTo(200);

		// the commune's report goes to the province, which its page names; the district's commune still to the district
		jdbc.sql("""
				INSERT INTO app_user (username, password_hash, full_name, role, home_unit_id, must_change_password)
				VALUES ('hungdao', 'x', 'Vũ Văn Đạo', 'COMMUNE_CHAIR', :home, false)""").param("home", moved.id()).update();
		Document own = pages.page(moved.url() + "/reports/2031-10", "hungdao");
		assertThat(own.getElementById("own-heading").text()).startsWith("Báo cáo của xã gửi Tỉnh Hải Dương");
		assertThat(own.select("button[value=submit]").text()).isEqualTo("Gửi báo cáo lên Tỉnh Hải Dương");
		Document stayed = pages.page(merged.url() + "/reports/2031-10", officer);
		assertThat(stayed.getElementById("own-heading").text()).startsWith("Báo cáo của xã gửi Huyện Tứ Kỳ");
	}

}
