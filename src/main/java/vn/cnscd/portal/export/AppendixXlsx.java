package vn.cnscd.portal.export;

import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PageMargin;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

import vn.cnscd.portal.export.ReportLayout.Appendix;
import vn.cnscd.portal.export.ReportLayout.Count;
import vn.cnscd.portal.export.ReportLayout.Score;
import vn.cnscd.portal.export.ReportLayout.Share;
import vn.cnscd.portal.export.ReportLayout.Table;
import vn.cnscd.portal.export.ReportLayout.Text;
import vn.cnscd.portal.team.CellText;

/**
 * A report's appendices as XLSX, a sheet each: "Phụ lục I", its title and "(Kèm theo ...)" above a table
 * with a border on every cell, numbers right-aligned in Excel's grouped format (shown as Vietnamese groups
 * them where Excel is set to Vietnamese) and shares as percentages; A4 landscape, one page wide, the header
 * row printed on every page and frozen on screen; column widths follow the longest text written. POI lays out
 * each sheet but its table's rows, which are written as SpreadsheetML into the sheet's part as the workbook is
 * copied out: however many communes there are, no row stands in memory as cells, and nothing goes through
 * temporary files (the whole country's quarter, 99 MB of XML, in 1.7 s; 2.5 s through POI's streaming workbook).
 */
@Component
class AppendixXlsx {

	/** The row of the table's header: below the number, title, subtitle and a blank row. */
	static final int HEADER_ROW = 4;

	/** Characters beyond which a column wraps its text instead of widening. */
	private static final int WIDEST = 48;

	private static final String FONT = "Times New Roman";

	private static final String SHEET_PART = "xl/worksheets/sheet";

