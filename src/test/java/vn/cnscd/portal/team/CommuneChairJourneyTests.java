package vn.cnscd.portal.team;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.cnscd.portal.Browser;
import vn.cnscd.portal.IntegrationTest;
import vn.cnscd.portal.area.UnitLevel;
import vn.cnscd.portal.area.UnitService;
import vn.cnscd.portal.area.UnitSummary;
import vn.cnscd.portal.team.RosterFiles.OfficeMember;

/**
 * A commune chair's month on a 360 × 740 phone, in a real browser: adds a member to a village team, imports
 * the commune's own roster file through the mapping step (first with a mistake the page points out, then
 * corrected, with a column matched by hand), finds the imported members on the roster, and approves a
 * village's submitted monthly report.
 */
@IntegrationTest
class CommuneChairJourneyTests {

	private static final By MAIN = By.cssSelector("main");

	private static final By NOTICE = By.cssSelector(".alert-ok");

	@RegisterExtension
	Browser browser = Browser.phone();

	@LocalServerPort
	int port;

	@Autowired
	UnitService units;

	@TempDir
	Path files;

	UnitSummary village;

	String villageName;

	String demoVillageName;

	@BeforeEach
	void open() {
		browser.at(port);
		UnitSummary commune = units.findOpen(UnitLevel.COMMUNE, "11074").orElseThrow();
		// not the demo village head's village, and none that other tests of the roster change
		List<UnitSummary> villages = units.openChildren(commune.id());
		village = villages.get(3);
		villageName = "Khu dân cư " + village.name();
		demoVillageName = "Khu dân cư " + villages.get(0).name();
	}

	@Test
	void aCommuneChairAddsAMemberImportsARosterAndApprovesAReportOnAPhone() throws IOException {
		browser.signIn("commune", "demo1234");

		addsAMember();
		importsARoster();
		approvesAReport();
	}

	private void addsAMember() {
		browser.menu("Tổ CNSCĐ");
		browser.waitForText(By.cssSelector("main h1"), "Tổ CNSCĐ của Thị trấn Tứ Kỳ");
		browser.click(By.linkText(villageName));
		browser.waitForText(By.cssSelector("main h1"), "Tổ CNSCĐ của " + villageName);
		browser.click(By.cssSelector("main .tiles a"));
		browser.click(By.linkText("Thêm thành viên"));
		assertThat(browser.overflowX()).isZero();

		browser.type(By.id("fullName"), "Lương Thị Mận");
		browser.select(By.id("gender"), "Nữ");
		browser.type(By.id("birthYear"), "1992");
		browser.type(By.id("phone"), "0388 100 201");
		browser.select(By.id("role"), "Thành viên");
		browser.select(By.id("affiliation"), "Hội Liên hiệp Phụ nữ");
		browser.click(By.cssSelector("form.form button[type=submit]"));

		assertThat(browser.text(NOTICE)).isEqualTo("Đã thêm thành viên.");
		assertThat(memberRow("Lương Thị Mận")).contains("Thành viên", "Hội Liên hiệp Phụ nữ", "0388 100 201", "Nữ, 1992");
		assertThat(browser.overflowX()).isZero();
	}

