package vn.cnscd.portal.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
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
 * Issue #12 item 2 in the report documents: a steering member's report names the communes in their charge,
 * in the document, its appendices and the files' names, and never passes for the district's.
 */
@IntegrationTest
@Transactional
class SummaryHeadingTests {

	static final String PARTIAL = "các xã do ông/bà Trần Văn Minh phụ trách (3 trong 23 xã của Huyện Tứ Kỳ)";

	static final String PARTIAL_LINE = "Các xã do ông/bà Trần Văn Minh phụ trách: 3 trong 23 xã của Huyện Tứ Kỳ";

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

	static String fileName(MockHttpServletResponse response) {
		return ContentDisposition.parse(response.getHeader("Content-Disposition")).getFilename();
	}

	@Test
	void aSteeringMembersReportNamesTheCommunesInTheirCharge() throws Exception {
		String base = fixture.district.url() + "/summary.";
		MockHttpServletResponse docx = download(base + "docx?quarter=2030-Q1", "steering");
		assertThat(fileName(docx))
			.isEqualTo("bao-cao-quy-i-2030-cac-xa-do-ong-ba-tran-van-minh-phu-trach-3-trong-23-xa-cua-huyen-tu-ky.docx");
		try (XWPFDocument document = ReportFiles.docx(docx.getContentAsByteArray())) {
			var texts = ReportFiles.texts(ReportFiles.body(document));
			assertThat(texts).contains(PARTIAL_LINE);
			assertThat(texts).anyMatch(text -> text.startsWith("Thực hiện nhiệm vụ") && text.contains(PARTIAL));
			assertThat(texts).noneMatch(text -> text.contains("trên địa bàn huyện Tứ Kỳ"));
		}
		try (PDDocument pdf = ReportFiles.pdf(download(base + "pdf?quarter=2030-Q1", "steering").getContentAsByteArray())) {
			assertThat(ReportFiles.flat(String.join("", ReportFiles.pages(pdf)))).contains(ReportFiles.flat(PARTIAL_LINE));
		}
		MockHttpServletResponse xlsx = download(base + "xlsx?quarter=2030-Q1", "steering");
		assertThat(fileName(xlsx)).startsWith("phu-luc-bao-cao-quy-i-2030-cac-xa-do-ong-ba-tran-van-minh-phu-trach");
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getContentAsByteArray()))) {
			assertThat(ReportDocumentTests.rows(workbook.getSheetAt(0)))
				.anyMatch(row -> row.stream().anyMatch(cell -> String.valueOf(cell).contains(PARTIAL)));
		}
	}

	@Test
	void theOfficersReportIsTheDistricts() throws Exception {
		MockHttpServletResponse docx = download(fixture.district.url() + "/summary.docx?quarter=2030-Q1", "district");
		assertThat(fileName(docx)).isEqualTo("bao-cao-quy-i-2030-huyen-tu-ky.docx");
		try (XWPFDocument document = ReportFiles.docx(docx.getContentAsByteArray())) {
			assertThat(ReportFiles.texts(ReportFiles.body(document))).noneMatch(text -> text.contains("phụ trách"))
				.anyMatch(text -> text.contains("trên địa bàn huyện Tứ Kỳ"));
		}
	}

}
