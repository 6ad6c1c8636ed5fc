package vn.cnscd.portal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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
 * Every form shows each of its fields once: a field shown twice is sent twice, and the server then reads
 * both values joined by a comma.
 */
@IntegrationTest
@Transactional
class FormPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	UnitService units;

	@Autowired
	JdbcClient jdbc;

	@ParameterizedTest
	@CsvSource({ "district, /accounts/new", "district, /account/password", "district, COMMUNE/edit",
			"district, VILLAGE/edit", "district, VILLAGE/close", "district, /steering/new", "village, VILLAGE/reports/MONTH",
			"commune, TEAM/plans/YEAR/edit", "commune, TEAM/members/new", "district, /training/sessions/new" })
	void eachFieldIsShownOnce(String username, String page) throws Exception {
		UnitSummary commune = units.findOpen(UnitLevel.COMMUNE, "11074").orElseThrow();
		UnitSummary village = units.openChildren(commune.id()).get(0);
		long team = jdbc.sql("SELECT id FROM team WHERE unit_id = :v AND status = 'ACTIVE' ORDER BY id LIMIT 1")
			.param("v", village.id())
			.query(Long.class)
			.single();
		String url = page.replace("COMMUNE", commune.url())
			.replace("VILLAGE", village.url())
			.replace("TEAM", "/teams/" + team)
			.replace("MONTH", YearMonth.now(ZoneId.of("Asia/Ho_Chi_Minh")).toString())
			.replace("YEAR", String.valueOf(Year.now(ZoneId.of("Asia/Ho_Chi_Minh")).getValue()));
		Document form = Jsoup.parse(mvc.perform(get(url).with(user(users.loadUserByUsername(username))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		List<String> names = form.select("main form input:not([type=hidden]):not([type=checkbox]), main form select")
			.stream()
			.map(field -> field.attr("name"))
			.toList();
		assertThat(names).isNotEmpty().doesNotHaveDuplicates();
		assertThat(form.select("main [id]").stream().map(Element::id).toList()).doesNotHaveDuplicates();
		for (Element label : form.select("main form label[for]")) {
			assertThat(form.getElementById(label.attr("for"))).as("the field of label " + label.text()).isNotNull();
		}
	}

	@ParameterizedTest
	@CsvSource({ "households", "adults" })
	void aWholeNumberFieldBringsUpTheNumericKeypad(String field) throws Exception {
		UnitSummary village = units.openChildren(units.findOpen(UnitLevel.COMMUNE, "11074").orElseThrow().id()).get(0);
		Document form = Jsoup.parse(mvc.perform(get(village.url() + "/edit").with(user(users.loadUserByUsername("district"))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		Element input = form.getElementById(field);
		assertThat(input.attr("type")).isEqualTo("text");
		assertThat(input.attr("inputmode")).isEqualTo("numeric");
		assertThat(input.attr("value")).isEqualTo(String.valueOf(field.equals("households") ? village.households() : village.adults()));
	}

}
