package vn.cnscd.portal.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.annotation.Transactional;

import vn.cnscd.portal.IntegrationTest;
import vn.cnscd.portal.area.UnitLevel;
import vn.cnscd.portal.area.UnitService;
import vn.cnscd.portal.area.UnitSummary;

@IntegrationTest
@Transactional
class TrainingTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	UnitService units;

	@Autowired
	JdbcClient jdbc;

	RequestPostProcessor as(String username) {
		return user(users.loadUserByUsername(username));
	}

	UnitSummary commune(String code) {
		return units.findOpen(UnitLevel.COMMUNE, code).orElseThrow();
	}

	Document page(String url, String username) throws Exception {
		return Jsoup.parse(mvc.perform(get(url).with(as(username)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	MockHttpServletRequestBuilder sessionForm(String formKey) {
		return post("/training/sessions/new").with(csrf())
			.param("heldOn", "2026-03-10")
			.param("mode", "ONLINE")
			.param("topics", "PUBLIC_SERVICES", "E_PAYMENT")
			.param("organiser", "Phòng Văn hóa - Thông tin huyện")
			.param("place", "https://meet.example.vn/tap-huan")
			.param("formKey", formKey);
	}

	long sessionOf(String formKey) {
		return jdbc.sql("SELECT id FROM training_session WHERE form_key = :key").param("key", formKey).query(Long.class).single();
	}

	/** A village team of its own in Thị trấn Tứ Kỳ: three active members and one who left. */
	long smallTeam() {
		long village = units.openChildren(commune("11074").id()).get(2).id();
		long team = jdbc.sql("INSERT INTO team (unit_id, level, name) VALUES (:unit, 'VILLAGE', 'Tổ thử tập huấn') RETURNING id")
			.param("unit", village)
			.query(Long.class)
			.single();
		String[][] people = { { "Đào Thị Một", "0351000001", null }, { "Đào Văn Hai", "0351000002", null },
				{ "Đào Thị Ba", "0351000003", null }, { "Đào Văn Bốn", "0351000004", "2025-12-31" } };
		for (String[] person : people) {
			jdbc.sql("""
					INSERT INTO team_member (team_id, full_name, search_text, gender, phone, team_role, affiliation, joined_on, left_on)
					VALUES (:team, :name, :search, 'MALE', :phone, 'MEMBER', 'OTHER', DATE '2022-04-15', CAST(:left AS date))""")
				.param("team", team)
				.param("name", person[0])
				.param("search", "dao thu " + person[1])
				.param("phone", person[1])
				.param("left", person[2])
				.update();
		}
		return team;
	}

	long memberByPhone(String phone) {
		return jdbc.sql("SELECT id FROM team_member WHERE phone = :phone").param("phone", phone).query(Long.class).single();
	}

	@Test
	void aDistrictOfficerRecordsASessionOnceAndItsAttendeesAreAudited() throws Exception {
		for (int click = 0; click < 2; click++) {
			mvc.perform(sessionForm("session-1").with(as("district"))).andExpect(status().is3xxRedirection());
		}
		long session = sessionOf("session-1");
		assertThat(jdbc.sql("SELECT string_agg(topic, ',' ORDER BY topic) FROM training_topic WHERE session_id = :s")
			.param("s", session).query(String.class).single()).isEqualTo("E_PAYMENT,PUBLIC_SERVICES");
		long team = smallTeam();

		Document found = page("/training/sessions/" + session + "?q=dao thu", "district");
		assertThat(found.select(".checks input[name=member]")).hasSize(4);
		mvc.perform(post("/training/sessions/" + session + "/attendees").with(csrf()).with(as("district"))
			.param("member", Long.toString(memberByPhone("0351000001")))).andExpect(status().is3xxRedirection());
		mvc.perform(post("/training/sessions/" + session + "/teams").with(csrf()).with(as("district"))
			.param("team", Long.toString(team))).andExpect(status().is3xxRedirection());

		assertThat(jdbc.sql("SELECT count(*) FROM training_attendance WHERE session_id = :s").param("s", session)
			.query(Long.class).single()).isEqualTo(3);
		assertThat(jdbc.sql("""
				SELECT action || ' ' || field || '=' || new_value FROM audit_event
				WHERE entity_type = 'TRAINING_SESSION' AND entity_id = :s ORDER BY id""")
			.param("s", session).query(String.class).list()).hasSize(8).startsWith(
					"TRAINING_SESSION_RECORDED heldOn=2026-03-10", "TRAINING_SESSION_RECORDED mode=ONLINE",
					"TRAINING_SESSION_RECORDED topics=PUBLIC_SERVICES,E_PAYMENT")
			.contains("TRAINING_ATTENDEE_ADDED member=" + memberByPhone("0351000003"));
		assertThat(page("/training/sessions/" + session, "district").select("tbody").text()).contains("Đào Văn Hai",
				"0351 000 003", "Tổ thử tập huấn");
	}

	@Test
	void anEditFromAStaleFormIsAConflictThatKeepsWhatWasTyped() throws Exception {
		mvc.perform(sessionForm("session-7").with(as("district")));
		long session = sessionOf("session-7");
		String edit = "/training/sessions/" + session + "/edit";
		assertThat(page(edit, "district").select("input[name=topics][checked]").eachAttr("value"))
			.containsExactly("PUBLIC_SERVICES", "E_PAYMENT");
		mvc.perform(post(edit).with(csrf()).with(as("district")).param("version", "0").param("heldOn", "2026-03-11")
			.param("mode", "IN_PERSON").param("topics", "E_COMMERCE").param("organiser", "Huyện Tứ Kỳ")
			.param("place", "Hội trường huyện")).andExpect(status().is3xxRedirection());
		Document conflict = Jsoup.parse(mvc.perform(post(edit).with(csrf()).with(as("district")).param("version", "0")
			.param("heldOn", "2026-03-12").param("mode", "ONLINE").param("topics", "OTHER").param("organiser", "Sở")
			.param("place", "Nhà văn hóa thôn")).andExpect(status().isConflict()).andReturn().getResponse()
			.getContentAsString());
		assertThat(conflict.select("input[name=place]").attr("value")).isEqualTo("Nhà văn hóa thôn");
		assertThat(conflict.select("input[name=version]").attr("value")).isEqualTo("1");
		assertThat(jdbc.sql("SELECT held_on || ' ' || place FROM training_session WHERE id = :s").param("s", session)
			.query(String.class).single()).isEqualTo("2026-03-11 Hội trường huyện");
		assertThat(jdbc.sql("""
				SELECT field || '=' || coalesce(old_value, '') || '>' || new_value FROM audit_event
				WHERE entity_type = 'TRAINING_SESSION' AND entity_id = :s AND action = 'TRAINING_SESSION_UPDATED'""")
			.param("s", session).query(String.class).list()).contains("topics=PUBLIC_SERVICES,E_PAYMENT>E_COMMERCE",
					"heldOn=2026-03-10>2026-03-11");
		mvc.perform(get(edit).with(as("commune"))).andExpect(status().isForbidden());
	}

	@Test
	void onlyDistrictOfficersRecordSessions() throws Exception {
		mvc.perform(get("/training/sessions/new").with(as("commune"))).andExpect(status().isForbidden());
		mvc.perform(sessionForm("session-2").with(as("commune"))).andExpect(status().isForbidden());
		mvc.perform(sessionForm("session-3").with(as("steering"))).andExpect(status().isForbidden());
		assertThat(jdbc.sql("SELECT count(*) FROM training_session WHERE form_key IN ('session-2', 'session-3')")
			.query(Long.class).single()).isZero();
	}

	@Test
	void aSessionWithoutTopicsIsRefusedBesideTheField() throws Exception {
		Document form = Jsoup.parse(mvc.perform(post("/training/sessions/new").with(csrf()).with(as("district"))
			.param("heldOn", "2026-03-10").param("mode", "ONLINE").param("organiser", "Huyện").param("place", "Hội trường"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
		assertThat(form.select(".has-error legend").text()).isEqualTo("Nội dung");
	}

	@Test
	void aMembersPageListsTheirSessionsWithinTheArea() throws Exception {
		mvc.perform(sessionForm("session-4").with(as("district")));
		long session = sessionOf("session-4");
		smallTeam();
		long member = memberByPhone("0351000002");
		mvc.perform(post("/training/sessions/" + session + "/attendees").with(csrf()).with(as("district"))
			.param("member", Long.toString(member)));

		assertThat(page("/members/" + member + "/training", "commune").select("tbody").text()).contains("10/03/2026",
				"Trực tuyến", "Dịch vụ công trực tuyến; Thanh toán điện tử", "Phòng Văn hóa - Thông tin huyện");
		long elsewhere = jdbc.sql("""
				SELECT m.id FROM team_member m JOIN team t ON t.id = m.team_id JOIN unit u ON u.id = t.unit_id
				WHERE u.id = :commune LIMIT 1""").param("commune", commune("11083").id()).query(Long.class).single();
		mvc.perform(get("/members/" + elsewhere + "/training").with(as("commune"))).andExpect(status().isForbidden());
		mvc.perform(get("/members/" + elsewhere + "/training").with(as("steering"))).andExpect(status().isOk());
		mvc.perform(get("/training/sessions/" + session).with(as("commune"))).andExpect(status().isForbidden());
	}

	@Test
	void theShareTrainedCountsActiveMembersWithASessionOnce() throws Exception {
		jdbc.sql("DELETE FROM training_attendance").update();
		mvc.perform(sessionForm("session-5").with(as("district")));
		mvc.perform(sessionForm("session-6").with(as("district")));
		long team = smallTeam();
		for (String key : new String[] { "session-5", "session-6" }) {
			mvc.perform(post("/training/sessions/" + sessionOf(key) + "/attendees").with(csrf()).with(as("district"))
				.param("member", Long.toString(memberByPhone("0351000001")), Long.toString(memberByPhone("0351000004"))));
		}
		mvc.perform(post("/training/sessions/" + sessionOf("session-5") + "/attendees").with(csrf()).with(as("district"))
			.param("member", Long.toString(memberByPhone("0351000002"))));

		UnitSummary tuKy = commune("11074");
		Document commune = page(tuKy.url() + "/training", "commune");
		assertThat(commune.select("tr:has(a[href=/teams/" + team + "]) td").eachText()).containsExactly("Tổ thử tập huấn",
				"3", "2", "66,7%");
		assertThat(commune.select("#share-total").text()).startsWith("2 trên");
		Document district = page("/districts/" + tuKy.parentId() + "/training", "district");
		assertThat(district.select("tbody tr")).hasSize(23);
		assertThat(district.select("tr:has(a[href=/communes/" + tuKy.id() + "/training]) td").eachText())
			.startsWith("Thị trấn Tứ Kỳ").element(2).isEqualTo("2");
		assertThat(page("/districts/" + tuKy.parentId() + "/training", "steering").select("tbody tr")).hasSize(3);
		mvc.perform(get(commune("11083").url() + "/training").with(as("commune"))).andExpect(status().isForbidden());
		mvc.perform(get(tuKy.url() + "/training").with(as("village"))).andExpect(status().isForbidden());
	}

}
