package vn.cnscd.portal.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.cnscd.portal.Browser;
import vn.cnscd.portal.IntegrationTest;

/**
 * The village report on a phone (360 × 740, Debian's Chromium) whose connection comes and goes, driven
 * through DevTools network emulation of the page and of its service worker (issue #15).
 */
@IntegrationTest
class OfflineReportTests {

	private static final String QUEUED = "Chưa gửi được vì mất mạng. Báo cáo được giữ trên máy và sẽ tự gửi khi có mạng.";

	@RegisterExtension
	Browser browser = Browser.phone();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Deadlines deadlines;

	@BeforeEach
	void open() {
		browser.at(port);
		ReportFixtures.forgetThisMonth(jdbc, deadlines.reportingMonth());
	}

	@Test
	void aStockBelowLastMonthIsNamedInASummaryOnTheFirstScreen() {
		browser.signIn("village", "demo1234");
		openTheForm();
		List<WebElement> values = browser.all(By.cssSelector("form.form input[name^='values[']"));
		String fallen = null;
		String fallenName = null;
		for (WebElement value : values) {
			Optional<String> previous = hintedPrevious(value);
			if (previous.isPresent() && fallen == null && Integer.parseInt(previous.get()) > 5) {
				fallen = value.getAttribute("id");
				fallenName = browser.text(By.cssSelector("label[for='" + value.getAttribute("id") + "']"));
				value.sendKeys(String.valueOf(Integer.parseInt(previous.get()) - 5));
			}
			else {
				value.sendKeys(previous.orElse("4"));
			}
		}
		assertThat(fallen).as("a STOCK figure with last month's value").isNotNull();
		browser.type(By.id("sessionsHeld"), "1");
		browser.type(By.id("residentsGuided"), "2");
		browser.type(By.id("householdsVisited"), "3");
		browser.click(By.cssSelector("button[value=submit]"));

		WebElement summary = browser.waitFor(By.cssSelector(".error-summary"));
		assertThat(browser.driver().getTitle()).startsWith("Lỗi:");
		assertThat(summary.getText()).contains("1 chỗ cần sửa", fallenName, "thấp hơn tháng trước");
		Number bottom = (Number) browser.script("return arguments[0].getBoundingClientRect().bottom;", summary);
		assertThat(bottom.doubleValue()).as("the summary's bottom, in the first screen of 740 px").isLessThanOrEqualTo(740);
		assertThat(browser.driver().switchTo().activeElement()).as("the focus").isEqualTo(summary);
		String target = summary.findElement(By.cssSelector("a")).getAttribute("href").replaceAll(".*#", "");
		assertThat(target).isEqualTo("explanation-" + fallen.replace("value-", ""));
	}

	@Test
	void aReportTypedWithoutAConnectionIsKeptAndSentOnceWhenItComesBack() {
		browser.signIn("village", "demo1234");
		controlledByTheServiceWorker();
		browser.open("/");
		openTheForm();
		String form = browser.driver().getCurrentUrl();
		List<WebElement> values = browser.all(By.cssSelector("form.form input[name^='values[']"));
		Map<String, String> typed = new LinkedHashMap<>();
		for (WebElement value : values.subList(0, 2)) {
			typed.put(value.getAttribute("name"), hintedPrevious(value).orElse("6"));
			value.sendKeys(typed.get(value.getAttribute("name")));
		}
		draftKept(typed.size());

		browser.offline(true);
		browser.driver().navigate().refresh();
		assertThat(browser.waitForText(By.cssSelector("[data-offline-notice]"), "Đã khôi phục số liệu bạn nhập lúc")
			.getText()).endsWith("— chưa gửi");
		typed.forEach((name, value) -> assertThat(field(name).getAttribute("value")).as(name).isEqualTo(value));

		for (WebElement value : browser.all(By.cssSelector("form.form input[name^='values[']"))) {
			if (!typed.containsKey(value.getAttribute("name"))) {
				typed.put(value.getAttribute("name"), hintedPrevious(value).orElse("6"));
				value.sendKeys(typed.get(value.getAttribute("name")));
			}
		}
		browser.type(By.id("sessionsHeld"), "2");
		browser.type(By.id("residentsGuided"), "30");
		browser.type(By.id("householdsVisited"), "8");
		browser.click(By.cssSelector("button[value=submit]"));
		assertThat(browser.waitForText(By.cssSelector("[data-offline-notice]"), QUEUED).getText()).isEqualTo(QUEUED);
		assertThat(reports()).as("reports stored while offline").isZero();

		// the home page, kept by the service worker, says the same
		browser.open("/");
		assertThat(browser.waitForText(By.cssSelector("[data-outbox]"), QUEUED).getText()).isEqualTo(QUEUED);
		assertThat(reports()).isZero();

		browser.offline(false);
		new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(driver -> reports() > 0);
		assertThat(reports()).isEqualTo(1);
		Map<String, String> stored = new LinkedHashMap<>();
		jdbc.sql("""
				SELECT v.indicator_id, v.value FROM village_report_value v JOIN village_report r ON r.id = v.report_id
				WHERE r.village_id = :village AND r.period = :period AND r.status = 'SUBMITTED'""")
			.param("village", ReportFixtures.demoVillage(jdbc))
			.param("period", deadlines.reportingMonth().atDay(1))
			.query((rs, row) -> stored.put("values[" + rs.getLong(1) + "]", String.valueOf(rs.getInt(2))))
			.list();
		assertThat(stored).isEqualTo(typed);

		browser.open(form.replace("http://localhost:" + port, ""));
		assertThat(browser.text(By.cssSelector("main"))).contains("Đã gửi, chờ duyệt");
		assertThat(reports()).isEqualTo(1);
	}

