package vn.cnscd.portal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
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
import vn.cnscd.portal.reporting.Deadlines;

/**
 * Issue #12 items 6, 12 and 13, what the commune chair sees on the demo data: an overdue ad hoc request says so
 * on the home page; the review of a village's report shows the value sent before and the change beside each
 * figure, and village names lead to their reports; a village with an active team offers that team, not a new one.
 */
@IntegrationTest
@Transactional
class CommuneChairPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	UnitService units;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Deadlines deadlines;

	Document page(String url, String username) throws Exception {
		return Jsoup.parse(mvc.perform(get(url).with(user(users.loadUserByUsername(username))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	UnitSummary township() {
		return units.findOpen(UnitLevel.COMMUNE, "11074").orElseThrow();
	}

	@Test
	void anOverdueRequestIsMarkedOverdueOnTheHomePage() throws Exception {
		// the demo survey's deadline has passed and Thị trấn Tứ Kỳ has not answered it
		List<Element> requests = page("/", "commune").select("section[aria-labelledby=requests-heading] li");
		assertThat(requests).isNotEmpty();
		Element survey = requests.stream()
			.filter(li -> li.text().contains("điện thoại thông minh"))
			.findFirst()
			.orElseThrow();
		assertThat(survey.select(".badge.overdue").text()).isEqualTo("Quá hạn");
		// the villages' request is still open: no mark
		assertThat(page("/", "village").select("section[aria-labelledby=requests-heading] li .overdue")).isEmpty();
	}

	@Test
	void theReviewShowsTheValueBeforeAndTheChange() throws Exception {
		YearMonth month = deadlines.reportingMonth();
		Map<String, Object> report = jdbc.sql("""
				SELECT r.id, r.village_id FROM village_report r JOIN unit v ON v.id = r.village_id
				WHERE v.parent_id = :commune AND r.period = :period AND r.status = 'SUBMITTED'
				  AND EXISTS (SELECT 1 FROM village_report p WHERE p.village_id = r.village_id AND p.period = :before
				              AND p.status IN ('SUBMITTED', 'APPROVED'))
				ORDER BY v.code LIMIT 1""")
			.param("commune", township().id())
			.param("period", month.atDay(1))
			.param("before", month.minusMonths(1).atDay(1))
			.query()
			.singleRow();
		long village = ((Number) report.get("village_id")).longValue();
		// one figure made odd: the Zalo group lost households
		jdbc.sql("""
				UPDATE village_report_value v SET value = 0 FROM indicator i
				WHERE i.id = v.indicator_id AND i.code = 'XHS07' AND v.report_id = :report""")
			.param("report", report.get("id"))
			.update();
		Map<String, Integer> before = values(village, month.minusMonths(1));
		Map<String, Integer> now = values(village, month);

		Document review = page("/villages/" + village + "/reports/" + month, "commune");
		assertThat(review.select("table.values thead th").eachText()).containsExactly("Chỉ số", "Số liệu", "Tháng trước",
				"Thay đổi");
		assertThat(review.select("form[action$=/approve]")).hasSize(1);
		for (Element row : review.select("table.values tbody tr")) {
			String name = row.selectFirst("th span").text();
			String code = jdbc.sql("SELECT code FROM indicator WHERE name_vi = :name").param("name", name)
				.query(String.class).single();
			int change = now.get(code) - before.get(code);
			assertThat(row.select("td.previous-value span").first().text()).as(code).isEqualTo(vietnamese(before.get(code)));
			assertThat(row.select("td.change span").first().text()).as(code)
				.isEqualTo(change > 0 ? "+" + vietnamese(change) : change < 0 ? "−" + vietnamese(-change) : "0");
		}
		Element zalo = review.select("table.values tbody tr").stream()
			.filter(row -> row.text().contains("nhóm Zalo"))
			.findFirst()
			.orElseThrow();
		assertThat(zalo.select("td.change.fallen .badge").text()).isEqualTo("giảm");
	}

	@Test
	void villageNamesLeadToTheirReports() throws Exception {
		YearMonth month = deadlines.reportingMonth();
		UnitSummary township = township();
		Document list = page(township.url() + "/reports/" + month, "commune");
		for (UnitSummary village : units.openChildren(township.id())) {
			assertThat(list.select("a[href=/villages/" + village.id() + "/reports/" + month + "]").eachText())
				.as(village.code())
				.contains(village.kind() == vn.cnscd.portal.area.UnitKind.KHU_DAN_CU ? "Khu dân cư " + village.name()
						: "Thôn " + village.name());
		}
		Document dashboard = page(township.url() + "/dashboard?month=" + month, "commune");
		for (Element row : dashboard.select("table.villages tbody tr")) {
			assertThat(row.selectFirst("td a").attr("href")).isEqualTo(
					"/villages/" + row.attr("data-village") + "/reports/" + month);
		}
	}

	@Test
	void aVillageWithAnActiveTeamOffersItsTeamNotANewOne() throws Exception {
		List<UnitSummary> villages = units.openChildren(township().id());
		UnitSummary withTeam = villages.get(0);
		long team = jdbc.sql("SELECT id FROM team WHERE unit_id = :unit AND status = 'ACTIVE'")
			.param("unit", withTeam.id())
			.query(Long.class)
			.single();
		Document page = page(withTeam.url() + "/teams", "commune");
		assertThat(page.select("a[href$=/teams/new]")).isEmpty();
		assertThat(page.select("a.button.primary").eachAttr("href")).containsExactly("/teams/" + team);

		UnitSummary without = villages.get(1);
		jdbc.sql("UPDATE team SET status = 'DISSOLVED', dissolved_on = DATE '2026-01-01' WHERE unit_id = :unit")
			.param("unit", without.id())
			.update();
		Document empty = page(without.url() + "/teams", "commune");
		assertThat(empty.select("a.button.primary").eachAttr("href")).containsExactly(without.url() + "/teams/new");
		assertThat(page(without.url() + "/teams", "district").select("a[href$=/teams/new]")).isEmpty();
	}

	Map<String, Integer> values(long village, YearMonth month) {
		return jdbc.sql("""
				SELECT i.code, v.value FROM village_report r JOIN village_report_value v ON v.report_id = r.id
				JOIN indicator i ON i.id = v.indicator_id WHERE r.village_id = :village AND r.period = :period""")
			.param("village", village)
			.param("period", month.atDay(1))
			.query((rs, row) -> Map.entry(rs.getString("code"), rs.getInt("value")))
			.list()
			.stream()
			.collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	static String vietnamese(int number) {
		return String.format(java.util.Locale.ROOT, "%,d", number).replace(',', '.');
	}

}