	/**
	 * The commune's own list, as the office keeps it: titles, a two-row header with "Nam" and "Nữ", an STT formula,
	 * the affiliations under a header the portal does not know. First with a wrong phone number, then corrected.
	 */
	private void importsARoster() throws IOException {
		browser.menu("Tổ CNSCĐ");
		int membersBefore = Integer.parseInt(villageRow().findElement(By.cssSelector("td.num")).getText());
		browser.click(By.linkText("Nhập danh sách từ tệp"));
		browser.waitForText(By.cssSelector("main h1"), "Nhập danh sách thành viên: Thị trấn Tứ Kỳ");
		assertThat(browser.overflowX()).isZero();

		OfficeMember son = new OfficeMember("Đặng Văn Sơn", true, 1988, villageName, "TV", "Hội Nông dân", 388100202, null);
		upload("sai-so-dien-thoai.xlsx", List.of(son,
				new OfficeMember("Mai Thị Thu", false, 1999, villageName, "Thành viên", "Bí thư chi đoàn", "12345", null)));

		browser.waitForText(By.cssSelector("main h1"), "Xem lại danh sách trước khi nhập: Thị trấn Tứ Kỳ");
		assertThat(browser.text(By.id("totals"))).isEqualTo("1 thành viên sẽ được thêm, 1 dòng bỏ qua, 1 ô cần sửa");
		assertThat(browser.all(By.cssSelector("#errors tbody tr"))).singleElement()
			.extracting(WebElement::getText)
			.asString()
			.contains("9", "SĐT", "12345", "Số di động Việt Nam gồm 10 chữ số");
		assertThat(browser.all(By.xpath("//button[@value='IMPORT']"))).isEmpty();
		assertThat(browser.overflowX()).isZero();

		browser.click(By.linkText("Tải tệp khác"));
		upload("danh-sach.xlsx", List.of(son,
				new OfficeMember("Mai Thị Thu", false, 1999, villageName, "Thành viên", "Bí thư chi đoàn", "0388 100 203", null)));

		browser.waitForText(By.cssSelector("main h1"), "Xem lại danh sách trước khi nhập: Thị trấn Tứ Kỳ");
		assertThat(browser.text(By.id("defaults"))).isEqualTo("Tệp không có cột thành phần: mọi người được ghi là Khác.");
		assertThat(browser.text(By.id("unmatched"))).isEqualTo("Các cột không dùng: STT, Đơn vị, Ghi chú.");
		browser.select(By.xpath("//tr[.//label[normalize-space()='Đơn vị']]//select"), "Thuộc thành phần");
		browser.click(By.xpath("//button[text()='Xem lại']"));

		browser.waitForText(By.id("totals"), "2 thành viên sẽ được thêm, 1 dòng bỏ qua, 0 ô cần sửa");
		assertThat(browser.all(By.id("defaults"))).isEmpty();
		assertThat(browser.text(By.cssSelector("#rows tbody tr:first-child"))).contains("Đặng Văn Sơn", "0388 100 202",
				"Hội Nông dân", "Sẽ thêm");
		assertThat(browser.overflowX()).isZero();
		browser.click(By.xpath("//button[text()='Nhập 2 thành viên']"));

		assertThat(browser.text(NOTICE)).isEqualTo("Đã nhập 2 thành viên từ tệp. Không phải lập tổ mới.");
		assertThat(browser.text(By.cssSelector("main h1"))).isEqualTo("Tổ CNSCĐ của Thị trấn Tứ Kỳ");
		assertThat(villageRow().findElement(By.cssSelector("td.num")).getText()).isEqualTo(String.valueOf(membersBefore + 2));
		assertThat(browser.overflowX()).isZero();

		browser.click(By.linkText(villageName));
		browser.click(By.cssSelector("main .tiles a"));
		assertThat(memberRow("Đặng Văn Sơn")).contains("Hội Nông dân", "0388 100 202", "Nam, 1988", "01/03/2025");
		assertThat(memberRow("Mai Thị Thu")).contains("Đoàn Thanh niên", "0388 100 203", "Nữ, 1999");
		assertThat(memberRow("Lương Thị Mận")).contains("0388 100 201");
	}

	private void approvesAReport() {
		browser.menu("Báo cáo");
		browser.waitFor(By.id("villages-heading"));
		// a village other than the demo village head's, whose report another test submits
		WebElement waiting = browser.all(By.cssSelector("#villages-heading ~ .table-wrap tbody tr"))
			.stream()
			.filter(row -> !row.findElement(By.cssSelector("td")).getText().equals(demoVillageName))
			.filter(row -> !row.findElements(By.linkText("Đã gửi, chờ duyệt")).isEmpty())
			.findFirst()
			.orElseThrow(() -> new AssertionError("no village report of the month waits for approval"));
		String waitingVillage = waiting.findElement(By.cssSelector("td")).getText();
		waiting.findElement(By.linkText("Đã gửi, chờ duyệt")).click();

		assertThat(browser.text(By.cssSelector("main h1"))).startsWith("Báo cáo tháng").endsWith(waitingVillage);
		assertThat(browser.text(By.cssSelector("main .badge"))).isEqualTo("Đã gửi, chờ duyệt");
		assertThat(browser.overflowX()).isZero();
		browser.click(By.xpath("//button[text()='Duyệt báo cáo']"));

		assertThat(browser.text(NOTICE)).isEqualTo("Đã duyệt báo cáo.");
		assertThat(browser.text(By.cssSelector("main .badge"))).isEqualTo("Đã duyệt");
		assertThat(browser.all(By.id("review-heading"))).isEmpty();

		browser.menu("Báo cáo");
		WebElement approved = browser.waitFor(By.xpath("//main//tr[td[1][normalize-space()='" + waitingVillage + "']]"));
		assertThat(approved.getText()).contains("Đã duyệt").doesNotContain("Đã gửi, chờ duyệt");
	}

	private void upload(String name, List<OfficeMember> members) throws IOException {
		Path file = Files.write(files.resolve(name),
				RosterFiles.officeWorkbook(members, "Đơn vị", LocalDate.of(2025, 3, 1)));
		browser.driver().findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
		browser.click(By.xpath("//button[text()='Nhập danh sách']"));
	}

	private WebElement villageRow() {
		return browser.waitFor(By.xpath("//main//tr[td[1]//a[text()='" + villageName + "']]"));
	}

	private String memberRow(String fullName) {
		return browser.waitFor(By.xpath("//main//tr[td[1]//a[text()='" + fullName + "']]")).getText();
	}

}
