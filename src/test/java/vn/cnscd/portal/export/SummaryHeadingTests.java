package vn.cnscd.portal.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.util.List;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ContentDisposition;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

import vn.cnscd.portal.IntegrationTest;
import vn.cnscd.portal.MutableClock;
import vn.cnscd.portal.area.UnitService;
import vn.cnscd.portal.dashboard.DashboardFixture;
import vn.cnscd.portal.indicator.IndicatorService;

/**
 * Issue #12 items 2 and 5 in the summary files: a quarter still under way (now is 20/03/2030, March is not
 * due until 05/04) says as of when its figures are and shows March as not yet due, never as zeros; a steering
 * member's summary names the communes in their charge, in the file and in its name.
 */
@IntegrationTest
@Transactional
class SummaryHeadingTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	UnitService units;

	@Autowired
	IndicatorService indicators;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	DashboardFixture fixture;

	@BeforeEach
	void setUp() {
		fixture = new DashboardFixture(jdbc, units, indicators, clock);
	}

	@AfterEach
	void releaseClock() {
		clock.reset();
	}

	MockHttpServletResponse download(String url, String username) throws Exception {
		return mvc.perform(get(url).with(user(users.loadUserByUsername(username))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();
	}

	@Test
	void aQuarterUnderWayIsAsOfTodayAndItsMonthNotYetDueIsMarkedSo() throws Exception {
		String a = "Thị trấn " + fixture.a.name();
		byte[] xlsx = download(fixture.district.url() + "/summary.xlsx?quarter=2030-Q1", "district").getContentAsByteArray();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			List<List<Object>> rows = SummaryExportTests.rows(workbook.getSheetAt(0));
			assertThat(rows).anyMatch(row -> row.contains("Số liệu tính đến ngày 20/03/2030"));
			List<Object> march = SummaryExportTests.find(rows, a, "Tháng 3/2030");
			assertThat(march.subList(3, 5)).containsExactly(3.0, 1.0);
			assertThat(march.get(5)).isEqualTo("chưa đến hạn");
			assertThat(march.get(7)).isEqualTo("chưa đến hạn");
			assertThat(SummaryExportTests.find(rows, a, "Tháng 2/2030").get(5)).isEqualTo(2.0 / 3);
		}
		String pdf = pdfText(
				download(fixture.district.url() + "/summary.pdf?quarter=2030-Q1", "district").getContentAsByteArray());
		assertThat(pdf).contains("Số liệu tính đến ngày 20/03/2030", "chưa đến hạn");

		// the last quarter of 2029 was over by then: no such line
		byte[] done = download(fixture.district.url() + "/summary.xlsx?quarter=2029-Q4", "district").getContentAsByteArray();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(done))) {
			assertThat(SummaryExportTests.rows(workbook.getSheetAt(0)))
				.noneMatch(row -> row.contains("chưa đến hạn") || row.stream().anyMatch(
						cell -> String.valueOf(cell).startsWith("Số liệu tính đến")));
		}
	}

	@Test
	void aSteeringMembersSummaryNamesTheCommunesInTheirCharge() throws Exception {
		String partial = "Các xã do ông/bà Trần Văn Minh phụ trách: 3 trong 23 xã của Huyện Tứ Kỳ";
		MockHttpServletResponse xlsx = download(fixture.district.url() + "/summary.xlsx?quarter=2030-Q1", "steering");
		assertThat(ContentDisposition.parse(xlsx.getHeader("Content-Disposition")).getFilename())
			.startsWith("bao-cao-quy-i-nam-2030-cac-xa-do-ong-ba-tran-van-minh-phu-trach-3-trong-23-xa-cua-huyen-tu-ky");
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getContentAsByteArray()))) {
			assertThat(SummaryExportTests.rows(workbook.getSheetAt(0))).anyMatch(row -> row.contains(partial));
		}
		String pdf = pdfText(
				download(fixture.district.url() + "/summary.pdf?quarter=2030-Q1", "steering").getContentAsByteArray());
		assertThat(pdf.replaceAll("\\s+", " ")).contains(partial);

		MockHttpServletResponse whole = download(fixture.district.url() + "/summary.xlsx?quarter=2030-Q1", "district");
		assertThat(ContentDisposition.parse(whole.getHeader("Content-Disposition")).getFilename())
			.isEqualTo("bao-cao-quy-i-nam-2030-huyen-tu-ky.xlsx");
	}

	static String pdfText(byte[] content) throws Exception {
		PdfReader reader = new PdfReader(content);
		try {
			PdfTextExtractor extractor = new PdfTextExtractor(reader);
			StringBuilder text = new StringBuilder();
			for (int page = 1; page <= reader.getNumberOfPages(); page++) {
				text.append(extractor.getTextFromPage(page)).append('\n');
			}
			return text.toString();
		}
		finally {
			reader.close();
		}
	}

}
