package vn.cnscd.portal.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
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
		jdbc.sql("""
				INSERT INTO app_user (username, password_hash, full_name, role, home_unit_id, must_change_password)
				VALUES (:username, :hash, :name, 'VILLAGE_HEAD', :village, false)""")
			.param("username", USERNAME)
			.param("hash", first.getBean(PasswordEncoder.class).encode(PASSWORD))
			.param("name", FULL_NAME)
			.param("village", village)
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

		String page = "/villages/" + village + "/reports/2001-01";
		HttpResponse<String> opened = onSecond.get(page);
		assertThat(opened.statusCode()).isEqualTo(200);
		HttpResponse<String> saved = onSecond.post(page, draftOf(opened.body(), page));
		assertThat(saved.statusCode()).isEqualTo(302);
		assertThat(saved.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith(page));
		assertThat(jdbc.sql("SELECT status FROM village_report WHERE village_id = :village AND period = DATE '2001-01-01'")
			.param("village", village)
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
