package vn.cnscd.portal.team;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

import vn.cnscd.portal.account.PhoneNumber;

/**
 * The file a commune chair fills in to import members: the Vietnamese headers and one example row, as XLSX
 * and as CSV. In the workbook the text columns are formatted as text, so that Excel keeps the leading zero
 * of a phone number and does not turn a village code into a date.
 */
@Component
class RosterTemplate {

	static final String EXAMPLE_VILLAGE = "11074-01";

	static final String EXAMPLE_NAME = "Nguyễn Văn An";

	static final String EXAMPLE_PHONE = "0912345678";

	private static final int EXAMPLE_BIRTH_YEAR = 1980;

	private static final LocalDate EXAMPLE_JOINED_ON = LocalDate.of(2024, 3, 15);

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private static final byte[] BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

	private static final int[] WIDTHS = { 14, 28, 10, 10, 16, 16, 34, 14 };

	private final RosterLabels labels;

	RosterTemplate(RosterLabels labels) {
		this.labels = labels;
	}

	String fileName(String extension) {
		return Downloads.fileName(labels.text("rosterFile.fileName.template"), extension);
	}

	byte[] xlsx() {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet(labels.text("rosterFile.sheet.template"));
			CellStyle text = workbook.createCellStyle();
			text.setDataFormat(workbook.createDataFormat().getFormat("@"));
			CellStyle date = workbook.createCellStyle();
			date.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy"));
			CellStyle header = workbook.createCellStyle();
			Font bold = workbook.createFont();
			bold.setBold(true);
			header.setFont(bold);
			for (RosterColumn column : RosterColumn.values()) {
				int index = column.ordinal();
				sheet.setColumnWidth(index, WIDTHS[index] * 256);
				sheet.setDefaultColumnStyle(index, switch (column) {
					case BIRTH_YEAR -> workbook.createCellStyle();
					case JOINED_ON -> date;
					default -> text;
				});
			}
			Row headers = sheet.createRow(0);
			List<String> names = labels.headers();
			for (int i = 0; i < names.size(); i++) {
				headers.createCell(i).setCellValue(names.get(i));
				headers.getCell(i).setCellStyle(header);
			}
			Row example = sheet.createRow(1);
			List<String> values = exampleRow();
			for (RosterColumn column : RosterColumn.values()) {
				int index = column.ordinal();
				switch (column) {
					case BIRTH_YEAR -> example.createCell(index).setCellValue(EXAMPLE_BIRTH_YEAR);
					case JOINED_ON -> {
						example.createCell(index).setCellValue(EXAMPLE_JOINED_ON);
						example.getCell(index).setCellStyle(date);
					}
					default -> {
						example.createCell(index).setCellValue(values.get(index));
						example.getCell(index).setCellStyle(text);
					}
				}
			}
			sheet.createFreezePane(0, 1);
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException impossible) {
			throw new UncheckedIOException(impossible);
		}
	}

	/** UTF-8 with a byte order mark, which is how Excel recognises UTF-8 and shows the diacritics right. */
	byte[] csv() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(BOM);
		try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
				CSVPrinter printer = new CSVPrinter(writer, CSVFormat.EXCEL)) {
			printer.printRecord(labels.headers().stream().map(CellText::safe));
			printer.printRecord(exampleRow().stream().map(CellText::safe));
		}
		catch (IOException impossible) {
			throw new UncheckedIOException(impossible);
		}
		return out.toByteArray();
	}

	private List<String> exampleRow() {
		return List.of(EXAMPLE_VILLAGE, EXAMPLE_NAME, labels.label(Gender.MALE), String.valueOf(EXAMPLE_BIRTH_YEAR),
				PhoneNumber.display(EXAMPLE_PHONE), labels.label(TeamRole.LEADER), labels.label(Affiliation.VILLAGE_HEAD),
				DATE.format(EXAMPLE_JOINED_ON));
	}

}
