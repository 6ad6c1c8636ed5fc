package vn.cnscd.portal.team;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

import vn.cnscd.portal.account.PhoneNumber;
import vn.cnscd.portal.area.UnitSummary;

/**
 * The file a commune chair fills in to import members: the Vietnamese headers and one example row. The
 * workbook has drop-down lists (Excel's data validation) for gender, role, affiliation and, in a commune's
 * own template, its villages, a year of birth and a date that Excel checks as they are typed, an
 * instructions sheet, a frozen header row and columns as wide as what they hold; its text columns are
 * formatted as text, so that Excel keeps the leading zero of a phone number and does not turn a village code
 * into a date. The CSV template is UTF-16 with tabs, the one text format that Excel opens into columns
 * whatever list separator the computer's region has (a semicolon on Vietnamese Windows, a comma elsewhere).
 */
@Component
class RosterTemplate {

	static final String EXAMPLE_VILLAGE = "11074-01";

	static final String EXAMPLE_NAME = "Nguyễn Văn An";

	static final String EXAMPLE_PHONE = "0912345678";

	static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_16LE);

	private static final int EXAMPLE_BIRTH_YEAR = 1980;

	private static final LocalDate EXAMPLE_JOINED_ON = LocalDate.of(2024, 3, 15);

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private static final byte[] UTF16LE_BOM = { (byte) 0xFF, (byte) 0xFE };

	/** The rows that get the drop-down lists: as many as a file may hold members. */
	private static final int ROWS = RosterFileReader.MAX_MEMBER_ROWS;

	private static final int MAX_WIDTH = 60;

	private final RosterLabels labels;

	private final Clock clock;

	RosterTemplate(RosterLabels labels, Clock clock) {
		this.labels = labels;
		this.clock = clock;
	}

	String fileName(String extension) {
		return Downloads.fileName(labels.text("rosterFile.fileName.template"), extension);
	}

	/** The workbook, with a drop-down list of the villages when they are given. */
	byte[] xlsx(List<UnitSummary> villages) {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet(labels.text("rosterFile.sheet.template"));
			instructions(workbook.createSheet(labels.text("rosterFile.sheet.instructions")), workbook, villages);
			Sheet lists = workbook.createSheet(labels.text("rosterFile.sheet.lists"));
			CellStyle text = workbook.createCellStyle();
			text.setDataFormat(workbook.createDataFormat().getFormat("@"));
			CellStyle date = workbook.createCellStyle();
			date.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy"));
			CellStyle header = workbook.createCellStyle();
			Font bold = workbook.createFont();
			bold.setBold(true);
			header.setFont(bold);
			header.setWrapText(true);
			header.setVerticalAlignment(VerticalAlignment.CENTER);
			header.setFillForegroundColor(IndexedColors.LIGHT_TURQUOISE.getIndex());
			header.setFillPattern(FillPatternType.SOLID_FOREGROUND);

			List<String> villageNames = villages.stream().map(RosterLabels::unitName).toList();
			List<String> affiliations = labels.labels(Affiliation.class);
			List<String> example = exampleRow(villageNames.isEmpty() ? EXAMPLE_VILLAGE : villageNames.get(0));
			String affiliationRange = list(lists, 0, labels.text("rosterFile.header.affiliation"), affiliations);
			String villageRange = villageNames.isEmpty() ? null
					: list(lists, 1, labels.text("rosterFile.header.village"), villageNames);
			workbook.setSheetHidden(workbook.getSheetIndex(lists), true);

			Row headers = sheet.createRow(0);
			Row row = sheet.createRow(1);
			for (RosterColumn column : RosterColumn.values()) {
				int index = column.ordinal();
				headers.createCell(index).setCellValue(labels.header(column));
				headers.getCell(index).setCellStyle(header);
				sheet.setDefaultColumnStyle(index, switch (column) {
					case BIRTH_YEAR -> workbook.createCellStyle();
					case JOINED_ON -> date;
					default -> text;
				});
				switch (column) {
					case BIRTH_YEAR -> row.createCell(index).setCellValue(EXAMPLE_BIRTH_YEAR);
					case JOINED_ON -> {
						row.createCell(index).setCellValue(EXAMPLE_JOINED_ON);
						row.getCell(index).setCellStyle(date);
					}
					default -> {
						row.createCell(index).setCellValue(example.get(index));
						row.getCell(index).setCellStyle(text);
					}
				}
				List<String> widest = new ArrayList<>(List.of(labels.header(column), example.get(index)));
				switch (column) {
					case VILLAGE -> widest.addAll(villageNames);
					case AFFILIATION -> widest.addAll(affiliations);
					case ROLE -> widest.addAll(labels.labels(TeamRole.class));
					default -> {
					}
				}
				sheet.setColumnWidth(index, width(widest));
			}
			DataValidationHelper validations = sheet.getDataValidationHelper();
			int year = LocalDate.now(clock).getYear();
			if (villageRange != null) {
				validate(sheet, RosterColumn.VILLAGE, validations.createFormulaListConstraint(villageRange), "village");
			}
			validate(sheet, RosterColumn.GENDER,
					validations.createExplicitListConstraint(labels.labels(Gender.class).toArray(String[]::new)), "gender");
			validate(sheet, RosterColumn.BIRTH_YEAR,
					validations.createIntegerConstraint(DataValidationConstraint.OperatorType.BETWEEN,
							String.valueOf(RosterRowCheck.MIN_BIRTH_YEAR), String.valueOf(year)),
					"birthYear");
			validate(sheet, RosterColumn.ROLE,
					validations.createExplicitListConstraint(labels.labels(TeamRole.class).toArray(String[]::new)), "role");
			validate(sheet, RosterColumn.AFFILIATION, validations.createFormulaListConstraint(affiliationRange),
					"affiliation");
			validate(sheet, RosterColumn.JOINED_ON, validations.createDateConstraint(
					DataValidationConstraint.OperatorType.LESS_OR_EQUAL, "=TODAY()", null, "dd/mm/yyyy"), "joinedOn");
			sheet.createFreezePane(0, 1);
			workbook.setActiveSheet(0);
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException impossible) {
			throw new UncheckedIOException(impossible);
		}
	}

	/**
	 * UTF-16 (little-endian, with its byte order mark) and tabs between the cells: what Excel's own "Unicode
	 * Text" saves, and what it opens into columns with the diacritics right, whatever the region's list
	 * separator. The import reads it back, as it reads CSV with commas or semicolons.
	 */
	byte[] csv() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(UTF16LE_BOM);
		try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_16LE);
				CSVPrinter printer = new CSVPrinter(writer, CSVFormat.EXCEL.builder().setDelimiter('\t').get())) {
			printer.printRecord(labels.headers().stream().map(CellText::safe));
			printer.printRecord(exampleRow(EXAMPLE_VILLAGE).stream().map(CellText::safe));
		}
		catch (IOException impossible) {
			throw new UncheckedIOException(impossible);
		}
		return out.toByteArray();
	}

	private List<String> exampleRow(String village) {
		return List.of(village, EXAMPLE_NAME, labels.label(Gender.MALE), String.valueOf(EXAMPLE_BIRTH_YEAR),
				PhoneNumber.display(EXAMPLE_PHONE), labels.label(TeamRole.LEADER), labels.label(Affiliation.VILLAGE_HEAD),
				DATE.format(EXAMPLE_JOINED_ON));
	}

	/** Writes a list into a column of the lists sheet; the range a drop-down list refers to. */
	private static String list(Sheet lists, int column, String title, List<String> values) {
		row(lists, 0).createCell(column).setCellValue(title);
		for (int i = 0; i < values.size(); i++) {
			row(lists, i + 1).createCell(column).setCellValue(values.get(i));
		}
		String letter = String.valueOf((char) ('A' + column));
		return "'" + lists.getSheetName() + "'!$" + letter + "$2:$" + letter + "$" + (values.size() + 1);
	}

	private static Row row(Sheet sheet, int index) {
		Row row = sheet.getRow(index);
		return row == null ? sheet.createRow(index) : row;
	}

	/** A drop-down list or a check on the column's rows, with a message in Vietnamese when a value is refused. */
	private void validate(Sheet sheet, RosterColumn column, DataValidationConstraint constraint, String key) {
		CellRangeAddressList cells = new CellRangeAddressList(1, ROWS, column.ordinal(), column.ordinal());
		DataValidation validation = sheet.getDataValidationHelper().createValidation(constraint, cells);
		validation.setShowErrorBox(true);
		validation.setErrorStyle(DataValidation.ErrorStyle.STOP);
		validation.createErrorBox(labels.header(column), labels.text("rosterFile.validation." + key));
		validation.setSuppressDropDownArrow(true);
		sheet.addValidationData(validation);
	}

	private void instructions(Sheet sheet, XSSFWorkbook workbook, List<UnitSummary> villages) {
		CellStyle wrap = workbook.createCellStyle();
		wrap.setWrapText(true);
		wrap.setVerticalAlignment(VerticalAlignment.TOP);
		CellStyle bold = workbook.createCellStyle();
		Font font = workbook.createFont();
		font.setBold(true);
		bold.setFont(font);
		bold.setVerticalAlignment(VerticalAlignment.TOP);
		List<String> lines = new ArrayList<>();
		for (int i = 1; labels.has("rosterFile.instructions." + i); i++) {
			lines.add(labels.text("rosterFile.instructions." + i, RosterFileReader.MAX_MEMBER_ROWS,
					TeamService.MAX_ACTIVE_MEMBERS));
		}
		int at = 0;
		Row title = sheet.createRow(at++);
		title.createCell(0).setCellValue(labels.text("rosterFile.instructions.title"));
		title.getCell(0).setCellStyle(bold);
		for (String line : lines) {
			Row row = sheet.createRow(at);
			row.createCell(0).setCellValue(line);
			row.getCell(0).setCellStyle(wrap);
			// Excel sizes no merged cell to its text: a line of about a hundred characters per row of text
			row.setHeightInPoints(15 * (1 + line.length() / 100));
			sheet.addMergedRegion(new CellRangeAddress(at, at, 0, 1));
			at++;
		}
		at++;
		String year = String.valueOf(LocalDate.now(clock).getYear());
		for (RosterColumn column : RosterColumn.values()) {
			Row row = sheet.createRow(at++);
			row.createCell(0).setCellValue(labels.header(column));
			row.getCell(0).setCellStyle(bold);
			Object[] args = switch (column) {
				case FULL_NAME -> new Object[] { RosterRowCheck.MAX_NAME_LENGTH };
				case GENDER -> new Object[] { String.join(", ", labels.labels(Gender.class)) };
				case BIRTH_YEAR -> new Object[] { String.valueOf(RosterRowCheck.MIN_BIRTH_YEAR), year };
				case ROLE -> new Object[] { String.join(", ", labels.labels(TeamRole.class)) };
				case AFFILIATION -> new Object[] { String.join(", ", labels.labels(Affiliation.class)) };
				default -> new Object[0];
			};
			row.createCell(1).setCellValue(labels.text(column.hintKey(), args));
			row.getCell(1).setCellStyle(wrap);
		}
		if (!villages.isEmpty()) {
			at++;
			Row heading = sheet.createRow(at++);
			heading.createCell(0).setCellValue(labels.text("rosterFile.instructions.villages"));
			heading.getCell(0).setCellStyle(bold);
			for (UnitSummary village : villages) {
				Row row = sheet.createRow(at++);
				row.createCell(0).setCellValue(CellText.safe(village.code()));
				row.createCell(1).setCellValue(RosterLabels.unitName(village));
			}
		}
		sheet.setColumnWidth(0, 22 * 256);
		sheet.setColumnWidth(1, 90 * 256);
	}

	/** Wide enough for the longest of the values, in characters, and no wider than a screen. */
	private static int width(List<String> values) {
		int longest = values.stream().mapToInt(String::length).max().orElse(10);
		return Math.min(MAX_WIDTH, Math.max(10, longest + 3)) * 256;
	}

}
