package vn.cnscd.portal.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.cnscd.portal.IntegrationTest;
import vn.cnscd.portal.MutableClock;
import vn.cnscd.portal.account.AccountService;
import vn.cnscd.portal.area.Actor;
import vn.cnscd.portal.area.UnitService;
import vn.cnscd.portal.reporting.ObstacleService;
import vn.cnscd.portal.reporting.VillageReportService;
import vn.cnscd.portal.team.Affiliation;
import vn.cnscd.portal.team.Gender;
import vn.cnscd.portal.team.MemberDetails;
import vn.cnscd.portal.team.TeamRole;
import vn.cnscd.portal.team.TeamService;

/**
 * Events become notifications once their transaction has committed: a returned report tells its village head,
 * with the reason, the unit and the month, linking to the report; an answered obstacle tells whoever raised it;
 * nothing is told of a transaction that rolled back; a kind turned off is not sent, an account security message
 * always is. The page lists a user's own notifications a page at a time, and the navigation counts the unread.
 */
@IntegrationTest
class EventNotificationTests {

	static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");

	static final YearMonth MONTH = YearMonth.of(2033, 11);

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	AccountService accounts;

	@Autowired
	VillageReportService reports;

	@Autowired
	ObstacleService obstacles;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	TeamService teams;

	@Autowired
	UnitService units;

	Residents people;

	@BeforeEach
	void setUp() {
		clock.set(LocalDateTime.of(2033, 12, 3, 9, 30).atZone(HANOI).toInstant());
		people = new Residents(jdbc, "events");
	}

	@AfterEach
	void releaseClock() {
		clock.reset();
	}

	Actor actor(long account) {
		return accounts.actor(account).orElseThrow();
	}

	String unitName(long unit) {
		return jdbc.sql("SELECT name FROM unit WHERE id = :id").param("id", unit).query(String.class).single();
	}

	@Test
	void aReturnedReportTellsItsVillageHeadWithTheReasonAndLinksToTheReport() throws Exception {
		people.report(people.village, MONTH, "SUBMITTED");
		reports.giveBack(actor(people.chair), people.village, MONTH, "Thiếu số hộ tham gia nhóm Zalo", 0);

		Residents.await(() -> people.kinds(people.head), kinds -> !kinds.isEmpty());
		assertThat(people.kinds(people.head)).containsExactly("REPORT_RETURNED");
		assertThat(people.count(people.chair)).as("the chair who returned it is not told").isZero();

		Document page = page("/notifications", people.head);
		assertThat(page.select(".notifications li").text()).contains(
				"Báo cáo tháng 11/2033 của " + "Thôn " + unitName(people.village) + " bị trả lại: Thiếu số hộ tham gia nhóm Zalo")
			.contains("Mới");
		assertThat(page.select(".nav .count").text()).isEqualTo("1");
		String link = page.select(".notifications li a").attr("href");

		MockHttpServletResponse opened = mvc.perform(get(link).with(as(people.head))).andReturn().getResponse();
		assertThat(opened.getRedirectedUrl()).isEqualTo("/villages/" + people.village + "/reports/2033-11");
		Document after = page("/notifications", people.head);
		assertThat(after.select(".notifications li.unread")).isEmpty();
		assertThat(after.select(".nav .count")).isEmpty();

		assertThat(mvc.perform(get(link).with(as(people.otherHead))).andReturn().getResponse().getStatus())
			.as("another user's notification").isEqualTo(404);
		assertThat(jdbc.sql("SELECT count(*) FROM notification_delivery d JOIN notification n ON n.id = d.notification_id"
				+ " WHERE n.recipient_id = :head").param("head", people.head).query(Long.class).single())
			.as("no channel outside the portal is configured here, so nothing else is attempted").isZero();
	}

	@Test
	void aReasonWithMarkupIsShownAsText() throws Exception {
		String reason = "<script>alert(1)</script> \"><img src=x onerror=alert(1)>";
		people.report(people.village, MONTH, "SUBMITTED");
		reports.giveBack(actor(people.chair), people.village, MONTH, reason, 0);
		Residents.await(() -> people.kinds(people.head), kinds -> !kinds.isEmpty());
		MockHttpServletResponse response = mvc.perform(get("/notifications").with(as(people.head))).andReturn()
			.getResponse();
		String html = response.getContentAsString();
		assertThat(html).doesNotContain("<script>alert").doesNotContain("<img src=x");
		assertThat(Jsoup.parse(html).select(".notifications li").text()).contains(reason);
	}

	@Test
	void nothingIsToldOfATransactionThatRolledBack() {
		people.report(people.village, MONTH, "SUBMITTED");
		people.report(people.otherVillage, MONTH, "SUBMITTED");
		new TransactionTemplate(transactions).executeWithoutResult(status -> {
			reports.giveBack(actor(people.chair), people.village, MONTH, "Sẽ không gửi", 0);
			status.setRollbackOnly();
		});
		assertThat(jdbc.sql("SELECT count(*) FROM event_publication WHERE serialized_event LIKE :reason")
			.param("reason", "%Sẽ không gửi%").query(Long.class).single()).as("the publication rolled back too").isZero();

		reports.giveBack(actor(people.chair), people.otherVillage, MONTH, "Gửi thật", 0);
		Residents.await(() -> people.kinds(people.otherHead), kinds -> !kinds.isEmpty());
		assertThat(people.count(people.head)).isZero();
		assertThat(jdbc.sql("SELECT status FROM village_report WHERE village_id = :v AND period = :p")
			.param("v", people.village).param("p", MONTH.atDay(1)).query(String.class).single()).isEqualTo("SUBMITTED");
	}

