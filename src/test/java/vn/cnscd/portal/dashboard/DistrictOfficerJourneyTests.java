package vn.cnscd.portal.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.cnscd.portal.Browser;
import vn.cnscd.portal.IntegrationTest;

/**
 * An officer at a desktop, in a real browser: opens the district's dashboard, follows the ranking
 * to a commune and the commune's list to a village's report, then downloads the quarter's appendices (XLSX)
 * and finds in them the figures the dashboard showed.
 */
@IntegrationTest
class DistrictOfficerJourneyTests {

	private static final By HEADING = By.cssSelector("main h1");

	/** "120/138 (87,0 %)": the count, the whole it is counted of, and the share. */
	private static final Pattern OF_TOTAL = Pattern.compile("^(\\d+)/(\\d+) \\(");

	@RegisterExtension
	Browser browser = Browser.desktop();

	@LocalServerPort
	int port;

	@BeforeEach
	void open() {
		browser.at(port);
	}

	@Test
	void aDistrictOfficerDrillsDownToAVillageReportAndDownloadsTheQuartersAppendices() throws IOException {
		browser.signIn("district", "demo1234");
		browser.menu("Tổng quan");
		String title = browser.waitForText(HEADING, "Tổng quan Huyện Tứ Kỳ tháng").getText();
		String month = title.substring(title.lastIndexOf(' ') + 1);
		int[] district = ofTotal(figure("Thôn đã gửi báo cáo"));
		assertThat(district[0]).isPositive().isLessThanOrEqualTo(district[1]);

		WebElement first = browser.waitFor(By.cssSelector("table.ranking tbody tr"));
		String commune = first.findElement(By.cssSelector("td:nth-child(2) a")).getText();
		int[] communeSent = ofTotal(first.findElement(By.cssSelector("td:nth-child(5)")).getText());
		first.findElement(By.linkText(commune)).click();

		browser.waitForText(HEADING, "Tổng quan " + commune + " tháng " + month);
		assertThat(ofTotal(figure("Thôn đã gửi báo cáo"))).containsExactly(communeSent);
		WebElement village = browser.all(By.cssSelector("table.villages tbody tr"))
			.stream()
			.filter(row -> List.of("Đã gửi", "Đã duyệt").contains(status(row).getText()))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no village of " + commune + " sent its report"));
		String label = village.findElement(By.cssSelector("td")).getText();
		String villageName = label.substring(0, label.lastIndexOf(" ("));
		String status = status(village).getText();
		status(village).click();

		assertThat(browser.waitForText(HEADING, villageName).getText()).isEqualTo("Báo cáo tháng " + month + " — " + villageName);
		// the dashboard's "Đã gửi" is the report's "Đã gửi, chờ duyệt"
		assertThat(browser.text(By.cssSelector("main .badge"))).startsWith(status);
		assertThat(browser.all(By.cssSelector("table.values tbody tr"))).isNotEmpty();

		browser.menu("Tổng quan");
		browser.waitForText(HEADING, "Tổng quan Huyện Tứ Kỳ tháng " + month);
		// the first "Phụ lục (Excel)" is the quarter's
		browser.click(By.linkText("Phụ lục (Excel)"));
		Path xlsx = browser.downloaded("xlsx");

		assertThat(xlsx.getFileName().toString()).startsWith("phu-luc-bao-cao-quy-").endsWith("-huyen-tu-ky.xlsx");
		List<List<Object>> rows = rows(xlsx);
		assertThat(rows.get(0)).containsExactly("Phụ lục II");
		assertThat(rows.get(1).get(0).toString()).startsWith("TÌNH HÌNH GỬI BÁO CÁO HẰNG THÁNG QUÝ");
		String monthCell = "Tháng " + Integer.parseInt(month.substring(0, month.indexOf('/'))) + month.substring(month.indexOf('/'));
		assertThat(find(rows, "Tổng cộng", monthCell).subList(3, 5)).containsExactly((double) district[1], (double) district[0]);
		assertThat(find(rows, commune, monthCell).subList(3, 5)).containsExactly((double) communeSent[1], (double) communeSent[0]);
	}

	private static WebElement status(WebElement villageRow) {
		return villageRow.findElement(By.cssSelector("td:nth-child(3) a"));
	}

	/** The text of a figure at the top of a dashboard, by its label. */
	private String figure(String label) {
		return browser.text(By.xpath("//dl[contains(@class,'facts')]/div[dt[text()='" + label + "']]/dd"));
	}

	private static int[] ofTotal(String text) {
		Matcher matcher = OF_TOTAL.matcher(text);
		assertThat(matcher.find()).as("a count of a whole: %s", text).isTrue();
		return new int[] { Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)) };
	}

	private static List<List<Object>> rows(Path xlsx) throws IOException {
		try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
			List<List<Object>> rows = new ArrayList<>();
			// Phụ lục II: the reports sent, a line per commune and month
			for (Row row : workbook.getSheet("Phụ lục II")) {
				List<Object> cells = new ArrayList<>();
				for (int i = 0; i < Math.max(row.getLastCellNum(), 0); i++) {
					Cell cell = row.getCell(i);
					cells.add(cell == null ? null
							: cell.getCellType() == CellType.NUMERIC ? (Object) cell.getNumericCellValue()
									: cell.getStringCellValue());
				}
				rows.add(cells);
			}
			return rows;
		}
	}

	/** The row of the appendix whose second and third cells are these. */
	private static List<Object> find(List<List<Object>> rows, String name, String month) {
		return rows.stream()
			.filter(row -> row.size() > 4 && name.equals(row.get(1)) && month.equals(row.get(2)))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no row " + name + ", " + month));
	}

}
