package vn.cnscd.portal.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

import vn.cnscd.portal.IntegrationTest;
import vn.cnscd.portal.area.UnitLevel;
import vn.cnscd.portal.area.UnitService;
import vn.cnscd.portal.area.UnitSummary;

/**
 * Issue #12 items 2 and 3 on the demo district: a steering member's view of the district says that it counts
 * only the communes in their charge, in every title and heading; the Zalo text names every state as the
 * dashboard does, fits a phone and names no phone number.
 */
@IntegrationTest
@Transactional
class PartialViewTests {

	static final String PARTIAL = "các xã do ông/bà Trần Văn Minh phụ trách (3 trong 23 xã của Huyện Tứ Kỳ)";

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	UnitService units;

	@Autowired
	JdbcClient jdbc;

	Document page(String url, String username) throws Exception {
		return Jsoup.parse(mvc.perform(get(url).with(user(users.loadUserByUsername(username))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	UnitSummary district() {
		return units.findOpen(UnitLevel.DISTRICT, "298").orElseThrow();
	}

	@Test
	void aSteeringMembersPagesSayWhichCommunesTheyCount() throws Exception {
		String base = district().url() + "/dashboard";
		for (String url : List.of(base, base + "/trends", base + "/text")) {
			Document mine = page(url, "steering");
			assertThat(mine.title()).as(url).contains(PARTIAL);
			assertThat(mine.select("h1").text()).as(url).contains(PARTIAL);
			assertThat(mine.select(".coverage").text()).as(url)
				.isEqualTo("Các xã do ông/bà Trần Văn Minh phụ trách: 3 trong 23 xã của Huyện Tứ Kỳ");

			Document whole = page(url, "district");
			assertThat(whole.select("h1").text()).as(url).contains("Huyện Tứ Kỳ").doesNotContain("phụ trách");
			assertThat(whole.select(".coverage")).isEmpty();
		}
		assertThat(page(base + "/text", "steering").selectFirst("textarea").val().lines().findFirst().orElseThrow())
			.isEqualTo("TỔNG QUAN " + PARTIAL + " THÁNG " + page(base, "steering").select("h1").text()
				.replaceFirst(".* tháng ", ""));
		assertThat(page(base + "?lang=en", "steering").select("h1").text())
			.contains("the communes in the charge of Trần Văn Minh (3 of the 23 communes of District Tứ Kỳ)");
	}

	@Test
	void theZaloTextFitsAPhoneNamesStatesAsTheDashboardAndNoPhone() throws Exception {
		UnitSummary district = district();
		String month = page(district.url() + "/dashboard", "district").select(".page-actions a[href*=text]")
			.attr("href")
			.replaceFirst(".*month=", "");
		// every village with a team but the first three without a report this month, the first one given back
		String others = """
				SELECT r.id FROM village_report r JOIN unit v ON v.id = r.village_id
				WHERE r.period = CAST(:month AS date) AND v.ancestor_path LIKE :path
				  AND r.village_id NOT IN (SELECT id FROM unit WHERE level = 'VILLAGE' AND ancestor_path LIKE :path
				                           ORDER BY code LIMIT 3)""";
		jdbc.sql("DELETE FROM village_report_value WHERE report_id IN (" + others + ")")
			.param("month", month + "-01")
			.param("path", district.path() + "%")
			.update();
		jdbc.sql("DELETE FROM village_report WHERE id IN (" + others + ")")
			.param("month", month + "-01")
			.param("path", district.path() + "%")
			.update();
		long returned = jdbc.sql("""
				SELECT id FROM unit WHERE level = 'VILLAGE' AND ancestor_path LIKE :path ORDER BY code LIMIT 1""")
			.param("path", district.path() + "%")
			.query(Long.class)
			.single();
		jdbc.sql("""
				INSERT INTO village_report (village_id, period, status, return_reason, submitted_at, updated_at)
				VALUES (:v, CAST(:month AS date), 'RETURNED', 'Xem lại', now(), now())
				ON CONFLICT (village_id, period) DO UPDATE SET status = 'RETURNED', return_reason = 'Xem lại'""")
			.param("v", returned)
			.param("month", month + "-01")
			.update();

		String text = page(district.url() + "/dashboard/text?month=" + month, "district").selectFirst("textarea").val();
		assertThat(text.length()).as(text).isLessThan(1500);
		assertThat(text).doesNotContainPattern("0\\d{9}");
		List<String> named = text.lines().dropWhile(line -> !line.startsWith("Thôn cần nhắc báo cáo")).skip(1).toList();
		assertThat(named).hasSize(DashboardText.NAMED + 1);
		assertThat(named.get(DashboardText.NAMED)).matches("và \\d+ thôn khác");
		assertThat(named).anySatisfy(line -> assertThat(line).endsWith(": Bị trả lại"));
		assertThat(named).noneSatisfy(line -> assertThat(line).contains("chưa gửi"));
		assertThat(named.subList(0, DashboardText.NAMED)).allSatisfy(line -> assertThat(line)
			.matches("- .+ \\(.+\\): (Chưa có báo cáo|Đang soạn|Bị trả lại|Gửi muộn)"));
		List<String> behind = text.lines().dropWhile(line -> !line.startsWith("Xã còn thôn chưa gửi")).skip(1)
			.takeWhile(line -> line.startsWith("- ") || line.startsWith("và "))
			.toList();
		assertThat(behind).hasSizeLessThanOrEqualTo(DashboardText.NAMED + 1).isNotEmpty();
	}

}
