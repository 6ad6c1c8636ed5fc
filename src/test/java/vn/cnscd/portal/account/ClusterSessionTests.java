package vn.cnscd.portal.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import vn.cnscd.portal.HttpUser;
import vn.cnscd.portal.PortalApplication;
import vn.cnscd.portal.TestDatabase;

/**
 * Two instances of the portal under the {@code cluster} profile, on one database, as behind a load
 * balancer: a village head signed in on one is signed in on the other, a form from the other's page is
 * accepted there, what one instance keeps in the session (a flash message) shows on the other, and
 * signing out on either ends the session on both.
 */
class ClusterSessionTests {

	private static final String USERNAME = "clusterhead";

	private static final String PASSWORD = "cluster1234";

	private static final String FULL_NAME = "Đỗ Thị Cụm";

	private static ConfigurableApplicationContext first;

	private static ConfigurableApplicationContext second;

	private static JdbcClient jdbc;

	/** A second village head, whose sessions are ended, and the commune chair who manages them. */
	private static final String ENDED = "clusterhead2";

	private static final String CHAIR = "clusterchair";

	private static long village;

	@BeforeAll
	static void startTwoInstances() {
		first = instance();
		second = instance();
		jdbc = first.getBean(JdbcClient.class);
		village = jdbc.sql("""
				SELECT id FROM unit u WHERE level = 'VILLAGE' AND valid_to IS NULL
				  AND NOT EXISTS (SELECT 1 FROM app_user a WHERE a.home_unit_id = u.id)
				ORDER BY id LIMIT 1""").query(Long.class).single();
		account(USERNAME, FULL_NAME, "VILLAGE_HEAD", village);
		account(ENDED, "Lê Văn Hết", "VILLAGE_HEAD", village);
		account(CHAIR, "Bùi Thị Xã", "COMMUNE_CHAIR",
				jdbc.sql("SELECT parent_id FROM unit WHERE id = :village").param("village", village).query(Long.class).single());
	}

	private static void account(String username, String name, String role, long home) {
		jdbc.sql("""
				INSERT INTO app_user (username, password_hash, full_name, role, home_unit_id, must_change_password)
				VALUES (:username, :hash, :name, :role, :home, false)""")
			.param("username", username)
			.param("hash", first.getBean(PasswordEncoder.class).encode(PASSWORD))
			.param("name", name)
			.param("role", role)
			.param("home", home)
			.update();
	}

	/** Arguments, not default properties: those would lose to application.properties. */
	private static ConfigurableApplicationContext instance() {
		return new SpringApplicationBuilder(PortalApplication.class).run("--spring.profiles.active=cluster",
				"--spring.datasource.url=" + TestDatabase.url(), "--spring.datasource.username=" + TestDatabase.user(),
				"--spring.datasource.password=" + TestDatabase.password(), "--server.port=0",
				"--portal.database-check=false", "--spring.docker.compose.enabled=false", "--spring.main.banner-mode=off");
	}

	@AfterAll
	static void stopThem() {
		try {
			if (first != null) {
				first.close();
			}
		}
		finally {
			if (second != null) {
				second.close();
			}
		}
	}

	@Test
	void twoInstancesServeOneSignedInVillageHead() {
		HttpUser onFirst = new HttpUser(port(first));
		HttpUser onSecond = onFirst.onPort(port(second));

		onFirst.signIn(USERNAME, PASSWORD);
		assertThat(onFirst.cookie("SESSION")).as("Spring Session's cookie").isPresent();
		assertThat(onFirst.cookie("JSESSIONID")).as("the servlet container's own session").isEmpty();
		assertThat(sessionsOf(USERNAME)).isEqualTo(1);

		HttpResponse<String> home = onSecond.get("/");
		assertThat(home.statusCode()).isEqualTo(200);
		assertThat(Jsoup.parse(home.body()).select(".who").text()).isEqualTo(FULL_NAME);

		// a draft of the month under way, which the village's team (of the demo data) may always keep
		String page = "/villages/" + village + "/reports/" + YearMonth.now(ZoneId.of("Asia/Ho_Chi_Minh"));
		HttpResponse<String> opened = onSecond.get(page);
		assertThat(opened.statusCode()).isEqualTo(200);
		HttpResponse<String> saved = onSecond.post(page, draftOf(opened.body(), page));
		assertThat(saved.statusCode()).isEqualTo(302);
		assertThat(saved.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith(page));
		assertThat(jdbc.sql("SELECT status FROM village_report WHERE village_id = :village AND period = :period")
			.param("village", village)
			.param("period", YearMonth.now(ZoneId.of("Asia/Ho_Chi_Minh")).atDay(1))
			.query(String.class)
			.single()).isEqualTo("DRAFT");

		// the flash message the second instance put in the session is shown by the first
		HttpResponse<String> shown = onFirst.get(page);
		assertThat(shown.statusCode()).isEqualTo(200);
		assertThat(Jsoup.parse(shown.body()).select(".alert-ok").text())
			.isEqualTo(first.getMessage("report.saved", null, Locale.forLanguageTag("vi")));

		HttpResponse<String> signedOut = onSecond.post("/logout",
				"_csrf=" + HttpUser.encode(HttpUser.csrfToken(onSecond.get("/").body())));
		assertThat(signedOut.statusCode()).isEqualTo(302);
		assertThat(signedOut.headers().firstValue("Location")).hasValueSatisfying(
				location -> assertThat(location).endsWith("/login?logout"));

		HttpResponse<String> afterwards = onFirst.get("/");
		assertThat(afterwards.statusCode()).isEqualTo(302);
		assertThat(afterwards.headers().firstValue("Location")).hasValueSatisfying(
				location -> assertThat(location).endsWith("/login"));
		assertThat(sessionsOf(USERNAME)).isZero();
	}

