package vn.cnscd.portal.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint.ValidationType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

import vn.cnscd.portal.IntegrationTest;
import vn.cnscd.portal.area.UnitLevel;
import vn.cnscd.portal.area.UnitService;
import vn.cnscd.portal.area.UnitSummary;

/**
 * Issue #17: the templates a chair fills in. The workbook has drop-down lists for gender, role, affiliation and
 * the commune's villages, checks on the year and the date, an instructions sheet, a frozen header and columns
 * that fit; the CSV template opens into columns in Excel whatever the list separator. Both import back.
 */
@IntegrationTest
@Transactional
class RosterTemplateTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	UnitService units;

	UnitSummary tuKy;

	List<UnitSummary> villages;

	@BeforeEach
	void tuKy() {
		tuKy = units.findOpen(UnitLevel.COMMUNE, "11074").orElseThrow();
		villages = units.openChildren(tuKy.id());
	}

	MockHttpServletResponse download(String url, String username) throws Exception {
		return mvc.perform(get(url).with(user(users.loadUserByUsername(username))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();
	}

	static List<String> texts(Row row) {
		List<String> texts = new ArrayList<>();
		row.forEach(cell -> texts.add(cell.getStringCellValue()));
		return texts;
	}

	/** Each validation by the first column it covers: its type and its list or formula. */
	static Map<Integer, String> validations(XSSFSheet sheet) {
		Map<Integer, String> found = new LinkedHashMap<>();
		for (DataValidation validation : sheet.getDataValidations()) {
			CellRangeAddress cells = validation.getRegions().getCellRangeAddress(0);
			assertThat(cells.getFirstRow()).isEqualTo(1);
			assertThat(cells.getLastRow()).isEqualTo(RosterFileReader.MAX_MEMBER_ROWS);
			assertThat(validation.getShowErrorBox()).isTrue();
			var constraint = validation.getValidationConstraint();
			String what = constraint.getExplicitListValues() != null
					? String.join("|", constraint.getExplicitListValues()) : constraint.getFormula1()
							+ (constraint.getFormula2() == null ? "" : ".." + constraint.getFormula2());
			String type = switch (constraint.getValidationType()) {
				case ValidationType.LIST -> "LIST";
				case ValidationType.INTEGER -> "INTEGER";
				case ValidationType.DATE -> "DATE";
				default -> String.valueOf(constraint.getValidationType());
			};
			found.put(cells.getFirstColumn(), type + " " + what);
		}
		return found;
	}

	@Test
	void theCommunesWorkbookHasDropDownListsInstructionsAFrozenHeaderAndColumnsThatFit() throws Exception {
		MockHttpServletResponse xlsx = download(tuKy.url() + "/roster-import/template.xlsx", "commune");
		assertThat(xlsx.getContentType()).isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		assertThat(xlsx.getHeader("Content-Disposition")).isEqualTo(
				"attachment; filename=\"mau-danh-sach-thanh-vien-to-cnscd.xlsx\"; filename*=UTF-8''mau-danh-sach-thanh-vien-to-cnscd.xlsx");
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getContentAsByteArray()))) {
			assertThat(workbook.getNumberOfSheets()).isEqualTo(3);
			XSSFSheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getSheetName()).isEqualTo("Danh sách thành viên");
			assertThat(texts(sheet.getRow(0))).isEqualTo(RosterFiles.HEADERS.stream().map(Object::toString).toList());
			assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("Khu dân cư " + villages.get(0).name());
			assertThat(sheet.getRow(1).getCell(4).getStringCellValue()).isEqualTo("0912 345 678");
			assertThat(sheet.getRow(1).getCell(7).getLocalDateTimeCellValue().toLocalDate())
				.isEqualTo(LocalDate.of(2024, 3, 15));
			assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
			assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
			// the affiliation column fits "Người đứng đầu tổ chức đoàn thể", the gender column needs little
			assertThat(sheet.getColumnWidth(6)).isGreaterThanOrEqualTo("Giáo viên trung học phổ thông".length() * 256);
			assertThat(sheet.getColumnWidth(2)).isLessThan(sheet.getColumnWidth(6));

			String year = String.valueOf(LocalDate.now().getYear());
			assertThat(validations(sheet)).containsExactly(Map.entry(0, "LIST 'Danh mục'!$B$2:$B$" + (villages.size() + 1)),
					Map.entry(2, "LIST Nam|Nữ"), Map.entry(3, "INTEGER 1930.." + year),
					Map.entry(5, "LIST Tổ trưởng|Tổ phó|Thành viên"), Map.entry(6, "LIST 'Danh mục'!$A$2:$A$14"),
					Map.entry(7, "DATE TODAY()"));

			Sheet lists = workbook.getSheet("Danh mục");
			assertThat(workbook.isSheetHidden(workbook.getSheetIndex(lists))).isTrue();
			assertThat(lists.getRow(1).getCell(0).getStringCellValue()).isEqualTo("Trưởng thôn");
			assertThat(lists.getRow(13).getCell(0).getStringCellValue()).isEqualTo("Khác");
			for (int i = 0; i < villages.size(); i++) {
				assertThat(lists.getRow(i + 1).getCell(1).getStringCellValue())
					.isEqualTo("Khu dân cư " + villages.get(i).name());
			}

			Sheet instructions = workbook.getSheet("Hướng dẫn");
			List<String> lines = new ArrayList<>();
			instructions.forEach(row -> row.forEach(cell -> lines.add(cell.getStringCellValue())));
			assertThat(lines).contains("Cách điền danh sách thành viên Tổ Công nghệ số cộng đồng", "Họ và tên",
					villages.get(0).code(), "Khu dân cư " + villages.get(0).name());
			assertThat(String.join("\n", lines)).contains("Mỗi tệp nhận tối đa 2.000 thành viên, mỗi tổ tối đa 50 thành viên.");
		}
	}

	@Test
	void theGenericWorkbookHasNoVillageListAndAnyoneSignedInGetsIt() throws Exception {
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(
				download("/roster-import/template.xlsx", "village").getContentAsByteArray()))) {
			XSSFSheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo(RosterTemplate.EXAMPLE_VILLAGE);
			assertThat(validations(sheet)).doesNotContainKey(0).containsKeys(2, 3, 5, 6, 7);
		}
		mvc.perform(get("/roster-import/template.xlsx")).andExpect(status().is3xxRedirection());
	}

	@Test
	void theCsvTemplateIsUtf16WithTabsWhichExcelOpensIntoColumnsWhateverTheListSeparator() throws Exception {
		MockHttpServletResponse csv = download("/roster-import/template.csv", "steering");
		assertThat(csv.getContentType()).isEqualTo("text/csv;charset=UTF-16LE");
		byte[] content = csv.getContentAsByteArray();
		assertThat(content[0]).isEqualTo((byte) 0xFF);
		assertThat(content[1]).isEqualTo((byte) 0xFE);
		String text = new String(content, 2, content.length - 2, StandardCharsets.UTF_16LE);
		assertThat(text).doesNotContain(",", ";");
		List<CSVRecord> records = CSVFormat.TDF.parse(new StringReader(text)).getRecords();
		assertThat(records).hasSize(2);
		assertThat(records.get(0).toList()).isEqualTo(RosterFiles.HEADERS.stream().map(Object::toString).toList());
		assertThat(records.get(1).toList()).containsExactly("11074-01", "Nguyễn Văn An", "Nam", "1980", "0912 345 678",
				"Tổ trưởng", "Trưởng thôn", "15/03/2024");
	}

	@Test
	void bothTemplatesFilledInImportBack() throws Exception {
		RosterImportSteps steps = new RosterImportSteps(mvc, users);
		byte[] xlsx = download(tuKy.url() + "/roster-import/template.xlsx", "commune").getContentAsByteArray();
		byte[] filled;
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx));
				ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Row row = workbook.getSheetAt(0).getRow(1);
			row.getCell(1).setCellValue("Đinh Văn Tú");
			row.getCell(4).setCellValue("0388 777 001");
			workbook.write(out);
			filled = out.toByteArray();
		}
		Document page = steps.uploaded(tuKy, "mau.xlsx", filled);
		assertThat(page.select("#sheet option[selected]").text()).isEqualTo("Danh sách thành viên");
		assertThat(RosterImportSteps.cells(page, "rows")).containsExactly(List.of("2", "Khu dân cư " + villages.get(0).name(),
				"Đinh Văn Tú", "Nam", "1980", "0388 777 001", "Tổ trưởng", "Trưởng thôn", "15/03/2024", "Sẽ thêm"));

		Document csv = steps.uploaded(tuKy, "mau.csv", download("/roster-import/template.csv", "commune")
			.getContentAsByteArray());
		assertThat(RosterImportSteps.cells(csv, "errors")).containsExactly(
				List.of("2", "Họ và tên", "Nguyễn Văn An", "Đây là dòng ví dụ của tệp mẫu; hãy xóa dòng này."));
	}

}
