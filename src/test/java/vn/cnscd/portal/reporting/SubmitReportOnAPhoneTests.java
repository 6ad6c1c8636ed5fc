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
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.cnscd.portal.Browser;
import vn.cnscd.portal.IntegrationTest;

/** A village head on a 360 × 740 phone signs in, fills in the month's report, submits it and sees it sent. */
@IntegrationTest
class SubmitReportOnAPhoneTests {

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
	}

	@Test
	void aVillageHeadSubmitsTheMonthlyReportOnAPhone() {
		browser.signIn("village", "demo1234");
		assertThat(browser.text(By.id("month-heading"))).startsWith("Báo cáo tháng");
		browser.click(By.cssSelector("#month-heading ~ p a.button"));
		assertThat(browser.overflowX()).isZero();

		List<WebElement> values = browser.all(By.cssSelector("form.form input[name^='values[']"));
		assertThat(values).isNotEmpty();
		for (WebElement value : values) {
			value.clear();
			value.sendKeys(hintedPrevious(value).orElse("12"));
		}
		browser.type(By.id("sessionsHeld"), "2");
		browser.type(By.id("residentsGuided"), "35");
		browser.type(By.id("householdsVisited"), "9");
		browser.type(By.id("obstacles"), "Sóng điện thoại yếu ở xóm Đồng");
		browser.click(By.cssSelector("button[value=submit]"));

		assertThat(browser.text(By.cssSelector(".alert-ok"))).isEqualTo("Đã gửi báo cáo.");
		assertThat(browser.text(By.cssSelector("main"))).contains("Đã gửi, chờ duyệt", "Sóng điện thoại yếu ở xóm Đồng");
		assertThat(browser.overflowX()).isZero();
		assertThat(jdbc.sql("""
				SELECT count(*) FROM village_report r JOIN unit u ON u.id = r.village_id
				WHERE u.code = '11074-01' AND r.status = 'SUBMITTED' AND r.period = :period""")
			.param("period", deadlines.reportingMonth().atDay(1))
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	/** Last month's value where the form shows one, so that no STOCK value falls and needs a reason. */
	private static Optional<String> hintedPrevious(WebElement value) {
		String hint = value.findElement(By.xpath("ancestor::div[contains(concat(' ', @class, ' '), ' field ')][1]/p[1]")).getText();
		Matcher previous = Pattern.compile("Tháng trước: ([\\d.]+)").matcher(hint);
		return previous.find() ? Optional.of(previous.group(1).replace(".", "")) : Optional.empty();
	}

}
