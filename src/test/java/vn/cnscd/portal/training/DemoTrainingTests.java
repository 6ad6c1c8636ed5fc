package vn.cnscd.portal.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;

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

@IntegrationTest
@Transactional
class DemoTrainingTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	UnitService units;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DemoTraining demo;

	long count(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

	@Test
	void theDemoHasSessionsWithAttendeesPlansWithSomeMissingAndProposalsAndLoadsOnce() throws Exception {
		assertThat(count("SELECT count(*) FROM training_session WHERE held_on BETWEEN '2022-01-01' AND '2026-12-31'"))
			.isGreaterThanOrEqualTo(4);
		assertThat(count("""
				SELECT count(*) FROM training_session s
				WHERE NOT EXISTS (SELECT 1 FROM training_attendance a WHERE a.session_id = s.id)""")).isZero();
		assertThat(count("SELECT count(DISTINCT status) FROM commendation")).isEqualTo(3);
		long sessions = count("SELECT count(*) FROM training_session");
		long plans = count("SELECT count(*) FROM activity_plan");
		demo.run(null);
		assertThat(count("SELECT count(*) FROM training_session")).isEqualTo(sessions);
		assertThat(count("SELECT count(*) FROM activity_plan")).isEqualTo(plans);

		long district = units.findOpen(UnitLevel.DISTRICT, "298").orElseThrow().id();
		Document page = Jsoup.parse(mvc.perform(get("/districts/" + district + "/plans?year=" + LocalDate.now().getYear())
			.with(user(users.loadUserByUsername("district")))).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString());
		assertThat(page.select("#missing-teams li")).isNotEmpty();
		assertThat(page.select("#planned-teams li").size()).isGreaterThan(page.select("#missing-teams li").size());
		Document share = Jsoup.parse(mvc.perform(get("/districts/" + district + "/training")
			.with(user(users.loadUserByUsername("district")))).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString());
		assertThat(share.select("#share-total").text()).doesNotStartWith("0 trên");
	}

}
