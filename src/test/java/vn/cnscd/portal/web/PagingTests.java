package vn.cnscd.portal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.annotation.Transactional;

import vn.cnscd.portal.IntegrationTest;
import vn.cnscd.portal.area.UnitLevel;
import vn.cnscd.portal.area.UnitService;
import vn.cnscd.portal.area.UnitSummary;

/**
 * Issue #12 item 7: long lists are paged, keep their filters in the address from page to page, and the
 * obstacles can be searched without diacritics. A commune with 2,000 more obstacles, a team with 50 more
 * members.
 */
@IntegrationTest
@Transactional
class PagingTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	UnitService units;

	@Autowired
	JdbcClient jdbc;

	Document page(String url, String username) throws Exception {
		return page(get(url), username);
	}

	Document page(MockHttpServletRequestBuilder request, String username) throws Exception {
		return Jsoup.parse(mvc.perform(request.with(user(users.loadUserByUsername(username))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	@Test
	void twoThousandObstaclesComeFiftyAPageWithTheirFiltersAndASearch() throws Exception {
		UnitSummary commune = units.findOpen(UnitLevel.COMMUNE, "11074").orElseThrow();
		long village = units.openChildren(commune.id()).get(1).id();
		jdbc.sql("""
				INSERT INTO obstacle (unit_id, period, source, source_id, text, status, raised_at)
				SELECT :village, DATE '2026-01-01', 'VILLAGE_REPORT', 0, 'Khó khăn số ' || n || ' ở cuối thôn', 'OPEN',
				       TIMESTAMPTZ '2026-01-06 08:00+07' + n * INTERVAL '1 minute'
				FROM generate_series(1, 2000) AS n""").param("village", village).update();
		long open = jdbc.sql("""
				SELECT count(*) FROM obstacle o JOIN unit u ON u.id = o.unit_id
				WHERE o.status = 'OPEN' AND u.subtree_path LIKE :path""")
			.param("path", commune.path() + "%")
			.query(Long.class)
			.single();
		assertThat(open).isGreaterThanOrEqualTo(2000);

		String list = "/obstacles?status=OPEN&unit=" + commune.id();
		Document first = page(list, "district");
		assertThat(first.select("table tbody tr")).hasSize(50);
		assertThat(first.select(".pagination-count").text()).startsWith("1–50 trong " + String.format(java.util.Locale.ROOT, "%,d", open).replace(',', '.'));
		Element next = first.selectFirst(".pagination a[rel=next]");
		assertThat(next.attr("href")).contains("status=OPEN", "unit=" + commune.id(), "page=2");

		long pages = (open + 49) / 50;
		Document last = page(list + "&page=" + pages, "district");
		assertThat(last.select("table tbody tr")).hasSize((int) (open - (pages - 1) * 50));
		assertThat(last.select(".pagination a[rel=next]")).isEmpty();
		// an address past the end shows the last page, not an empty one
		assertThat(page(list + "&page=" + (pages + 10), "district").select("table tbody tr"))
			.hasSize((int) (open - (pages - 1) * 50));

		Document found = page(get("/obstacles").param("q", "kho khan so 1999 o cuoi"), "commune");
		assertThat(found.select("table tbody tr")).singleElement()
			.satisfies(row -> assertThat(row.text()).contains("Khó khăn số 1999 ở cuối thôn"));
		assertThat(found.select("input[name=q]").val()).isEqualTo("kho khan so 1999 o cuoi");
		assertThat(found.select(".pagination")).isEmpty();
	}

	@Test
	void aTeamOfFiftyMoreMembersShowsThemTwentyAPage() throws Exception {
		long team = jdbc.sql("""
				SELECT t.id FROM team t JOIN unit u ON u.id = t.unit_id
				WHERE u.code = '11074' AND t.status = 'ACTIVE' ORDER BY t.id LIMIT 1""").query(Long.class).single();
		jdbc.sql("""
				INSERT INTO team_member (team_id, full_name, search_text, gender, phone, team_role, affiliation, joined_on)
				SELECT :team, 'Thành viên ' || n, 'thanh vien ' || n, 'FEMALE', '09870' || lpad(n::text, 5, '0'), 'MEMBER',
				       'OTHER', DATE '2024-01-01'
				FROM generate_series(1, 50) AS n""").param("team", team).update();
		long active = jdbc.sql("SELECT count(*) FROM team_member WHERE team_id = :team AND left_on IS NULL")
			.param("team", team)
			.query(Long.class)
			.single();

		Document first = page("/teams/" + team, "commune");
		assertThat(first.select("section[aria-labelledby=active-heading] tbody tr")).hasSize(20);
		assertThat(first.select("#active-heading").text()).contains(String.valueOf(active));
		long pages = (active + 19) / 20;
		Document last = page("/teams/" + team + "?page=" + pages, "commune");
		assertThat(last.select("section[aria-labelledby=active-heading] tbody tr")).hasSize((int) (active - (pages - 1) * 20));
		assertThat(last.select("section[aria-labelledby=active-heading] .pagination a[rel=prev]").attr("href"))
			.isEqualTo("/teams/" + team + (pages - 1 > 1 ? "?page=" + (pages - 1) : ""));
	}

}
