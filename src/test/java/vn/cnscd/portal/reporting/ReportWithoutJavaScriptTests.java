package vn.cnscd.portal.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.catalina.Context;
import org.apache.catalina.Session;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.cnscd.portal.Browser;
import vn.cnscd.portal.IntegrationTest;

/**
 * The village report on a phone whose browser runs no JavaScript: it is sent as before, a refusal is
 * summarised at the top, and a report sent after the session ended (the test ends it on the server) is
 * kept, shown filled in after signing in again, and stored once when sent (issue #15, item 4).
 */
@IntegrationTest
class ReportWithoutJavaScriptTests {

	@RegisterExtension
	Browser browser = Browser.phoneWithoutJavaScript();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Deadlines deadlines;

	@Autowired
	WebServerApplicationContext server;

	@BeforeEach
	void open() {
		browser.at(port);
		ReportFixtures.forgetThisMonth(jdbc, deadlines.reportingMonth());
	}

	@Test
	void aReportSentAfterTheSessionEndedIsKeptFilledInAfterSignInAndStoredOnceWhenSent() throws IOException {
		signIn();
		openTheForm();
		Map<String, String> typed = fill();
		browser.type(By.id("obstacles"), "Mất sóng ở xóm Trại");

		endTheSessionOnTheServer();
		send("submit");
		assertThat(browser.text(By.cssSelector("main .alert-info"))).contains("đã được giữ lại");
		assertThat(reports("SUBMITTED") + reports("DRAFT")).as("nothing saved while signed out").isZero();

		signInHere();
		assertThat(browser.text(By.cssSelector("main .alert-info"))).contains("Phiên đăng nhập đã hết khi bạn gửi lúc");
		typed.forEach((name, value) -> assertThat(browser.driver().findElement(By.name(name)).getAttribute("value"))
			.as(name).isEqualTo(value));
		assertThat(browser.driver().findElement(By.id("obstacles")).getAttribute("value")).isEqualTo("Mất sóng ở xóm Trại");
		assertThat(reports("SUBMITTED") + reports("DRAFT")).as("nothing saved before the head sends it").isZero();

		send("submit");
		assertThat(browser.text(By.cssSelector(".alert-ok"))).isEqualTo("Đã gửi báo cáo.");
		assertThat(reports("SUBMITTED")).isEqualTo(1);
		browser.driver().navigate().back();
		assertThat(reports("SUBMITTED")).isEqualTo(1);
	}

	@Test
	void aRefusedReportIsSummarisedAtTheTopWithoutJavaScript() {
		signIn();
		openTheForm();
		browser.type(By.id("sessionsHeld"), "hai");
		send("draft");
		assertThat(browser.driver().getTitle()).startsWith("Lỗi:");
		WebElement summary = browser.waitFor(By.cssSelector(".error-summary"));
		assertThat(summary.getText()).contains("1 chỗ cần sửa", "Hãy nhập một số nguyên");
		assertThat(summary.findElement(By.cssSelector("a")).getAttribute("href")).endsWith("#sessionsHeld");
		assertThat(browser.driver().findElement(By.id("sessionsHeld")).getAttribute("value")).isEqualTo("hai");
		assertThat(browser.driver().switchTo().activeElement()).as("no script moved the focus").isNotEqualTo(summary);
	}

	/**
	 * Presses the form's button through the form itself (the browser's own submission, with the button's
	 * value): chromedriver's clicks that lead to another page did not always return in a Chromium that runs no
	 * page script.
	 */
	private void signIn() {
		browser.open("/login");
		signInHere();
		browser.waitFor(By.cssSelector("main h1"));
	}

	private void signInHere() {
		browser.type(By.id("username"), "village");
		browser.type(By.id("password"), "demo1234");
		press(By.cssSelector("form.form button[type=submit]"));
	}

	/** Follows the home page's link to the month's report, by its address (see {@link #press}). */
	private void openTheForm() {
		String link = browser.driver().findElement(By.cssSelector("#month-heading ~ p a.button")).getAttribute("href");
		browser.open(link.replace("http://localhost:" + port, ""));
		browser.waitFor(By.cssSelector("form.form"));
	}

	private void send(String action) {
		press(By.cssSelector("button[value=" + action + "]"));
	}

	private void press(By button) {
		browser.script("arguments[0].form.requestSubmit(arguments[0]);", browser.driver().findElement(button));
	}

	/** Every figure as last month (a new 5 where none), and the activities. */
	private Map<String, String> fill() {
		Map<String, String> typed = new LinkedHashMap<>();
		List<WebElement> values = browser.all(By.cssSelector("form.form input[name^='values[']"));
		for (WebElement value : values) {
			String figure = OfflineReportTests.hintedPrevious(value).orElse("5");
			value.sendKeys(figure);
			typed.put(value.getAttribute("name"), figure);
		}
		browser.type(By.id("sessionsHeld"), "3");
		browser.type(By.id("residentsGuided"), "21");
		browser.type(By.id("householdsVisited"), "7");
		typed.put("sessionsHeld", "3");
		return typed;
	}

	/** Ends the browser's session in the servlet container, as eight idle hours or a restart would. */
	private void endTheSessionOnTheServer() throws IOException {
		String id = browser.driver().manage().getCookieNamed("JSESSIONID").getValue();
		Context context = (Context) ((TomcatWebServer) server.getWebServer()).getTomcat().getHost().findChildren()[0];
		Session session = context.getManager().findSession(id);
		assertThat(session).as("the browser's session").isNotNull();
		session.expire();
	}

	private long reports(String status) {
		return jdbc.sql("""
				SELECT count(*) FROM village_report WHERE village_id = :village AND period = :period AND status = :status""")
			.param("village", ReportFixtures.demoVillage(jdbc))
			.param("period", deadlines.reportingMonth().atDay(1))
			.param("status", status)
			.query(Long.class)
			.single();
	}

}