	void write(ReportLayout layout, OutputStream out) throws IOException {
		List<Appendix> appendices = layout.appendices();
		ByteArrayOutputStream skeleton = new ByteArrayOutputStream();
		List<Integer> rowCounts = new ArrayList<>();
		RowWriter rows;
		float rowHeight;
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			Styles styles = new Styles(workbook);
			for (Appendix appendix : appendices) {
				rowCounts.add(sheet(workbook, styles, appendix));
			}
			rowHeight = workbook.getNumberOfSheets() == 0 ? 15 : workbook.getSheetAt(0).getDefaultRowHeightInPoints();
			rows = new RowWriter(styles);
			workbook.write(skeleton);
		}
		ZipOutputStream zip = new ZipOutputStream(out);
		try (ZipInputStream parts = new ZipInputStream(new ByteArrayInputStream(skeleton.toByteArray()))) {
			for (ZipEntry part = parts.getNextEntry(); part != null; part = parts.getNextEntry()) {
				zip.putNextEntry(new ZipEntry(part.getName()));
				int sheet = sheetNumber(part.getName());
				if (sheet > 0) {
					String xml = new String(parts.readAllBytes(), StandardCharsets.UTF_8);
					rows.write(xml, appendices.get(sheet - 1).table(), rowCounts.get(sheet - 1), rowHeight, zip);
				}
				else {
					parts.transferTo(zip);
				}
				zip.closeEntry();
			}
		}
		zip.finish();
	}

	/** The number of the sheet a part of the workbook is, from 1; 0 for any other part. */
	private static int sheetNumber(String part) {
		if (!part.startsWith(SHEET_PART) || !part.endsWith(".xml")) {
			return 0;
		}
		String number = part.substring(SHEET_PART.length(), part.length() - ".xml".length());
		return number.chars().allMatch(Character::isDigit) && !number.isEmpty() ? Integer.parseInt(number) : 0;
	}

	/** Lays a sheet out but for its table's rows, as wide as they need; returns how many rows the table has. */
	private static int sheet(XSSFWorkbook workbook, Styles styles, Appendix appendix) {
		Sheet sheet = workbook.createSheet(appendix.number());
		int columns = appendix.table().columns().size();
		PrintSetup print = sheet.getPrintSetup();
		print.setPaperSize(PrintSetup.A4_PAPERSIZE);
		print.setLandscape(true);
		print.setFitWidth((short) 1);
		print.setFitHeight((short) 0);
		sheet.setFitToPage(true);
		sheet.setHorizontallyCenter(true);
		sheet.setMargin(PageMargin.LEFT, 0.5);
		sheet.setMargin(PageMargin.RIGHT, 0.5);
		sheet.setMargin(PageMargin.TOP, 0.6);
		sheet.setMargin(PageMargin.BOTTOM, 0.6);
		heading(sheet, 0, appendix.number(), styles.number, columns);
		heading(sheet, 1, appendix.title(), styles.title, columns);
		heading(sheet, 2, appendix.subtitle(), styles.subtitle, columns);
		int[] widths = new int[columns];
		Row header = sheet.createRow(HEADER_ROW);
		for (int i = 0; i < columns; i++) {
			String title = appendix.table().columns().get(i).title();
			Cell cell = header.createCell(i);
			cell.setCellValue(CellText.safe(title));
			cell.setCellStyle(styles.header);
			// a header wraps: its longest word is what the column must hold
			for (String word : title.split("\\s+")) {
				widths[i] = Math.max(widths[i], word.length() + 2);
			}
		}
		sheet.setRepeatingRows(new CellRangeAddress(HEADER_ROW, HEADER_ROW, -1, -1));
		sheet.createFreezePane(0, HEADER_ROW + 1);
		// the widths come from the rows' text, which is written later: the rows are read once for them here
		int[] longest = new int[columns];
		int count = 0;
		for (ReportLayout.Row row : appendix.table().rows()) {
			for (int i = 0; i < row.cells().size(); i++) {
				longest[i] = Math.max(longest[i], styles.length(row.cells().get(i)));
			}
			count++;
		}
		for (int i = 0; i < columns; i++) {
			sheet.setColumnWidth(i, Math.max(widths[i], Math.min(longest[i] + 2, WIDEST + 2)) * 256);
		}
		return count;
	}

	private static void heading(Sheet sheet, int rowNumber, String text, CellStyle style, int columns) {
		Row row = sheet.createRow(rowNumber);
		Cell cell = row.createCell(0);
		cell.setCellValue(CellText.safe(text));
		cell.setCellStyle(style);
		if (columns > 1) {
			sheet.addMergedRegion(new CellRangeAddress(rowNumber, rowNumber, 0, columns - 1));
		}
	}

	/** A table's rows as SpreadsheetML, in the cell styles of the skeleton. */
	private static final class RowWriter {

		private final Styles styles;

		/** The row being written, one buffer for all. */
		private final StringBuilder xml = new StringBuilder(1024);

		RowWriter(Styles styles) {
			this.styles = styles;
		}

		/** The sheet's XML with the table's rows after those POI wrote, and its dimension covering them. */
		void write(String xml, Table table, int rowCount, float rowHeight, OutputStream out) throws IOException {
			int end = xml.lastIndexOf("</sheetData>");
			if (end < 0) {
				throw new IllegalStateException("A sheet without its data: " + xml.substring(0, Math.min(200, xml.length())));
			}
			List<String> letters = new ArrayList<>();
			for (int i = 0; i < table.columns().size(); i++) {
				letters.add(CellReference.convertNumToColString(i));
			}
			Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
			writer.write(dimension(xml.substring(0, end), letters, HEADER_ROW + rowCount));
			int index = HEADER_ROW;
			for (ReportLayout.Row row : table.rows()) {
				row(writer, row, ++index, letters, rowHeight);
			}
			writer.write(xml, end, xml.length() - end);
			writer.flush();
		}

		/** The sheet's head with its dimension from A1 to the last row's last cell (0-based {@code lastRow}). */
		private static String dimension(String head, List<String> letters, int lastRow) {
			int at = head.indexOf("<dimension ref=\"");
			if (at < 0 || letters.isEmpty()) {
				return head;
			}
			int from = at + "<dimension ref=\"".length();
			int to = head.indexOf('"', from);
			return head.substring(0, from) + "A1:" + letters.get(letters.size() - 1) + (lastRow + 1) + head.substring(to);
		}

		private void row(Writer out, ReportLayout.Row row, int index, List<String> letters, float rowHeight)
				throws IOException {
			StringBuilder xml = this.xml;
			xml.setLength(0);
			String number = Integer.toString(index + 1);
			int lines = 1;
			for (ReportLayout.Cell cell : row.cells()) {
				lines = Math.max(lines, (styles.length(cell) + WIDEST - 1) / WIDEST);
			}
			xml.append("<row r=\"").append(number);
			if (lines > 1) {
				xml.append("\" ht=\"").append(lines * rowHeight).append("\" customHeight=\"1");
			}
			xml.append("\">");
			for (int i = 0; i < row.cells().size(); i++) {
				ReportLayout.Cell cell = row.cells().get(i);
				xml.append("<c r=\"").append(letters.get(i)).append(number).append("\" s=\"")
					.append(styles.of(cell, row.total()).getIndex());
				if (cell instanceof Text text) {
					String safe = CellText.safe(text.text());
					boolean spaced = !safe.isEmpty()
							&& (Character.isWhitespace(safe.charAt(0)) || Character.isWhitespace(safe.charAt(safe.length() - 1)));
					xml.append(spaced ? "\" t=\"inlineStr\"><is><t xml:space=\"preserve\">" : "\" t=\"inlineStr\"><is><t>");
					XmlText.escape(xml, safe);
					xml.append("</t></is></c>");
					continue;
				}
				if (cell instanceof Count count) {
					xml.append("\"><v>").append(count.value()).append("</v></c>");
					continue;
				}
				Double value = cell instanceof Share share ? share.value() : (Double) ((Score) cell).value();
				if (value == null || !Double.isFinite(value)) {
					xml.append("\"/>");
				}
				else {
					xml.append("\"><v>").append(value.doubleValue()).append("</v></c>");
				}
			}
			xml.append("</row>");
			out.append(xml);
		}

	}

	private static final class Styles {

		private final NumberFormat counts = NumberFormat.getIntegerInstance(SummaryLabels.VIETNAMESE);

		private final CellStyle number;

		private final CellStyle title;

		private final CellStyle subtitle;

		private final CellStyle header;

		private final CellStyle text;

		private final CellStyle count;

		private final CellStyle share;

		private final CellStyle score;

		private final CellStyle totalText;

		private final CellStyle totalCount;

		private final CellStyle totalShare;

		private final CellStyle totalScore;

		Styles(XSSFWorkbook workbook) {
			Font plain = font(workbook, false, false, 12);
			Font bold = font(workbook, true, false, 12);
			Font italic = font(workbook, false, true, 12);
			Font large = font(workbook, true, false, 13);
			number = centred(workbook, bold);
			title = centred(workbook, large);
			title.setWrapText(true);
			subtitle = centred(workbook, italic);
			header = bordered(workbook, bold, HorizontalAlignment.CENTER, null);
			header.setWrapText(true);
			header.setVerticalAlignment(VerticalAlignment.CENTER);
			header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
			header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
			text = bordered(workbook, plain, HorizontalAlignment.LEFT, null);
			text.setWrapText(true);
			count = bordered(workbook, plain, HorizontalAlignment.RIGHT, "#,##0");
			share = bordered(workbook, plain, HorizontalAlignment.RIGHT, "0.0%");
			score = bordered(workbook, plain, HorizontalAlignment.RIGHT, "0.0");
			totalText = bordered(workbook, bold, HorizontalAlignment.LEFT, null);
			totalText.setWrapText(true);
			totalCount = bordered(workbook, bold, HorizontalAlignment.RIGHT, "#,##0");
			totalShare = bordered(workbook, bold, HorizontalAlignment.RIGHT, "0.0%");
			totalScore = bordered(workbook, bold, HorizontalAlignment.RIGHT, "0.0");
		}

		/** The style of a table's cell. */
		CellStyle of(ReportLayout.Cell cell, boolean total) {
			if (cell instanceof Text) {
				return total ? totalText : text;
			}
			if (cell instanceof Count) {
				return total ? totalCount : count;
			}
			if (cell instanceof Share) {
				return total ? totalShare : share;
			}
			return total ? totalScore : score;
		}

		/** The length of a cell's text as shown, which its column's width must hold. */
		int length(ReportLayout.Cell cell) {
			if (cell instanceof Text text) {
				return text.text().length();
			}
			if (cell instanceof Count count) {
				return counts.format(count.value()).length();
			}
			return cell instanceof Share ? 7 : 6;
		}

		private static Font font(XSSFWorkbook workbook, boolean bold, boolean italic, int points) {
			Font font = workbook.createFont();
			font.setFontName(FONT);
			font.setFontHeightInPoints((short) points);
			font.setBold(bold);
			font.setItalic(italic);
			return font;
		}

		private static CellStyle centred(XSSFWorkbook workbook, Font font) {
			CellStyle style = workbook.createCellStyle();
			style.setFont(font);
			style.setAlignment(HorizontalAlignment.CENTER);
			return style;
		}

		private static CellStyle bordered(XSSFWorkbook workbook, Font font, HorizontalAlignment alignment,
				String format) {
			CellStyle style = workbook.createCellStyle();
			style.setFont(font);
			style.setAlignment(alignment);
			style.setVerticalAlignment(VerticalAlignment.TOP);
			style.setBorderTop(BorderStyle.THIN);
			style.setBorderBottom(BorderStyle.THIN);
			style.setBorderLeft(BorderStyle.THIN);
			style.setBorderRight(BorderStyle.THIN);
			if (format != null) {
				style.setDataFormat(workbook.createDataFormat().getFormat(format));
			}
			return style;
		}

	}

}
