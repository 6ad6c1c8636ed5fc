package vn.cnscd.portal.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

import vn.cnscd.portal.IntegrationTest;
import vn.cnscd.portal.MutableClock;
import vn.cnscd.portal.area.UnitService;
import vn.cnscd.portal.dashboard.DashboardFixture;
import vn.cnscd.portal.indicator.IndicatorService;

/** The quarterly summary files of {@link DashboardFixture}'s first quarter of 2030, opened and checked. */
@IntegrationTest
@Transactional
class SummaryExportTests {

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
		jdbc.sql("UPDATE village_report SET proposals = '=1+1 Xin thêm máy chiếu' WHERE village_id = :v AND period = :p")
			.param("v", fixture.aVillages.get(0).id())
			.param("p", DashboardFixture.FEBRUARY.atDay(1))
			.update();
	}

	@AfterEach
	void releaseClock() {
		clock.reset();
	}

	byte[] download(String url, String username) throws Exception {
		return mvc.perform(get(url).with(user(users.loadUserByUsername(username))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
	}

	static List<List<Object>> rows(Sheet sheet) {
		List<List<Object>> rows = new ArrayList<>();
		for (Row row : sheet) {
			List<Object> cells = new ArrayList<>();
			for (int i = 0; i < Math.max(row.getLastCellNum(), 0); i++) {
				Cell cell = row.getCell(i);
				cells.add(cell == null ? null
						: cell.getCellType() == CellType.NUMERIC ? (Object) cell.getNumericCellValue() : cell.getStringCellValue());
			}
			rows.add(cells);
		}
		return rows;
	}

	static List<Object> find(List<List<Object>> rows, Object... start) {
		return rows.stream()
			.filter(row -> row.size() > start.length
					&& IntStream.range(0, start.length).allMatch(i -> start[i] == null || start[i].equals(row.get(i + 1))))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no row " + List.of(start)));
	}

	@Test
	void theXlsxIsAnAdministrativeReportWhoseFiguresMatchTheDatabase() throws Exception {
		byte[] file = download("/districts/" + fixture.district.id() + "/summary.xlsx?quarter=2030-Q1", "district");
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file))) {
			List<List<Object>> rows = rows(workbook.getSheetAt(0));
			assertThat(rows.get(0)).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
			assertThat(rows.get(1)).contains("Độc lập - Tự do - Hạnh phúc");
			assertThat(rows).anyMatch(row -> row.contains(
					"BÁO CÁO KẾT QUẢ HOẠT ĐỘNG TỔ CÔNG NGHỆ SỐ CỘNG ĐỒNG QUÝ I NĂM 2030"));
			String a = "Thị trấn " + fixture.a.name();

			long members = jdbc.sql("""
					SELECT count(*) FROM team_member m JOIN team t ON t.id = m.team_id JOIN unit u ON u.id = t.unit_id
					WHERE t.status = 'ACTIVE' AND m.left_on IS NULL AND (u.id = :c OR u.parent_id = :c)""")
				.param("c", fixture.a.id())
				.query(Long.class)
				.single();
			List<Object> teams = find(rows, a, "Có");
			assertThat(teams.subList(3, 6)).containsExactly((double) fixture.aVillages.size(), 3.0, (double) members);

			// February: 3 villages with a team, 2 reports sent (the returned one is not), 1 on time
			assertThat(find(rows, a, "Tháng 2/2030").subList(3, 8)).containsExactly(3.0, 2.0, 2.0 / 3, 1.0, 0.5);
			assertThat(find(rows, a, "Tháng 3/2030").subList(3, 5)).containsExactly(3.0, 1.0);

			// a STOCK's quarter is its level at the end (a1's March 500 + a2's 60); a FLOW's the sum of its months
			assertThat(find(rows, a, "XHS01").subList(4, 8)).containsExactly(560.0, 560.0, 240.0, 560.0 / 240);
			assertThat(find(rows, a, "CQS04").subList(4, 8))
				.containsExactly(10.0 + 20 + 100 + 5 + 7, 142.0, 40.0, 142.0 / 40);
			assertThat(find(rows, "Tổng cộng", "CQS04").subList(4, 7)).containsExactly(146.0, 146.0, 50.0);

			assertThat(rows).anyMatch(row -> row.contains("Thiếu máy chiếu") && row.contains("Chưa trả lời"));
			assertThat(rows).anyMatch(row -> row.contains("'=1+1 Xin thêm máy chiếu"));
			assertThat(rows).anyMatch(row -> row.contains("NGƯỜI LẬP BIỂU") && row.contains("THỦ TRƯỞNG ĐƠN VỊ"));
		}
	}

	/** After the first quarter a FLOW's quarter is the year to date less that at the end of the quarter before. */
	@Test
	void aLaterQuarterCountsOnlyItsOwnMonthsOfAFlow() throws Exception {
		clock.set(LocalDateTime.of(2030, 5, 20, 9, 0).atZone(ZoneId.of("Asia/Ho_Chi_Minh")).toInstant());
		fixture.report(fixture.aVillages.get(0), YearMonth.of(2030, 4), "APPROVED", false, 520, 30);
		byte[] file = download("/districts/" + fixture.district.id() + "/summary.xlsx?quarter=2030-Q2", "district");
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file))) {
			List<List<Object>> rows = rows(workbook.getSheetAt(0));
			String a = "Thị trấn " + fixture.a.name();
			// XHS01 is a STOCK: a1's April 520 and a2's February 60; CQS04 a FLOW: only April's 30 of the 172
			assertThat(find(rows, a, "XHS01").subList(4, 6)).containsExactly(580.0, 580.0);
			assertThat(find(rows, a, "CQS04").subList(4, 6)).containsExactly(30.0, 172.0);
			assertThat(find(rows, "Tổng cộng", "CQS04").subList(4, 6)).containsExactly(30.0, 176.0);
		}
		// a commune's own summary: the commune is both its one line and the total
		byte[] own = download("/communes/" + fixture.a.id() + "/summary.xlsx?quarter=2030-Q2", "commune");
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(own))) {
			List<List<Object>> rows = rows(workbook.getSheetAt(0));
			assertThat(find(rows, "Thị trấn " + fixture.a.name(), "CQS04").subList(4, 6)).containsExactly(30.0, 172.0);
			assertThat(find(rows, "Tổng cộng", "CQS04").subList(4, 6)).containsExactly(30.0, 172.0);
		}
	}

	@Test
	void theCsvHoldsEveryRawValueOfTheQuarterAfterAByteOrderMark() throws Exception {
		byte[] file = download("/districts/" + fixture.district.id() + "/summary.csv?quarter=2030-Q1", "district");
		assertThat(file).startsWith(0xEF, 0xBB, 0xBF);
		List<String> lines = new String(file, 3, file.length - 3, StandardCharsets.UTF_8).lines().toList();
		long values = jdbc.sql("""
				SELECT count(*) FROM village_report_value v JOIN village_report r ON r.id = v.report_id
				WHERE r.period BETWEEN DATE '2030-01-01' AND DATE '2030-03-01'""")
			.query(Long.class)
			.single();
		assertThat(lines).hasSize((int) values + 1);
		assertThat(lines.get(0)).startsWith("Mã xã,Xã,Mã thôn,Thôn,Tháng");
		String a1 = fixture.aVillages.get(0).code();
		assertThat(lines).anyMatch(line -> line.contains("," + a1 + ",") && line.contains(",2030-03,")
				&& line.endsWith(",CQS04,100"));
		assertThat(lines).anyMatch(line -> line.contains(",Bị trả lại,") && line.endsWith(",XHS01,999"));
	}

	@Test
	void thePdfEmbedsAFontThatWritesVietnamese() throws Exception {
		byte[] file = download("/districts/" + fixture.district.id() + "/summary.pdf?quarter=2030-Q1", "district");
		PdfReader reader = new PdfReader(file);
		try {
			PdfTextExtractor extractor = new PdfTextExtractor(reader);
			StringBuilder text = new StringBuilder();
			for (int page = 1; page <= reader.getNumberOfPages(); page++) {
				text.append(extractor.getTextFromPage(page)).append('\n');
			}
			assertThat(text).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
					"QUÝ I NĂM 2030", "THỦ TRƯỞNG ĐƠN VỊ", "Thiếu máy chiếu");
			// the same February figures as the XLSX: 3 villages with a team, 2 sent, 1 on time
			// cells come out with or without spaces between them
			assertThat(text.toString().replaceAll("\\s+", "")).contains("ThịtrấnTứKỳTháng2/20303266,7%150%");
			PdfDictionary font = reader.getPageN(1).getAsDict(PdfName.RESOURCES).getAsDict(PdfName.FONT);
			assertThat(font.getKeys()).isNotEmpty();
			for (PdfName key : font.getKeys()) {
				PdfDictionary descendant = font.getAsDict(key).getAsArray(PdfName.DESCENDANTFONTS).getAsDict(0);
				assertThat(descendant.getAsDict(PdfName.FONTDESCRIPTOR).get(PdfName.FONTFILE2)).isNotNull();
			}
		}
		finally {
			reader.close();
		}
	}

	@Test
	void eachRoleDownloadsOnlyItsArea() throws Exception {
		download("/communes/" + fixture.a.id() + "/summary.csv?quarter=2030-Q1", "commune");
		mvc.perform(get("/communes/" + fixture.b.id() + "/summary.xlsx?quarter=2030-Q1")
			.with(user(users.loadUserByUsername("commune")))).andExpect(status().isForbidden());
		long province = fixture.district.parentId();
		download("/provinces/" + province + "/summary.xlsx?quarter=2030-Q1", "admin");
		mvc.perform(get("/provinces/" + province + "/summary.csv?quarter=2030-Q1")
			.with(user(users.loadUserByUsername("district")))).andExpect(status().isForbidden());
		mvc.perform(get("/districts/" + fixture.district.id() + "/summary.xlsx?quarter=2031-Q1")
			.with(user(users.loadUserByUsername("district")))).andExpect(status().isNotFound());
	}

}