	@Test
	void anAnsweredObstacleTellsWhoeverRaisedIt() throws Exception {
		long report = people.report(people.village, MONTH, "SUBMITTED");
		long obstacle = jdbc.sql("""
				INSERT INTO obstacle (unit_id, period, source, source_id, text, status, raised_by, raised_at)
				VALUES (:v, :p, 'VILLAGE_REPORT', :r, 'Thiếu điện thoại thông minh', 'OPEN', :head, now()) RETURNING id""")
			.param("v", people.village).param("p", MONTH.atDay(1)).param("r", report).param("head", people.head)
			.query(Long.class).single();
		obstacles.answer(actor(people.chair), obstacle, "Xã sẽ mượn máy của bưu điện");

		Residents.await(() -> people.kinds(people.head), kinds -> !kinds.isEmpty());
		assertThat(people.kinds(people.head)).containsExactly("OBSTACLE_ANSWERED");
		Document page = page("/notifications", people.head);
		assertThat(page.select(".notifications li").text())
			.contains("Khó khăn bạn nêu đã được trả lời (Thôn " + unitName(people.village) + ", tháng 11/2033): "
					+ "Xã sẽ mượn máy của bưu điện");
		assertThat(page.select(".notifications li a").attr("href")).startsWith("/notifications/");
	}

	@Test
	void membersAddedAtOnceTellTheVillageHeadOnceWithTheirNumber() throws Exception {
		Actor chair = actor(people.chair);
		long team = teams.create(chair, people.village, teams.suggestedDetails(units.get(people.village))).id();
		try {
			LocalDate joined = LocalDate.of(2033, 12, 1);
			teams.addMembers(chair, team, List.of(
					new MemberDetails("Lò Văn Một", Gender.MALE, 1990, "0914000001", TeamRole.MEMBER, Affiliation.YOUTH_UNION,
							joined),
					new MemberDetails("Lò Thị Hai", Gender.FEMALE, 1992, "0914000002", TeamRole.MEMBER,
							Affiliation.WOMENS_UNION, joined)));

			// the team set up, and its members in one notification, as a roster file adds them; the two events'
			// listeners run on threads of their own, so either may be stored first
			Residents.await(() -> people.kinds(people.head), kinds -> kinds.size() == 2);
			assertThat(people.kinds(people.head)).containsExactlyInAnyOrder("ROSTER_CHANGED.TEAM_CREATED",
					"ROSTER_CHANGED.MEMBERS_ADDED");
			assertThat(page("/notifications", people.head).select(".notifications li").text())
				.contains(unitName(people.village) + " có 2 thành viên mới, từ tệp danh sách");
		}
		finally {
			jdbc.sql("DELETE FROM team_member WHERE team_id = :t").param("t", team).update();
			jdbc.sql("DELETE FROM team WHERE id = :t").param("t", team).update();
		}
	}

	@Test
	void aKindTurnedOffIsNotSentButAnAccountSecurityMessageAlwaysIs() throws Exception {
		mvc.perform(post("/account/notifications").with(csrf()).with(as(people.head))
			.param("language", "vi")
			.param("version", "-1")
			.param("_enabledKinds", "on")
			.param("enabledKinds", "REPORT_APPROVED")).andReturn();
		assertThat(jdbc.sql("SELECT muted_kinds::text FROM notification_preference WHERE user_id = :id")
			.param("id", people.head).query(String.class).single()).contains("REPORT_RETURNED")
			.doesNotContain("REPORT_APPROVED");

		people.report(people.village, MONTH, "SUBMITTED");
		people.report(people.village, MONTH.minusMonths(1), "SUBMITTED");
		reports.giveBack(actor(people.chair), people.village, MONTH, "Bị tắt", 0);
		reports.approve(actor(people.chair), people.village, MONTH.minusMonths(1), 0);
		accounts.resetPassword(actor(people.chair), people.head);

		Residents.await(() -> people.kinds(people.head), kinds -> kinds.size() >= 2);
		assertThat(people.kinds(people.head)).containsExactlyInAnyOrder("REPORT_APPROVED", "PASSWORD_RESET");
	}

	@Test
	void thePageShowsTwentyAtATimeNewestFirst() throws Exception {
		for (int i = 0; i < 25; i++) {
			jdbc.sql("""
					INSERT INTO notification (recipient_id, kind, source_key, link, created_at)
					VALUES (:user, 'PASSWORD_CHANGED', :key, '/account/password', now() + make_interval(secs => :i))""")
				.param("user", people.otherHead).param("key", "test:" + i).param("i", i).update();
		}
		Document first = page("/notifications", people.otherHead);
		assertThat(first.select(".notifications li")).hasSize(20);
		assertThat(first.select(".nav .count").text()).isEqualTo("25");
		assertThat(first.select(".pager a[rel=next]").attr("href")).isEqualTo("/notifications?page=1");
		Document second = page("/notifications?page=1", people.otherHead);
		assertThat(second.select(".notifications li")).hasSize(5);
		assertThat(second.select(".pager a[rel=next]")).isEmpty();

		mvc.perform(post("/notifications/read").with(csrf()).with(as(people.otherHead))).andReturn();
		assertThat(page("/notifications", people.otherHead).select(".nav .count")).isEmpty();
	}

	private Document page(String url, long account) throws Exception {
		MockHttpServletResponse response = mvc.perform(get(url).with(as(account))).andReturn().getResponse();
		assertThat(response.getStatus()).as(url).isEqualTo(200);
		return Jsoup.parse(response.getContentAsString());
	}

	private org.springframework.test.web.servlet.request.RequestPostProcessor as(long account) {
		return user(users.loadUserByUsername(people.username(account)));
	}

	static List<String> texts(Document page) {
		return page.select(".notifications li").eachText();
	}

}
