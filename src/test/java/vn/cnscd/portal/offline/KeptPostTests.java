package vn.cnscd.portal.offline;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.YearMonth;
import java.util.StringJoiner;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import vn.cnscd.portal.HttpUser;
import vn.cnscd.portal.IntegrationTest;
import vn.cnscd.portal.MutableClock;

/**
 * A report sent after its session ended, over real HTTP: kept only with the seal the portal wrote for that
 * account and address, shown filled in to that account alone, never saved before it is sent again. Another
 * site cannot plant figures into someone's form (issue #15, item 4).
 */
@IntegrationTest
class KeptPostTests {

	/**
	 * A month of the village's team (set up in 2022) whose report no other test touches, seen from a day before
	 * its due date: the clock stands then for the test.
	 */
	private static final YearMonth MONTH = YearMonth.of(2031, 3);

	private static final Instant NOW = Instant.parse("2031-04-02T03:00:00Z");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	FormSeals seals;

	@Autowired
	PasswordEncoder passwords;

	long village;

	String page;

	@Autowired
	MutableClock clock;

	@BeforeEach
	void setUp() {
		clock.set(NOW);
		village = jdbc.sql("SELECT home_unit_id FROM app_user WHERE username = 'village'").query(Long.class).single();
		page = "/villages/" + village + "/reports/" + MONTH;
		forget();
	}

	/** Nothing of the test is left for the next: other tests read the demo village's reports. */
	@AfterEach
	void forgetAndReleaseClock() {
		forget();
		clock.reset();
	}

	void forget() {
		jdbc.sql("DELETE FROM kept_post").update();
		jdbc.sql("DELETE FROM village_report_value WHERE report_id IN (SELECT id FROM village_report WHERE village_id = :v AND period = :p)")
			.param("v", village)
			.param("p", MONTH.atDay(1))
			.update();
		jdbc.sql("DELETE FROM village_report WHERE village_id = :v AND period = :p")
			.param("v", village)
			.param("p", MONTH.atDay(1))
			.update();
	}

	@Test
	void aFormSentAfterTheSessionEndedIsShownFilledInAfterSignInAndSavedOnlyWhenSent() {
		HttpUser head = new HttpUser(port);
		head.signIn("village", "demo1234");
		Document opened = Jsoup.parse(head.get(page).body());
		String body = form(opened, "12", "Mưa lũ");

		HttpUser later = new HttpUser(port);
		HttpResponse<String> sent = later.post(page, body);
		assertThat(sent.statusCode()).isEqualTo(302);
		assertThat(sent.headers().firstValue("Location").orElseThrow()).endsWith("/login?kept");
		assertThat(kept()).isEqualTo(1);
		assertThat(reports()).isZero();

		HttpResponse<String> signedIn = later.post("/login", "username=village&password=demo1234&_csrf="
				+ HttpUser.encode(HttpUser.csrfToken(later.get("/login").body())));
		String back = signedIn.headers().firstValue("Location").orElseThrow();
		assertThat(back).contains(page + "?kept=");
		Document filled = Jsoup.parse(later.get(back.replace("http://localhost:" + port, "")).body());
		assertThat(filled.select("textarea[name=obstacles]").text()).isEqualTo("Mưa lũ");
		assertThat(filled.select("input[name^=values]").first().val()).isEqualTo("12");
		assertThat(filled.select("input[name=formKey]").val()).isEqualTo(opened.select("input[name=formKey]").val());
		assertThat(filled.select("main .alert-info").text()).contains("Phiên đăng nhập đã hết");
		assertThat(reports()).as("nothing saved before it is sent").isZero();
		assertThat(kept()).as("taken once").isZero();

		HttpResponse<String> saved = later.post(page, form(filled, "12", "Mưa lũ"));
		assertThat(saved.statusCode()).as(Jsoup.parse(saved.body()).select("main .alert").text()).isEqualTo(302);
		assertThat(reports()).isEqualTo(1);
	}

	/** A signed-in head whose form carries a CSRF token of an older session goes straight back to it, filled in. */
	@Test
	void aStaleCsrfTokenOfASignedInHeadLeadsBackToTheFormFilledIn() {
		HttpUser head = new HttpUser(port);
		head.signIn("village", "demo1234");
		String body = form(Jsoup.parse(head.get(page).body()), "9", "Cũ").replaceAll("_csrf=[^&]*", "_csrf=old");
		HttpResponse<String> sent = head.post(page, body);
		assertThat(sent.statusCode()).isEqualTo(302);
		String back = sent.headers().firstValue("Location").orElseThrow();
		assertThat(back).contains(page + "?kept=");
		Document filled = Jsoup.parse(head.get(back.replace("http://localhost:" + port, "")).body());
		assertThat(filled.select("textarea[name=obstacles]").text()).isEqualTo("Cũ");
		assertThat(reports()).isZero();
	}

