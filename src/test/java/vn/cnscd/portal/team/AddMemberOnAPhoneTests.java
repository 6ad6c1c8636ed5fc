package vn.cnscd.portal.team;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.cnscd.portal.Browser;
import vn.cnscd.portal.IntegrationTest;
import vn.cnscd.portal.area.UnitLevel;
import vn.cnscd.portal.area.UnitService;
import vn.cnscd.portal.area.UnitSummary;

/** A commune chair adds a member from a 360 px wide phone, in a real browser. */
@IntegrationTest
class AddMemberOnAPhoneTests {

	@RegisterExtension
	Browser browser = Browser.phone();

	@LocalServerPort
	int port;

	@Autowired
	UnitService units;

	@BeforeEach
	void open() {
		browser.at(port);
	}

	@Test
	void aCommuneChairAddsAMemberOnAPhone() {
		UnitSummary commune = units.findOpen(UnitLevel.COMMUNE, "11074").orElseThrow();
		UnitSummary village = units.openChildren(commune.id()).get(4);
		browser.signIn("commune", "demo1234");
		browser.open(commune.url() + "/teams");
		assertThat(browser.overflowX()).isZero();
		browser.click(By.xpath("//tbody//a[text()='Khu dân cư " + village.name() + "']"));
		browser.click(By.cssSelector("main .tiles a"));
		browser.click(By.linkText("Thêm thành viên"));
		assertThat(browser.overflowX()).isZero();

		browser.type(By.id("fullName"), "Đinh Thị Xuân");
		browser.select(By.id("gender"), "Nữ");
		browser.type(By.id("birthYear"), "1995");
		browser.type(By.id("phone"), "0389 111 222");
		browser.select(By.id("role"), "Thành viên");
		browser.select(By.id("affiliation"), "Đoàn Thanh niên");
		browser.click(By.cssSelector("form.form button[type=submit]"));

		assertThat(browser.text(By.cssSelector(".alert-ok"))).isEqualTo("Đã thêm thành viên.");
		assertThat(browser.text(By.cssSelector("main"))).contains("Đinh Thị Xuân", "0389 111 222");
		assertThat(browser.overflowX()).isZero();
	}

}
