package vn.cnscd.portal.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.cnscd.portal.Browser;
import vn.cnscd.portal.IntegrationTest;

/**
 * The monthly report as a village head types it on a 360 × 740 phone, counted: every tap (on a field, a
 * button, a box), every keystroke (a digit, a letter, the keypad's "next"), and how tall the form is. The
 * month is a usual one: every STOCK figure as last month but two that rose, every FLOW figure typed, the
 * activities typed and one obstacle. Where the form offers a one-tap "unchanged" for a STOCK figure, the
 * script takes it; where the keypad's "next" leads to the next field, the script presses it instead of
 * tapping that field. The figures are printed (issue #15, item 7) and bounded, so that the form cannot grow
 * back to the taps it needed before.
 */
@IntegrationTest
class ReportEntryMeasureTests {

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
	void aUsualMonthIsEnteredWithFewTapsAndKeystrokes() {
		browser.signIn("village", "demo1234");
		browser.click(By.cssSelector("#month-heading ~ p a.button"));
		browser.waitFor(By.cssSelector("form.form"));
		long height = (Long) ((JavascriptExecutor) browser.driver()).executeScript("return document.documentElement.scrollHeight;");

		Entry entry = new Entry();
		List<WebElement> values = browser.all(By.cssSelector("form.form input[name^='values[']"));
		int stocks = 0;
		for (WebElement value : values) {
			Optional<String> previous = hintedPrevious(value);
			if (previous.isPresent()) {
				stocks++;
				boolean rose = stocks <= 2;
				Optional<WebElement> same = unchangedControl(value);
				if (!rose && same.isPresent()) {
					entry.tap(same.get());
				}
				else {
					entry.type(value, rose ? String.valueOf(Integer.parseInt(previous.get()) + 3) : previous.get());
				}
			}
			else {
				entry.type(value, "12");
			}
		}
		entry.type(browser.driver().findElement(By.id("sessionsHeld")), "2");
		entry.type(browser.driver().findElement(By.id("residentsGuided")), "35");
		entry.type(browser.driver().findElement(By.id("householdsVisited")), "9");
		entry.type(browser.driver().findElement(By.id("obstacles")), "Sóng yếu ở xóm Đồng");
		entry.tap(browser.driver().findElement(By.cssSelector("button[value=submit]")));

		browser.waitFor(By.cssSelector(".alert-ok, .field-error"));
		assertThat(browser.all(By.cssSelector("[aria-invalid=true]")).stream().map(e -> e.getAttribute("name") + "=" + e.getAttribute("value"))).as("refused").isEmpty();
		assertThat(browser.text(By.cssSelector(".alert-ok"))).isEqualTo("Đã gửi báo cáo.");
		System.out.printf("Scripted entry of the monthly report at 360 × 740: %d fields, %d taps, %d keystrokes, "
				+ "form %d px tall (%.1f screens)%n", values.size() + 4, entry.taps, entry.keystrokes, height,
				height / 740.0);
		assertThat(entry.taps).as("taps").isLessThanOrEqualTo(14);
		assertThat(height).as("page height").isLessThan(4231);
	}

	/** What the script did to the page, counted as a person's fingers would. */
	private final class Entry {

		int taps;

		int keystrokes;

		/** Scrolls the target to the middle of the screen, as a thumb does before it taps, and taps it. */
		void tap(WebElement target) {
			((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'});", target);
			target.click();
			taps++;
		}

		/**
		 * Reaches the field (by the keypad's "next" when the field before offers it and leads here, else by a
		 * tap), then types the text.
		 */
		void type(WebElement field, String text) {
			WebElement active = browser.driver().switchTo().activeElement();
			if (!active.equals(field) && "next".equals(active.getAttribute("enterkeyhint"))) {
				active.sendKeys(Keys.ENTER);
				keystrokes++;
				active = browser.driver().switchTo().activeElement();
			}
			if (!active.equals(field)) {
				tap(field);
			}
			// the report is new, its fields empty: a person types straight in (WebDriver's clear() would also blur it).
			// On a loaded machine chromedriver now and then loses what it types into a field below the fold: the
			// text is then put in as typing would (with its input event), and counted the same.
			field.sendKeys(text);
			if (!text.equals(field.getAttribute("value"))) {
				((JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = arguments[1];"
						+ "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));", field, text);
			}
			assertThat(field.getAttribute("value")).as(field.getAttribute("name")).isEqualTo(text);
			keystrokes += text.length();
		}

	}

	private Optional<WebElement> unchangedControl(WebElement value) {
		String id = value.getAttribute("id");
		return browser.all(By.cssSelector("[data-unchanged-for='" + id + "']")).stream().findFirst();
	}

	private static Optional<String> hintedPrevious(WebElement value) {
		String hint = value.findElement(By.xpath("ancestor::div[contains(concat(' ', @class, ' '), ' field ')][1]/p[1]")).getText();
		Matcher previous = Pattern.compile("Tháng trước: ([\\d.]+)").matcher(hint);
		return previous.find() ? Optional.of(previous.group(1).replace(".", "")) : Optional.empty();
	}

}