	/**
	 * One phone, two people in turn: the village head's session ends without signing out, a commune chair
	 * signs in on the same browser, and without a connection the service worker shows the chair neither the
	 * head's form nor the head's home page.
	 */
	@Test
	void theServiceWorkerNeverShowsOnePersonsPageToTheNext() {
		browser.signIn("village", "demo1234");
		controlledByTheServiceWorker();
		browser.open("/");
		openTheForm();
		String form = browser.driver().getCurrentUrl().replace("http://localhost:" + port, "");
		assertThat(browser.text(By.cssSelector("main h1"))).contains("Khu dân cư 1");

		browser.driver().manage().deleteAllCookies();
		browser.signIn("commune", "demo1234");
		assertThat(whoIsSignedIn()).isEqualTo("Phạm Văn Đức");

		browser.offline(true);
		browser.open(form);
		assertThat(browser.all(By.cssSelector("form[data-draft]"))).as("the village head's form, offline").isEmpty();
		assertThat(browser.all(By.cssSelector(".who"))).as("a page of someone signed in, offline").isEmpty();
		browser.open("/");
		assertThat(whoIsSignedIn()).as("whose home page, offline").isEqualTo("Phạm Văn Đức");
		assertThat(browser.all(By.cssSelector("#month-heading"))).as("the village head's home page").isEmpty();
	}

	/** The name in the menu, which on a phone is folded away: there, but not shown until the menu opens. */
	private String whoIsSignedIn() {
		return new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".who")))
			.getAttribute("textContent")
			.strip();
	}

	private void openTheForm() {
		browser.click(By.cssSelector("#month-heading ~ p a.button"));
		browser.waitFor(By.cssSelector("form[data-draft]"));
	}

	private void controlledByTheServiceWorker() {
		new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
			.until(driver -> Boolean.TRUE.equals(browser.script("return !!navigator.serviceWorker.controller;")));
	}

	/** Waits until the phone's draft of the form holds that many figures. */
	private void draftKept(int figures) {
		new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(driver -> {
			Object count = ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
					var done = arguments[arguments.length - 1];
					var open = indexedDB.open('cnscd', 1);
					open.onsuccess = function () {
					  var all = open.result.transaction('drafts').objectStore('drafts').getAll();
					  all.onsuccess = function () {
					    done(all.result.length ? Object.keys(all.result[0].values).filter(function (name) {
					      return name.indexOf('values[') === 0; }).length : 0);
					  };
					};""");
			return ((Number) count).intValue() >= figures;
		});
	}

	private WebElement field(String name) {
		return browser.driver().findElement(By.name(name));
	}

	private long reports() {
		return jdbc.sql("""
				SELECT count(*) FROM village_report
				WHERE village_id = :village AND period = :period AND status = 'SUBMITTED'""")
			.param("village", ReportFixtures.demoVillage(jdbc))
			.param("period", deadlines.reportingMonth().atDay(1))
			.query(Long.class)
			.single();
	}

	/** Last month's value where the form shows one, so that no STOCK value falls and needs a reason. */
	static Optional<String> hintedPrevious(WebElement value) {
		String hint = value.findElement(By.xpath("ancestor::div[contains(concat(' ', @class, ' '), ' field ')][1]/p[1]"))
			.getText();
		Matcher previous = Pattern.compile("Tháng trước: ([\\d.]+)").matcher(hint);
		return previous.find() ? Optional.of(previous.group(1).replace(".", "")) : Optional.empty();
	}

}
