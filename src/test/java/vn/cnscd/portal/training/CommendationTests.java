package vn.cnscd.portal.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
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

@IntegrationTest
@Transactional
class CommendationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	RequestPostProcessor as(String username) {
		return user(users.loadUserByUsername(username));
	}

	long teamOf(String unitCode) {
		return jdbc.sql("""
				SELECT t.id FROM team t JOIN unit u ON u.id = t.unit_id
				WHERE u.code = :code AND t.status = 'ACTIVE' ORDER BY t.id LIMIT 1""")
			.param("code", unitCode)
			.query(Long.class)
			.single();
	}

	long memberOf(long team) {
		return jdbc.sql("SELECT id FROM team_member WHERE team_id = :team AND left_on IS NULL ORDER BY id LIMIT 1")
			.param("team", team)
			.query(Long.class)
			.single();
	}

	long proposal(String formKey) {
		return jdbc.sql("SELECT id FROM commendation WHERE form_key = :key").param("key", formKey).query(Long.class).single();
	}

	Document page(String url, String username) throws Exception {
		return Jsoup.parse(mvc.perform(get(url).with(as(username))).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString());
	}

	@Test
	void aCommuneChairProposesOnceAndTheDistrictDecides() throws Exception {
		long member = memberOf(teamOf("11074-01"));
		for (int click = 0; click < 2; click++) {
			mvc.perform(post("/commendations/new").with(csrf()).with(as("commune"))
				.param("memberId", Long.toString(member)).param("period", "Quý III/2026")
				.param("reason", "Hướng dẫn 120 hộ cài VNeID").param("formKey", "k-1"))
				.andExpect(redirectedUrl("/commendations"));
		}
		long id = proposal("k-1");
		assertThat(jdbc.sql("SELECT count(*) FROM commendation WHERE form_key = 'k-1'").query(Long.class).single()).isOne();
		assertThat(page("/commendations", "district").select("tbody").text()).contains("Quý III/2026", "Chờ quyết định");

		mvc.perform(post("/commendations/" + id + "/decide").with(csrf()).with(as("commune"))
			.param("decision", "APPROVED").param("version", "0")).andExpect(status().isForbidden());
		mvc.perform(post("/commendations/" + id + "/decide").with(csrf()).with(as("district"))
			.param("decision", "APPROVED").param("note", "Khen thưởng theo Quyết định số 12").param("version", "0"))
			.andExpect(redirectedUrl("/commendations"));
		Document stale = Jsoup.parse(mvc.perform(post("/commendations/" + id + "/decide").with(csrf()).with(as("district"))
			.param("decision", "REJECTED").param("note", "Chưa đủ thành tích").param("version", "0"))
			.andExpect(status().isConflict()).andReturn().getResponse().getContentAsString());
		assertThat(stale.select("textarea[name=note]").text()).isEqualTo("Chưa đủ thành tích");

		assertThat(jdbc.sql("SELECT status || ' ' || decision_note FROM commendation WHERE id = :id").param("id", id)
			.query(String.class).single()).isEqualTo("APPROVED Khen thưởng theo Quyết định số 12");
		assertThat(jdbc.sql("SELECT action FROM audit_event WHERE entity_type = 'COMMENDATION' AND entity_id = :id ORDER BY id")
			.param("id", id).query(String.class).list()).containsExactly("COMMENDATION_PROPOSED", "COMMENDATION_DECIDED",
					"COMMENDATION_DECIDED");
	}

	@Test
	void proposalsStayWithinTheArea() throws Exception {
		long elsewhere = teamOf("11083");
		mvc.perform(post("/commendations/new").with(csrf()).with(as("commune")).param("teamId", Long.toString(elsewhere))
			.param("period", "Năm 2026").param("reason", "Tốt").param("formKey", "k-2")).andExpect(status().isForbidden());
		mvc.perform(get("/commendations/new").param("team", Long.toString(teamOf("11074"))).with(as("village")))
			.andExpect(status().isForbidden());
		mvc.perform(post("/commendations/new").with(csrf()).with(as("steering")).param("teamId", Long.toString(elsewhere))
			.param("period", "Năm 2026").param("reason", "Tốt").param("formKey", "k-3")).andExpect(status().isForbidden());
		mvc.perform(post("/commendations/new").with(csrf()).with(as("district")).param("teamId", Long.toString(elsewhere))
			.param("period", "Năm 2026").param("reason", "Tốt").param("formKey", "k-4"))
			.andExpect(redirectedUrl("/commendations"));
		assertThat(page("/commendations", "commune").select("a[href=/teams/" + elsewhere + "]")).isEmpty();
		assertThat(page("/commendations", "steering").select("a[href=/teams/" + elsewhere + "]")).isNotEmpty();
		assertThat(jdbc.sql("SELECT count(*) FROM commendation WHERE form_key IN ('k-2', 'k-3')").query(Long.class).single())
			.isZero();
	}

	@Test
	void theListExportsWithVietnameseHeadersAndNoFormulas() throws Exception {
		mvc.perform(post("/commendations/new").with(csrf()).with(as("district"))
			.param("teamId", Long.toString(teamOf("11074"))).param("period", "Năm 2026")
			.param("reason", "=HYPERLINK(\"http://x\")").param("formKey", "k-5"));
		byte[] file = mvc.perform(get("/commendations.xlsx").with(as("district")))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment;")))
			.andReturn().getResponse().getContentAsByteArray();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file))) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(3).getStringCellValue()).isEqualTo("Lý do, thành tích");
			Row row = null;
			for (Row candidate : sheet) {
				if (candidate.getCell(3) != null && candidate.getCell(3).getStringCellValue().contains("HYPERLINK")) {
					row = candidate;
				}
			}
			assertThat(row).isNotNull();
			assertThat(row.getCell(3).getStringCellValue()).isEqualTo("'=HYPERLINK(\"http://x\")");
			assertThat(row.getCell(7).getStringCellValue()).isEqualTo("Chờ quyết định");
		}
	}

}
