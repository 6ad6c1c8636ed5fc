package vn.cnscd.portal.export;

import java.io.IOException;
import java.io.OutputStream;
import java.text.NumberFormat;

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
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.stereotype.Component;

import vn.cnscd.portal.export.ReportLayout.Appendix;
import vn.cnscd.portal.export.ReportLayout.Count;
import vn.cnscd.portal.export.ReportLayout.Score;
import vn.cnscd.portal.export.ReportLayout.Share;
import vn.cnscd.portal.export.ReportLayout.Text;
import vn.cnscd.portal.team.CellText;

/**
 * A report's appendices as XLSX, a sheet each: "Phụ lục I", its title and "(Kèm theo ...)" above a table
 * with a border on every cell, numbers right-aligned in Excel's grouped format (shown as Vietnamese groups
 * them where Excel is set to Vietnamese) and shares as percentages; A4 landscape, one page wide, the header
 * row printed on every page and frozen on screen. Rows are streamed (SXSSF): however many communes there are,
 * only a window of rows is in memory; column widths follow the longest text written.
 */
@Component
class AppendixXlsx {

	private static final int ROWS_IN_MEMORY = 100;

	/** The row of the table's header: below the number, title, subtitle and a blank row. */
	static final int HEADER_ROW = 4;

	/** Characters beyond which a column wraps its text instead of widening. */
	private static final int WIDEST = 48;

	private static final String FONT = "Times New Roman";

	void write(ReportLayout layout, OutputStream out) throws IOException {
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(ROWS_IN_MEMORY)) {
			try {
				Styles styles = new Styles(workbook);
				for (Appendix appendix : layout.appendices()) {
					sheet(workbook, styles, appendix);
				}
				workbook.write(out);
			}
			finally {
				workbook.dispose();
			}
		}
	}

	private void sheet(SXSSFWorkbook workbook, Styles styles, Appendix appendix) {
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
		int next = HEADER_ROW + 1;
		int[] longest = new int[columns];
		for (ReportLayout.Row row : appendix.table().rows()) {
			Row written = sheet.createRow(next++);
			int lines = 1;
			for (int i = 0; i < row.cells().size(); i++) {
				ReportLayout.Cell cell = row.cells().get(i);
				Cell target = written.createCell(i);
				int length = value(target, cell, styles, row.total());
				longest[i] = Math.max(longest[i], length);
				lines = Math.max(lines, (length + WIDEST - 1) / WIDEST);
			}
			if (lines > 1) {
				written.setHeightInPoints(lines * sheet.getDefaultRowHeightInPoints());
			}
		}
		for (int i = 0; i < columns; i++) {
			sheet.setColumnWidth(i, Math.max(widths[i], Math.min(longest[i] + 2, WIDEST + 2)) * 256);
		}
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

	/** Writes a cell, returning the length of its text as shown, which the column's width must hold. */
	private static int value(Cell target, ReportLayout.Cell cell, Styles styles, boolean total) {
		if (cell instanceof Text text) {
			target.setCellValue(CellText.safe(text.text()));
			target.setCellStyle(total ? styles.totalText : styles.text);
			return text.text().length();
		}
		if (cell instanceof Count count) {
			target.setCellValue(count.value());
			target.setCellStyle(total ? styles.totalCount : styles.count);
			return styles.counts.format(count.value()).length();
		}
		if (cell instanceof Share share) {
			target.setCellStyle(total ? styles.totalShare : styles.share);
			if (share.value() != null) {
				target.setCellValue(share.value());
			}
			return 7;
		}
		target.setCellValue(((Score) cell).value());
		target.setCellStyle(total ? styles.totalScore : styles.score);
		return 6;
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

		Styles(SXSSFWorkbook workbook) {
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

		private static Font font(SXSSFWorkbook workbook, boolean bold, boolean italic, int points) {
			Font font = workbook.createFont();
			font.setFontName(FONT);
			font.setFontHeightInPoints((short) points);
			font.setBold(bold);
			font.setItalic(italic);
			return font;
		}

		private static CellStyle centred(SXSSFWorkbook workbook, Font font) {
			CellStyle style = workbook.createCellStyle();
			style.setFont(font);
			style.setAlignment(HorizontalAlignment.CENTER);
			return style;
		}

		private static CellStyle bordered(SXSSFWorkbook workbook, Font font, HorizontalAlignment alignment,
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
