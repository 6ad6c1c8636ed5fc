package vn.cnscd.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.cnscd.portal.Browser;
import vn.cnscd.portal.IntegrationTest;

/**
 * Issue #12 items 9 and 10 on a 360 × 740 phone: the menu folds behind one button and holds what the role uses,
 * sign-out included, within the screen; tables that become cards keep every cell readable, no cell squeezed
 * into a narrow column or wrapped a word per line.
 */
@IntegrationTest
class PhoneLayoutTests {

	/** The narrowest a cell of words may be on a 360 px screen: most of a card's width. */
	static final int MIN_CELL_WIDTH = 160;

	/**
	 * The text of the page's card tables that is squeezed: wrapped inside a box narrower than the minimum (the
	 * cell, or the part of it that lays the text out), or a word per line. Text that fits on its line is fine
	 * however short. Each text node is measured line by line, so that a badge's padding is not taken for a line.
	 */
	static final String SQUEEZED = """
			const min = arguments[0], problems = [];
			for (const td of document.querySelectorAll('table.stack td')) {
			  if (td.offsetParent === null) continue;
			  const walker = document.createTreeWalker(td, NodeFilter.SHOW_TEXT);
			  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
			    const text = node.textContent.trim().replace(/\\s+/g, ' ');
			    if (!text) continue;
			    const range = document.createRange();
			    range.selectNodeContents(node);
			    const rects = [...range.getClientRects()].filter(r => r.width > 0);
			    const lines = new Set(rects.map(r => Math.round(r.top / 6))).size;
			    let box = node.parentElement;
			    while (box !== td && getComputedStyle(box).display.startsWith('inline')) box = box.parentElement;
			    const width = box.getBoundingClientRect().width;
			    const words = text.split(' ').length;
			    if (lines > 1 && width < min) problems.push('wrapped in ' + Math.round(width) + ' px: ' + text);
			    else if (words >= 3 && lines >= words) problems.push(lines + ' lines for ' + words + ' words: ' + text);
			  }
			}
			return problems;""";

	@RegisterExtension
	Browser browser = Browser.phone();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void open() {
		browser.at(port);
	}

	long id(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

	@Test
	void theMenuFoldsBehindOneButtonAndHoldsWhatTheRoleUses() {
		browser.signIn("village", "demo1234");
		WebElement button = browser.waitFor(By.cssSelector("details.nav-menu > summary"));
		assertThat(button.getText()).isEqualTo("Menu");
		WebElement signOut = browser.driver().findElement(By.cssSelector("details.nav-menu button.link-button"));
		assertThat(signOut.isDisplayed()).isFalse();
		button.click();
		assertThat(signOut.isDisplayed()).isTrue();
		assertThat(signOut.getRect().getX() + signOut.getRect().getWidth()).isLessThanOrEqualTo(360);
		assertThat(browser.overflowX()).isZero();
		List<String> items = new ArrayList<>(browser.all(By.cssSelector("details.nav-menu nav a"))
			.stream()
			.map(WebElement::getText)
			.toList());
		assertThat(items).contains("Trang chủ", "Báo cáo", "Đổi mật khẩu").doesNotContain("Chỉ số", "Tài khoản", "Tổng quan");
		browser.checkAccessibility();

		browser.menu("Báo cáo");
		browser.waitFor(By.cssSelector("main h1"));
		assertThat(browser.driver().findElement(By.cssSelector("details.nav-menu")).getAttribute("open")).isNull();
	}

	@Test
	void cardsOfEveryTableKeepTheirCellsReadable() {
		browser.signIn("district", "demo1234");
		long district = id("SELECT id FROM unit WHERE level = 'DISTRICT' AND code = '298'");
		long commune = id("SELECT id FROM unit WHERE level = 'COMMUNE' AND code = '11074'");
		long team = id("""
				SELECT t.id FROM team t JOIN unit u ON u.id = t.unit_id WHERE u.code = '11074' AND t.status = 'ACTIVE'
				ORDER BY t.id LIMIT 1""");
		List<String> problems = new ArrayList<>();
		for (String page : List.of("/districts/" + district + "/dashboard", "/communes/" + commune + "/dashboard",
				"/obstacles", "/accounts", "/communes/" + commune + "/teams", "/districts/" + district + "/teams",
				"/teams/" + team, "/districts/" + district, "/communes/" + commune + "/reports", "/indicators",
				"/requests", "/training")) {
			browser.open(page);
			browser.waitFor(By.cssSelector("main h1"));
			assertThat(browser.overflowX()).as(page).isZero();
			@SuppressWarnings("unchecked")
			List<String> squeezed = (List<String>) ((JavascriptExecutor) browser.driver()).executeScript(SQUEEZED,
					MIN_CELL_WIDTH);
			squeezed.forEach(problem -> problems.add(page + " — " + problem));
		}
		assertThat(problems).isEmpty();
	}

}