	/**
	 * Another site posts figures into the head's form: without a seal, with a forged one, with a seal of the
	 * attacker's own form at another address, and with a seal of the attacker's own account. Nothing is kept
	 * for the head, who signs in to an empty form.
	 */
	@Test
	void anotherSiteCannotPlantFiguresIntoSomeonesForm() {
		String planted = "values%5B7%5D=999&obstacles=Tr%E1%BB%93ng&action=submit&formKey=x";
		long now = clock.instant().getEpochSecond();
		jdbc.sql("""
				INSERT INTO app_user (username, password_hash, full_name, role, home_unit_id, must_change_password)
				VALUES ('planter', :hash, 'Kẻ Trồng', 'VILLAGE_HEAD', :village, false) ON CONFLICT (username) DO NOTHING""")
			.param("hash", passwords.encode("planter1234"))
			.param("village", village)
			.update();
		String forged = seals.seal("village", page, now).replaceAll("\\.[^.]*$", ".AAAA");
		String elsewhere = seals.seal("village", "/villages/" + village + "/reports/2002-04", now);
		String theirOwn = seals.seal("planter", page, now);
		for (String seal : new String[] { null, forged, elsewhere }) {
			HttpUser victim = new HttpUser(port);
			HttpResponse<String> sent = victim.post(page, planted + (seal == null ? "" : "&_seal=" + HttpUser.encode(seal)));
			assertThat(sent.statusCode()).as("seal " + seal).isIn(302, 403);
			assertThat(sent.headers().firstValue("Location").orElse("")).as("seal " + seal).doesNotContain("kept");
		}
		assertThat(kept()).isZero();

		// the attacker's own seal is kept, but only ever for the attacker: the head signing in sees nothing of it
		HttpUser victim = new HttpUser(port);
		HttpResponse<String> sent = victim.post(page, planted + "&_seal=" + HttpUser.encode(theirOwn));
		assertThat(sent.headers().firstValue("Location").orElse("")).endsWith("/login?kept");
		HttpResponse<String> signedIn = victim.post("/login", "username=village&password=demo1234&_csrf="
				+ HttpUser.encode(HttpUser.csrfToken(victim.get("/login").body())));
		String back = signedIn.headers().firstValue("Location").orElseThrow().replace("http://localhost:" + port, "");
		Document form = Jsoup.parse(victim.get(back).body());
		assertThat(form.select("textarea[name=obstacles]").text()).isEmpty();
		assertThat(form.select("input[value=999]")).isEmpty();
		assertThat(form.select("main .alert-info").text()).doesNotContain("Phiên đăng nhập đã hết");
		assertThat(kept()).as("still the attacker's, for the attacker only").isEqualTo(1);
		assertThat(reports()).isZero();
	}

	/** The report form of a page as a browser submits it, with a first figure and an obstacle. */
	static String form(Document page, String first, String obstacles) {
		Element form = page.selectFirst("form[data-draft]");
		assertThat(form).as("the report form").isNotNull();
		StringJoiner body = new StringJoiner("&", "action=submit&", "");
		boolean firstValue = true;
		for (Element input : form.select("input[name]")) {
			if (input.attr("type").equals("checkbox")) {
				continue;
			}
			String value = input.val();
			if (input.attr("name").startsWith("values[")) {
				value = firstValue ? first : "0";
				firstValue = false;
			}
			if (input.attr("name").startsWith("explanations[")) {
				value = "Giảm";
			}
			if (input.attr("name").matches("sessionsHeld|residentsGuided|householdsVisited")) {
				value = "1";
			}
			body.add(HttpUser.encode(input.attr("name")) + "=" + HttpUser.encode(value));
		}
		body.add("obstacles=" + HttpUser.encode(obstacles));
		return body.toString();
	}

	private long kept() {
		return jdbc.sql("SELECT count(*) FROM kept_post").query(Long.class).single();
	}

	private long reports() {
		return jdbc.sql("SELECT count(*) FROM village_report WHERE village_id = :v AND period = :p")
			.param("v", village)
			.param("p", MONTH.atDay(1))
			.query(Long.class)
			.single();
	}

}
