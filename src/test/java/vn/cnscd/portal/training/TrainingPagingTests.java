package vn.cnscd.portal.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.EntityManager;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.annotation.Transactional;

import vn.cnscd.portal.IntegrationTest;
import vn.cnscd.portal.SqlStatements;
import vn.cnscd.portal.area.SearchText;
import vn.cnscd.portal.area.UnitLevel;
import vn.cnscd.portal.area.UnitService;
import vn.cnscd.portal.area.UnitSummary;

/**
 * Issue #12 item 7 for the training module: a session's attendees and the commendation proposals are paged,
 * keep their filters in the address, and a page costs the same statements whatever the number of rows.
 */
@IntegrationTest
@Transactional
class TrainingPagingTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	UnitService units;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	EntityManager entityManager;

	RequestPostProcessor as(String username) {
		return user(users.loadUserByUsername(username));
	}

	Document page(String url, String username) throws Exception {
		return Jsoup.parse(mvc.perform(get(url).with(as(username)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	UnitSummary commune(String code) {
		return units.findOpen(UnitLevel.COMMUNE, code).orElseThrow();
	}

	/** A village team of Thị trấn Tứ Kỳ with that many members, named "{family} Văn {team}{number}". */
	List<Long> team(String name, String family, int size, int phones) {
		long village = units.openChildren(commune("11074").id()).get(1).id();
		long team = jdbc.sql("INSERT INTO team (unit_id, level, name) VALUES (:unit, 'VILLAGE', :name) RETURNING id")
			.param("unit", village)
			.param("name", "Tổ phân trang " + name)
			.query(Long.class)
			.single();
		List<Long> members = new ArrayList<>();
		for (int i = 1; i <= size; i++) {
			String fullName = "%s Văn %s%03d".formatted(family, name, i);
			String phone = "0362%06d".formatted(phones + i);
			members.add(jdbc.sql("""
					INSERT INTO team_member (team_id, full_name, search_text, gender, phone, team_role, affiliation, joined_on)
					VALUES (:team, :name, :search, 'MALE', :phone, 'MEMBER', 'OTHER', DATE '2022-04-15') RETURNING id""")
				.param("team", team)
				.param("name", fullName)
				.param("search", SearchText.fold(fullName) + " " + phone)
				.param("phone", phone)
				.query(Long.class)
				.single());
		}
		return members;
	}

	long session(String formKey, List<Long> attendees) throws Exception {
		mvc.perform(post("/training/sessions/new").with(csrf()).with(as("district"))
			.param("heldOn", "2026-03-10")
			.param("mode", "IN_PERSON")
			.param("topics", "E_PAYMENT")
			.param("organiser", "Huyện Tứ Kỳ")
			.param("place", "Hội trường")
			.param("formKey", formKey)).andExpect(status().is3xxRedirection());
		long session = jdbc.sql("SELECT id FROM training_session WHERE form_key = :key").param("key", formKey)
			.query(Long.class).single();
		mvc.perform(post("/training/sessions/" + session + "/attendees").with(csrf()).with(as("district"))
			.param("member", attendees.stream().map(String::valueOf).toArray(String[]::new)))
			.andExpect(status().is3xxRedirection());
		return session;
	}

	@Test
	void aSessionsAttendeesArePagedByTeamAndNameAndTheSearchStaysInTheAddress() throws Exception {
		List<Long> attendees = new ArrayList<>(team("A", "Nguyễn", 40, 0));
		attendees.addAll(team("B", "Nguyễn", 40, 100));
		attendees.addAll(team("C", "Trần", 40, 200));
		long session = session("paging-1", attendees);
		String url = "/training/sessions/" + session;

		Document first = page(url, "district");
		assertThat(first.select("#attendees").text()).isEqualTo("Người tham dự (120)");
		assertThat(first.select("tbody tr")).hasSize(TrainingService.ATTENDEES_PER_PAGE);
		assertThat(first.select("tbody tr td:first-child").first().text()).isEqualTo("Nguyễn Văn A001");
		assertThat(first.select("nav.pager").text()).contains("1–50 trong 120", "Trang 1/3");
		assertThat(first.select("nav.pager a[rel=prev]")).isEmpty();
		assertThat(first.select("nav.pager a[rel=next]").attr("href")).isEqualTo(url + "?page=2");

		Document last = page(url + "?page=3", "district");
		assertThat(last.select("tbody tr td:first-child").eachText()).hasSize(20).startsWith("Trần Văn C021")
			.endsWith("Trần Văn C040");
		assertThat(last.select("nav.pager a[rel=prev]").attr("href")).isEqualTo(url + "?page=2");
		assertThat(last.select("nav.pager a[rel=next]")).isEmpty();
		assertThat(page(url + "?page=99", "district").select("nav.pager").text()).contains("101–120 trong 120");
		assertThat(page(url + "?page=-4", "district").select("nav.pager").text()).contains("1–50 trong 120");
		assertThat(page(url + "?page=2", "district").select("nav.pager a[rel=prev]").attr("href")).isEqualTo(url);

		Document found = page(url + "?attendee=NGUYỄN&lang=en", "district");
		assertThat(found.select("input[name=attendee]").val()).isEqualTo("NGUYỄN");
		assertThat(found.select("nav.pager").text()).contains("1–50 of 80");
		String next = found.select("nav.pager a[rel=next]").attr("href");
		assertThat(next).isEqualTo(url + "?attendee=NGUY%E1%BB%84N&lang=en&page=2");
		Document second = Jsoup.parse(mvc.perform(get(URI.create(next)).with(as("district"))).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString());
		assertThat(second.select("tbody tr td:first-child").eachText()).hasSize(30)
			.allMatch(name -> name.startsWith("Nguyễn Văn B"));
		assertThat(second.select("input[name=attendee]").val()).isEqualTo("NGUYỄN");

		Document none = page(url + "?attendee=zzz", "district");
		assertThat(none.select("tbody tr")).isEmpty();
		assertThat(none.select("#main .empty").text()).contains("Không có người tham dự nào khớp với “zzz”.");
		assertThat(page(url + "?attendee=0362000105", "district").select("tbody tr td:first-child").eachText())
			.containsExactly("Nguyễn Văn B005");
	}

	@Test
	void aPageCostsTheSameStatementsWhateverTheNumberOfRows() throws Exception {
		long small = session("paging-2", team("D", "Lý", 2, 300));
		long large = session("paging-3", team("E", "Lý", 80, 400));
		assertThat(statements("/training/sessions/" + large)).isPositive()
			.isEqualTo(statements("/training/sessions/" + small));
		assertThat(statements("/training/sessions/" + large + "?attendee=ly&page=2"))
			.isEqualTo(statements("/training/sessions/" + small + "?attendee=ly"));

		UnitSummary many = commune("11074");
		UnitSummary few = commune("11083");
		assertThat(statements(many.url() + "/training")).isEqualTo(statements(few.url() + "/training"));
		assertThat(statements(many.url() + "/plans")).isEqualTo(statements(few.url() + "/plans"));

		proposals(many, 30, "PROPOSED");
		// the one approved proposal of the demo is a member's, as are some of the first page: both name members
		assertThat(statements("/commendations")).isEqualTo(statements("/commendations?status=APPROVED"));
	}

	/** The statements of one page for the officer, with nothing of an earlier request cached. */
	int statements(String url) throws Exception {
		RequestPostProcessor district = as("district");
		entityManager.flush();
		entityManager.clear();
		try (SqlStatements sql = SqlStatements.count()) {
			mvc.perform(get(url).with(district)).andExpect(status().isOk());
			return sql.executed();
		}
	}

	/** That many proposals for the commune's first village team, one a minute from yesterday at this time. */
	void proposals(UnitSummary commune, int count, String status) {
		jdbc.sql("""
				INSERT INTO commendation (team_id, unit_id, reason, period, proposed_by_name, proposed_at, status,
				                          decided_at, decided_by_name)
				SELECT t.id, t.unit_id, 'Lý do ' || n, 'Năm 2026', 'Cán bộ', now() - INTERVAL '1 day' + n * INTERVAL '1 minute',
				       :status, CASE WHEN :status = 'PROPOSED' THEN NULL ELSE now() END,
				       CASE WHEN :status = 'PROPOSED' THEN NULL ELSE 'Cán bộ' END
				FROM generate_series(1, :count) AS n,
				     (SELECT t.id, t.unit_id FROM team t JOIN unit u ON u.id = t.unit_id
				      WHERE u.parent_id = :commune AND t.status = 'ACTIVE' ORDER BY u.code, t.id LIMIT 1) AS t""")
			.param("commune", commune.id())
			.param("count", count)
			.param("status", status)
			.update();
	}

	@Test
	void proposalsArePagedNewestFirstAndFilteredByOutcomeAndCommune() throws Exception {
		UnitSummary tuKy = commune("11074");
		proposals(tuKy, 30, "PROPOSED");
		proposals(tuKy, 15, "APPROVED");
		long all = jdbc.sql("SELECT count(*) FROM commendation").query(Long.class).single();

		Document first = page("/commendations", "district");
		assertThat(first.select("tbody tr")).hasSize(CommendationService.PER_PAGE);
		assertThat(first.select("nav.pager").text()).contains("1–20 trong " + all);
		assertThat(first.select("nav.pager a[rel=next]").attr("href")).isEqualTo("/commendations?page=2");
		assertThat(first.select("select[name=commune] option")).hasSizeGreaterThan(20);

		String open = "/commendations?status=PROPOSED&commune=" + tuKy.id();
		Document proposed = page(open, "district");
		long waiting = jdbc.sql("""
				SELECT count(*) FROM commendation k JOIN unit u ON u.id = k.unit_id
				WHERE k.status = 'PROPOSED' AND u.subtree_path LIKE :path""")
			.param("path", tuKy.path() + "%")
			.query(Long.class)
			.single();
		assertThat(waiting).isEqualTo(31);
		// the demo's own proposal of the commune was made when the demo data was loaded, after these
		assertThat(proposed.select("tbody tr td:first-child + td + td").eachText()).element(1).isEqualTo("Lý do 30");
		assertThat(proposed.select("tbody tr td:first-child + td + td").eachText()).element(2).isEqualTo("Lý do 29");
		assertThat(proposed.select("select[name=status] option[selected]").val()).isEqualTo("PROPOSED");
		assertThat(proposed.select("select[name=commune] option[selected]").val()).isEqualTo(String.valueOf(tuKy.id()));
		String next = proposed.select("nav.pager a[rel=next]").attr("href");
		assertThat(next).isEqualTo(open + "&page=2");
		Document second = page(next, "district");
		assertThat(second.select("tbody tr")).hasSize(11);
		assertThat(second.select("tbody .badge").eachText()).containsOnly("Chờ quyết định");
		assertThat(second.select("a[href^=/commendations.xlsx]").attr("href"))
			.isEqualTo("/commendations.xlsx?status=PROPOSED&commune=" + tuKy.id());

		byte[] approved = mvc.perform(get("/commendations.xlsx?status=APPROVED&commune=" + tuKy.id()).with(as("district")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(approved))) {
			assertThat(workbook.getSheetAt(0).getLastRowNum()).isEqualTo(16);
		}

		assertThat(page("/commendations?status=REJECTED&commune=" + tuKy.id(), "commune").select("#main .empty").text())
			.isEqualTo("Không có đề xuất nào khớp với bộ lọc.");
		assertThat(page("/commendations", "commune").select("select[name=commune]")).isEmpty();
		mvc.perform(get("/commendations?commune=" + commune("11083").id()).with(as("commune")))
			.andExpect(status().isForbidden());
		mvc.perform(get("/commendations?commune=" + units.openChildren(tuKy.id()).get(0).id()).with(as("district")))
			.andExpect(status().isNotFound());
		mvc.perform(get("/commendations?status=SOMETHING").with(as("district"))).andExpect(status().isBadRequest());
	}

	@Test
	void aProposalKeepsItsTeamsUnit() throws Exception {
		long team = jdbc.sql("""
				SELECT t.id FROM team t JOIN unit u ON u.id = t.unit_id
				WHERE u.code = '11083' AND t.status = 'ACTIVE' ORDER BY t.id LIMIT 1""").query(Long.class).single();
		mvc.perform(post("/commendations/new").with(csrf()).with(as("district")).param("teamId", Long.toString(team))
			.param("period", "Năm 2026").param("reason", "Tốt").param("formKey", "paging-k"))
			.andExpect(status().is3xxRedirection());
		assertThat(jdbc.sql("SELECT unit_id FROM commendation WHERE form_key = 'paging-k'").query(Long.class).single())
			.isEqualTo(commune("11083").id());
	}

}