	/**
	 * Issue #11, item 4 under the cluster profile: a changed password ends the user's sessions on every instance
	 * but the one it was changed in, and a reset by the commune chair on one instance ends all of them on both.
	 */
	@Test
	void endedSessionsEndOnEveryInstance() {
		HttpUser phone = new HttpUser(port(first));
		HttpUser office = new HttpUser(port(second));
		phone.signIn(ENDED, PASSWORD);
		office.signIn(ENDED, PASSWORD);
		assertThat(sessionsOf(ENDED)).isEqualTo(2);

		String newPassword = "đồng lúa chín vàng";
		HttpResponse<String> changed = office.post("/account/password", "currentPassword=" + PASSWORD + "&newPassword="
				+ HttpUser.encode(newPassword) + "&confirmPassword=" + HttpUser.encode(newPassword) + "&_csrf="
				+ HttpUser.encode(HttpUser.csrfToken(office.get("/account/password").body())));
		assertThat(changed.statusCode()).as(changed.body()).isEqualTo(302);
		assertThat(office.get("/").statusCode()).isEqualTo(200);
		assertThat(office.onPort(port(first)).get("/").statusCode()).as("the same session on the other instance").isEqualTo(200);
		HttpResponse<String> ended = phone.get("/");
		assertThat(ended.statusCode()).isEqualTo(302);
		assertThat(ended.headers().firstValue("Location")).hasValue("/login?ended");
		HttpResponse<String> gone = phone.onPort(port(second)).get("/");
		assertThat(gone.headers().firstValue("Location")).as("signed out on the other instance too").hasValue("/login");
		assertThat(sessionsOf(ENDED)).as("the ended session is gone from the database").isEqualTo(1);

		phone.signIn(ENDED, newPassword);
		HttpUser chair = new HttpUser(port(first));
		chair.signIn(CHAIR, PASSWORD);
		long id = jdbc.sql("SELECT id FROM app_user WHERE username = :username").param("username", ENDED).query(Long.class).single();
		HttpResponse<String> reset = chair.post("/accounts/" + id + "/reset-password",
				"_csrf=" + HttpUser.encode(HttpUser.csrfToken(chair.get("/accounts").body())));
		assertThat(reset.statusCode()).isEqualTo(302);
		for (HttpUser user : List.of(phone.onPort(port(second)), office)) {
			HttpResponse<String> afterReset = user.get("/");
			assertThat(afterReset.statusCode()).isEqualTo(302);
			assertThat(afterReset.headers().firstValue("Location")).hasValue("/login?ended");
		}
		assertThat(sessionsOf(ENDED)).isZero();
	}

	/**
	 * A report sent to one instance after its session ended in the database is kept where the other instance
	 * finds it: signing in there leads back to the form, filled in with what was sent (issue #15, item 4).
	 */
	@Test
	void aReportSentAfterTheSessionEndedIsFoundFilledInOnTheOtherInstance() {
		HttpUser onFirst = new HttpUser(port(first));
		HttpUser onSecond = onFirst.onPort(port(second));
		onFirst.signIn(USERNAME, PASSWORD);
		String page = "/villages/" + village + "/reports/2001-02";
		String form = draftOf(onFirst.get(page).body(), page) + "&obstacles=" + HttpUser.encode("Đường ngập");
		jdbc.sql("DELETE FROM spring_session WHERE principal_name = :username").param("username", USERNAME).update();

		HttpResponse<String> sent = onFirst.post(page, form);
		assertThat(sent.statusCode()).isEqualTo(302);
		assertThat(sent.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/login?kept"));

		String token = HttpUser.csrfToken(onSecond.get("/login").body());
		HttpResponse<String> signedIn = onSecond.post("/login", "username=" + USERNAME + "&password=" + PASSWORD
				+ "&_csrf=" + HttpUser.encode(token));
		String back = signedIn.headers().firstValue("Location").orElseThrow();
		assertThat(back).contains(page + "?kept=");
		String filled = onSecond.get(back.substring(back.indexOf(page))).body();
		assertThat(Jsoup.parse(filled).select("textarea[name=obstacles]").text()).isEqualTo("Đường ngập");
		assertThat(jdbc.sql("SELECT count(*) FROM village_report WHERE village_id = :village AND period = DATE '2001-02-01'")
			.param("village", village)
			.query(Long.class)
			.single()).as("nothing saved before it is sent again").isZero();
		// signed out again, so that the other test counts only its own session
		jdbc.sql("DELETE FROM spring_session WHERE principal_name = :username").param("username", USERNAME).update();
	}

	/** The report form of a page as a browser sends it, saved as a draft. */
	private static String draftOf(String html, String page) {
		Element form = Jsoup.parse(html).selectFirst("form[method=post][action=" + page + "]");
		assertThat(form).as("the report form").isNotNull();
		StringJoiner body = new StringJoiner("&", "action=draft&", "");
		for (Element input : form.select("input[name]")) {
			body.add(HttpUser.encode(input.attr("name")) + "=" + HttpUser.encode(input.attr("value")));
		}
		return body.toString();
	}

	private static long sessionsOf(String username) {
		return jdbc.sql("SELECT count(*) FROM spring_session WHERE principal_name = :username")
			.param("username", username)
			.query(Long.class)
			.single();
	}

	private static int port(ConfigurableApplicationContext instance) {
		return Integer.parseInt(instance.getEnvironment().getRequiredProperty("local.server.port"));
	}

}
