package vn.cnscd.portal.area;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import tools.jackson.databind.json.JsonMapper;

/**
 * The reorganisation pages as a test drives them, on the demo's 23 communes of district 298 and nothing more:
 * signed-in requests, the file import's two steps, and the units and drafts the tests look at.
 */
final class ReorganisationPages {

	static final LocalDate JANUARY = LocalDate.of(2025, 1, 1);

	static final LocalDate JULY = LocalDate.of(2025, 7, 1);

	final MockMvc mvc;

	final UserDetailsService users;

	final JdbcClient jdbc;

	final UnitService units;

	ReorganisationPages(MockMvc mvc, UserDetailsService users, JdbcClient jdbc, UnitService units) {
		this.mvc = mvc;
		this.users = users;
		this.jdbc = jdbc;
		this.units = units;
	}

	RequestPostProcessor as(String username) {
		return user(users.loadUserByUsername(username));
	}

	MockHttpServletResponse get(String url, String username) throws Exception {
		return mvc.perform(MockMvcRequestBuilders.get(url).with(as(username)))
			.andReturn()
			.getResponse();
	}

	Document page(String url, String username) throws Exception {
		MockHttpServletResponse response = get(url, username);
		assertThat(response.getStatus()).as(username + " GET " + url).isEqualTo(200);
		return Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8));
	}

	MockHttpServletResponse post(String url, String username, Map<String, ?> params) throws Exception {
		MockHttpServletRequestBuilder request = MockMvcRequestBuilders.post(url)
			.with(csrf())
			.with(as(username));
		params.forEach((name, value) -> {
			if (value instanceof List<?> values) {
				request.param(name, values.stream().map(String::valueOf).toArray(String[]::new));
			}
			else {
				request.param(name, String.valueOf(value));
			}
		});
		return mvc.perform(request).andReturn().getResponse();
	}

	static Document html(MockHttpServletResponse response) throws Exception {
		return Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8));
	}

	MockHttpServletResponse upload(String username, byte[] content) throws Exception {
		return mvc.perform(multipart("/reorganisations/import")
			.file(new MockMultipartFile("file", "sap-xep.csv", "text/csv", content))
			.with(csrf())
			.with(as(username))).andReturn().getResponse();
	}

	/** The second step of the import: the page's own form with these choices, sent. */
	MockHttpServletResponse importDraft(String username, byte[] file, LocalDate round, long parent, boolean abolish,
			Map<String, String> basis) throws Exception {
		return importDraftResult(username, file, round, parent, abolish, basis).getResponse();
	}

	MvcResult importDraftResult(String username, byte[] file, LocalDate round, long parent, boolean abolish,
			Map<String, String> basis) throws Exception {
		MockHttpServletResponse uploaded = upload(username, file);
		assertThat(uploaded.getStatus()).isEqualTo(200);
		Document choose = html(uploaded);
		assertThat(choose.getElementById("choose")).as("the choice form: " + choose.select(".alert-error").text()).isNotNull();
		MockHttpServletRequestBuilder request = MockMvcRequestBuilders.post("/reorganisations/import/draft")
			.with(csrf())
			.with(as(username))
			.param("content", choose.getElementById("import-content").val())
			.param("round", round.toString())
			.param("parentId", String.valueOf(parent));
		if (abolish) {
			request.param("abolishEmpty", "true");
		}
		basis.forEach(request::param);
		return mvc.perform(request).andReturn();
	}

	/** The id of the draft a response sent the browser to. */
	static long draftOf(MockHttpServletResponse response) {
		assertThat(response.getStatus()).as("a redirect to the draft").isEqualTo(302);
		String location = response.getRedirectedUrl();
		assertThat(location).matches("/reorganisations/\\d+(#.*)?");
		return Long.parseLong(location.replaceFirst("/reorganisations/(\\d+).*", "$1"));
	}

	UnitSummary open(UnitLevel level, String code) {
		return units.findOpen(level, code).orElseThrow(() -> new AssertionError("no open " + level + " " + code));
	}

	UnitSummary commune(String code) {
		return open(UnitLevel.COMMUNE, code);
	}

	UnitSummary district() {
		return open(UnitLevel.DISTRICT, "298");
	}

	UnitSummary province() {
		return units.root();
	}

	/** An officer of the committee at the province (the city's since 2025), whose area holds Tứ Kỳ. */
	String provinceOfficer() {
		jdbc.sql("""
				INSERT INTO app_user (username, password_hash, full_name, role, home_unit_id, must_change_password)
				VALUES ('tinh', 'x', 'Trần Văn Tỉnh', 'OFFICER', :home, false)""")
			.param("home", province().id())
			.update();
		return "tinh";
	}

	ReorganisationPlan plan(long id) {
		String json = jdbc.sql("SELECT plan FROM reorganisation WHERE id = :id").param("id", id).query(String.class).single();
		return JsonMapper.builder().build().readValue(json, ReorganisationPlan.class);
	}

	String status(long id) {
		return jdbc.sql("SELECT status FROM reorganisation WHERE id = :id").param("id", id).query(String.class).single();
	}

	long version(long id) {
		return jdbc.sql("SELECT version FROM reorganisation WHERE id = :id").param("id", id).query(Long.class).single();
	}

	/** The 01/01/2025 round of the shared file recorded by the district's officer, through the pages. */
	void recordJanuary() throws Exception {
		long draft = draftOf(importDraft("district", ReorganisationFileTests.sharedFile(), JANUARY, district().id(), false,
				Map.of("number", "UBTVQH-2024", "basisDate", "2024-11-30")));
		MockHttpServletResponse recorded = post("/reorganisations/" + draft + "/record", "district",
				Map.of("version", version(draft)));
		assertThat(recorded.getStatus()).as(html(recorded).select(".alert-error").text()).isEqualTo(302);
		assertThat(status(draft)).isEqualTo("IN_FORCE");
		// the communes that carried on have their new names from that day, in the tree where they were
		UnitSummary kySon = units.at(commune("11098").id(), JANUARY).orElseThrow();
		assertThat(kySon.name()).isEqualTo("Kỳ Sơn");
		assertThat(kySon.path()).isEqualTo(district().path() + kySon.id() + "/");
		assertThat(units.at(district().id(), JANUARY).orElseThrow().path()).isEqualTo(district().path());
	}

}
