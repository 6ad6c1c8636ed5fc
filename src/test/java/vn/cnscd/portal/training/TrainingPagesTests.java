package vn.cnscd.portal.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

import vn.cnscd.portal.IntegrationTest;

/** Every page of the module renders for those who may open it, in both languages, with the nav item leading to it. */
@IntegrationTest
@Transactional
class TrainingPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	Document page(String url, String username) throws Exception {
		return Jsoup.parse(mvc.perform(get(url).with(user(users.loadUserByUsername(username))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	long id(String sql) {
		return jdbc.sql(sql).query(Long.class).list().get(0);
	}

	@ParameterizedTest
	@ValueSource(strings = { "district", "steering", "commune", "village" })
	void theHubIsInTheNavAndLinksToThePagesOfTheArea(String username) throws Exception {
		Document hub = page("/training", username);
		assertThat(page("/", username).select("nav a[href=/training]").text()).isEqualTo("Tập huấn, kế hoạch");
		for (String link : hub.select("main a[href]").eachAttr("href")) {
			mvc.perform(get(link).with(user(users.loadUserByUsername(username)))).andExpect(status().isOk());
		}
	}

	@Test
	void theFormsAndListsRenderInBothLanguages() throws Exception {
		long member = id("""
				SELECT a.member_id FROM training_attendance a JOIN team_member m ON m.id = a.member_id
				WHERE m.left_on IS NULL ORDER BY a.member_id""");
		long team = id("""
				SELECT t.id FROM team t JOIN unit u ON u.id = t.unit_id WHERE u.code = '11074-01' ORDER BY t.id""");
		long open = id("SELECT id FROM commendation WHERE status = 'PROPOSED'");
		for (String lang : new String[] { "vi", "en" }) {
			page("/training/sessions/new?lang=" + lang, "district");
			page("/members/" + member + "/training?lang=" + lang, "district");
			page("/teams/" + team + "/plans/2026/edit?lang=" + lang, "commune");
			page("/commendations?lang=" + lang, "steering");
			page("/commendations/new?lang=" + lang, "commune");
			page("/commendations/new?member=" + member + "&lang=" + lang, "district");
			page("/commendations/" + open + "/decide?lang=" + lang, "district");
		}
		assertThat(page("/teams/" + team, "commune").select("a[href^=/members/][href$=/training]")).isNotEmpty();
	}

}
