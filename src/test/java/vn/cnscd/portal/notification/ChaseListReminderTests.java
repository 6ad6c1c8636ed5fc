package vn.cnscd.portal.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import vn.cnscd.portal.IntegrationTest;
import vn.cnscd.portal.MutableClock;

/**
 * The officer sees what was sent: the chase list says who was reminded when and through which channel, and
 * "Nhắc lại ngay" reminds a village, or all of them, at most once an hour per village.
 */
@IntegrationTest
class ChaseListReminderTests {

	static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	ReminderJob reminders;

	@AfterEach
	void releaseClock() {
		clock.reset();
	}

	@Test
	void theChaseListShowsWhoWasRemindedAndRemindsAgainOnceAnHour() throws Exception {
		Residents people = new Residents(jdbc, "chase");
		for (long village : new long[] { people.village, people.otherVillage }) {
			jdbc.sql("INSERT INTO team (unit_id, level, name) VALUES (:v, 'VILLAGE', 'Tổ thử nhắc')").param("v", village)
				.update();
		}
		clock.set(LocalDateTime.of(2037, 2, 6, 8, 0).atZone(HANOI).toInstant());
		reminders.run();
		assertThat(people.kinds(people.head)).containsExactly("REMINDER_VILLAGE_LATE");

		String dashboard = "/communes/" + people.commune + "/dashboard?month=2037-01";
		clock.set(LocalDateTime.of(2037, 2, 10, 10, 0).atZone(HANOI).toInstant());
		Element row = chaseRow(dashboard, people.village);
		assertThat(row.select(".reminders li").text()).isEqualTo("Báo quá hạn 08:00 06/02/2037 " + people.headName
				+ " Trong cổng đã gửi");
		Element button = row.selectFirst(".reminders form button");
		assertThat(button).isNotNull();
		assertThat(button.text()).isEqualTo("Nhắc lại ngay");

		MockHttpServletResponse reminded = mvc.perform(post("/villages/" + people.village + "/reminders").with(csrf())
			.with(as(people.chair)).param("month", "2037-01").param("from", String.valueOf(people.commune)))
			.andReturn().getResponse();
		assertThat(reminded.getRedirectedUrl()).isEqualTo(dashboard + "#chase");
		assertThat(people.kinds(people.head)).containsExactly("REMINDER_VILLAGE_LATE", "REMINDER_MANUAL");
		assertThat(jdbc.sql("SELECT detail FROM notification WHERE recipient_id = :h AND kind = 'REMINDER_MANUAL'")
			.param("h", people.head).query(String.class).single()).as("who asked").isEqualTo(people.chairName);
		Element after = chaseRow(dashboard, people.village);
		assertThat(after.select(".reminders form")).as("not again within the hour").isEmpty();
		assertThat(after.select(".reminders").text()).contains("Nhắc lại được sau 11:00 10/02/2037");

		mvc.perform(post("/villages/" + people.village + "/reminders").with(csrf()).with(as(people.chair))
			.param("month", "2037-01")).andReturn();
		assertThat(people.kinds(people.head)).as("a second click within the hour").hasSize(2);

		clock.set(clock.instant().plus(Duration.ofMinutes(61)));
		mvc.perform(post("/communes/" + people.commune + "/reminders").with(csrf()).with(as(people.chair))
			.param("month", "2037-01")).andReturn();
		assertThat(people.kinds(people.head)).containsExactly("REMINDER_VILLAGE_LATE", "REMINDER_MANUAL",
				"REMINDER_MANUAL");
		assertThat(people.kinds(people.otherHead)).containsExactly("REMINDER_VILLAGE_LATE", "REMINDER_MANUAL");

		clock.set(LocalDateTime.of(2037, 2, 10, 22, 0).atZone(HANOI).toInstant());
		MockHttpServletResponse quiet = mvc.perform(post("/communes/" + people.commune + "/reminders").with(csrf())
			.with(as(people.chair)).param("month", "2037-01")).andReturn().getResponse();
		assertThat(quiet.getStatus()).isEqualTo(302);
		assertThat(people.kinds(people.otherHead)).as("not at 22:00").hasSize(2);
	}

	Element chaseRow(String dashboard, long village) throws Exception {
		MockHttpServletResponse response = mvc.perform(get(dashboard).with(as(0))).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		Element row = Jsoup.parse(response.getContentAsString()).selectFirst("table.chase tr[data-village=" + village + "]");
		assertThat(row).as("the village on the chase list").isNotNull();
		return row;
	}

	private org.springframework.test.web.servlet.request.RequestPostProcessor as(long account) {
		return user(users.loadUserByUsername(account == 0 ? "district" : username(account)));
	}

	private String username(long account) {
		return jdbc.sql("SELECT username FROM app_user WHERE id = :id").param("id", account).query(String.class).single();
	}

}
