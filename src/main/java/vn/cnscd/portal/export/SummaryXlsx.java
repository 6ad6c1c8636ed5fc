package vn.cnscd.portal.export;

import java.io.IOException;
import java.io.OutputStream;
import java.time.YearMonth;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.stereotype.Component;

import vn.cnscd.portal.dashboard.CommuneFigures;
import vn.cnscd.portal.dashboard.Coverage;
import vn.cnscd.portal.dashboard.Dashboard;
import vn.cnscd.portal.dashboard.Progress;
import vn.cnscd.portal.team.CellText;

/**
 * A quarterly summary as an administrative report in one XLSX sheet: the national motto, the title, four
 * tables (teams and members, reports per month, targets, obstacles and proposals) and the signatures. Rows
 * are streamed (SXSSF), so however many communes there are only a window of rows is held in memory.
 */
@Component
class SummaryXlsx {

	private static final int ROWS_IN_MEMORY = 100;

	private static final int COLUMNS = 8;

	private final SummaryLabels labels;

	SummaryXlsx(SummaryLabels labels) {
		this.labels = labels;
	}

	void write(Summary summary, Coverage coverage, OutputStream out) throws IOException {
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(ROWS_IN_MEMORY)) {
			try {
				new Writer(workbook, summary, coverage).write();
				workbook.write(out);
			}
			finally {
				workbook.dispose();
			}
		}
	}

	private final class Writer {

		private final Sheet sheet;

		private final Summary summary;

		private final Coverage coverage;

		private final CellStyle bold;

		private final CellStyle centred;

		private final CellStyle title;

		private final CellStyle header;

		private final CellStyle percent;

		private int next;

		Writer(SXSSFWorkbook workbook, Summary summary, Coverage coverage) {
			this.summary = summary;
			this.coverage = coverage;
			this.sheet = workbook.createSheet(labels.text("export.sheet"));
			Font boldFont = workbook.createFont();
			boldFont.setBold(true);
			bold = workbook.createCellStyle();
			bold.setFont(boldFont);
			centred = workbook.createCellStyle();
			centred.setFont(boldFont);
			centred.setAlignment(HorizontalAlignment.CENTER);
			Font titleFont = workbook.createFont();
			titleFont.setBold(true);
			titleFont.setFontHeightInPoints((short) 13);
			title = workbook.createCellStyle();
			title.setFont(titleFont);
			title.setAlignment(HorizontalAlignment.CENTER);
			title.setWrapText(true);
			header = workbook.createCellStyle();
			header.setFont(boldFont);
			header.setWrapText(true);
			header.setBorderBottom(BorderStyle.THIN);
			percent = workbook.createCellStyle();
			percent.setDataFormat(workbook.createDataFormat().getFormat("0.0%"));
			int[] widths = { 6, 26, 14, 40, 14, 14, 14, 14 };
			for (int i = 0; i < widths.length; i++) {
				sheet.setColumnWidth(i, widths[i] * 256);
			}
		}

		void write() {
			heading();
			teams();
			reports();
			targets();
			notes();
			signatures();
		}

		private void heading() {
			Row first = row();
			text(first, 0, labels.text("export.authority", labels.unitName(summary.area()).toUpperCase(SummaryLabels.VIETNAMESE)), bold);
			text(first, 4, labels.text("export.nation"), centred);
			Row second = row();
			text(second, 4, labels.text("export.motto"), centred);
			merge(0, 3, first.getRowNum());
			merge(4, COLUMNS - 1, first.getRowNum());
			merge(4, COLUMNS - 1, second.getRowNum());
			row();
			Row heading = row();
			text(heading, 0, labels.text("export.title", summary.quarter().roman(), summary.quarter().year()), title);
			heading.setHeightInPoints(36);
			merge(0, COLUMNS - 1, heading.getRowNum());
			Row area = row();
			text(area, 0, labels.text(coverage.line()), centred);
			merge(0, COLUMNS - 1, area.getRowNum());
			if (summary.underWay()) {
				Row asOf = row();
				text(asOf, 0, labels.text("export.asOf", labels.date(summary.date())), centred);
				merge(0, COLUMNS - 1, asOf.getRowNum());
			}
			row();
		}

		private void teams() {
			section("export.teams.title");
			headers("export.number", "export.commune", "export.teams.communeTeam", "export.teams.villages",
					"export.teams.withTeam", "export.teams.members");
			int n = 1;
			long members = 0;
			for (CommuneFigures line : summary.communes()) {
				long own = summary.members().getOrDefault(line.commune().id(), 0L);
				members += own;
				Row row = row();
				number(row, 0, n++);
				text(row, 1, labels.unitName(line.commune()), null);
				text(row, 2, labels.text(line.communesWithTeam() > 0 ? "export.yes" : "export.no"), null);
				number(row, 3, line.villages());
				number(row, 4, line.villagesWithTeam());
				number(row, 5, own);
			}
			CommuneFigures total = summary.end().total();
			Row row = row();
			text(row, 1, labels.text("export.total"), bold);
			text(row, 2, total.communesWithTeam() + "/" + total.communes(), bold);
			number(row, 3, total.villages());
			number(row, 4, total.villagesWithTeam());
			number(row, 5, members);
			row();
		}

		private void reports() {
			section("export.reports.title");
			headers("export.number", "export.commune", "export.month", "export.reports.withTeam",
					"export.reports.sent", "export.reports.completeness", "export.reports.onTime",
					"export.reports.timeliness");
			for (YearMonth month : summary.quarter().months()) {
				Dashboard dashboard = summary.months().get(month);
				int n = 1;
				for (CommuneFigures line : Summary.byCode(dashboard.ranking())) {
					reportRow(number(row(), 0, n++), labels.unitName(line.commune()), month, line, null);
				}
				reportRow(row(), labels.text("export.total"), month, dashboard.total(), bold);
			}
			row();
		}

		private void reportRow(Row row, String name, YearMonth month, CommuneFigures line, CellStyle style) {
			text(row, 1, name, style);
			text(row, 2, labels.text("export.monthValue", month.getMonthValue(), String.valueOf(month.getYear())), style);
			number(row, 3, line.villagesWithTeam());
			number(row, 4, line.sent());
			number(row, 6, line.onTime());
			if (summary.due(month)) {
				share(row, 5, line.sent(), line.villagesWithTeam());
				share(row, 7, line.onTime(), line.sent());
			}
			else {
				text(row, 5, labels.text("export.notDue"), style);
				text(row, 7, labels.text("export.notDue"), style);
			}
		}

		private void targets() {
			section("export.targets.title");
			headers("export.number", "export.commune", "export.indicator.code", "export.indicator.name",
					"export.targets.quarter", "export.targets.yearToDate", "export.targets.target",
					"export.targets.ratio");
			int n = 1;
			for (CommuneFigures line : summary.communes()) {
				for (Progress progress : line.progress()) {
					targetRow(number(row(), 0, n++), labels.unitName(line.commune()), line, progress, null);
				}
			}
			for (Progress progress : summary.end().total().progress()) {
				targetRow(row(), labels.text("export.total"), summary.end().total(), progress, bold);
			}
			row();
		}

		private void targetRow(Row row, String name, CommuneFigures line, Progress progress, CellStyle style) {
			text(row, 1, name, style);
			text(row, 2, progress.indicator().code(), style);
			text(row, 3, progress.indicator().nameVi() + " (" + progress.indicator().unitVi() + ")", style);
			number(row, 4, summary.quarterValue(line, progress));
			number(row, 5, progress.achieved());
			if (progress.target() != null) {
				number(row, 6, progress.targetCount());
				Cell ratio = row.createCell(7);
				ratio.setCellValue(progress.ratio());
				ratio.setCellStyle(percent);
			}
			else {
				text(row, 6, labels.text("dashboard.noTarget"), null);
			}
		}

		private void notes() {
			section("export.notes.title");
			headers("export.number", "export.commune", "export.month", "export.notes.text", "export.notes.unit",
					"export.notes.status");
			int n = 1;
			for (Summary.Note note : summary.obstacles()) {
				noteRow(number(row(), 0, n++), note, labels.text("export.notes.status." + note.status()));
			}
			Row proposals = row();
			text(proposals, 1, labels.text("export.notes.proposals"), bold);
			n = 1;
			for (Summary.Note note : summary.proposals()) {
				noteRow(number(row(), 0, n++), note, "");
			}
			row();
		}

		private void noteRow(Row row, Summary.Note note, String status) {
			text(row, 1, labels.unitName(note.commune()), null);
			text(row, 2, labels.text("export.monthValue", note.month().getMonthValue(),
					String.valueOf(note.month().getYear())), null);
			text(row, 3, note.text(), null);
			text(row, 4, labels.unitName(note.unit()), null);
			text(row, 5, status, null);
		}

		private void signatures() {
			row();
			Row place = row();
			text(place, 4, labels.text("export.signature.date", summary.date().getDayOfMonth(),
					summary.date().getMonthValue(), String.valueOf(summary.date().getYear())), null);
			merge(4, COLUMNS - 1, place.getRowNum());
			Row roles = row();
			text(roles, 1, labels.text("export.signature.preparer"), centred);
			text(roles, 4, labels.text("export.signature.head"), centred);
			merge(4, COLUMNS - 1, roles.getRowNum());
			Row hint = row();
			text(hint, 1, labels.text("export.signature.hint"), null);
			text(hint, 4, labels.text("export.signature.hint"), null);
			merge(4, COLUMNS - 1, hint.getRowNum());
		}

		private void section(String key) {
			text(row(), 0, labels.text(key), bold);
		}

		private void headers(String... keys) {
			Row row = row();
			for (int i = 0; i < keys.length; i++) {
				text(row, i, labels.text(keys[i]), header);
			}
		}

		private Row row() {
			return sheet.createRow(next++);
		}

		private void merge(int from, int to, int row) {
			sheet.addMergedRegion(new CellRangeAddress(row, row, from, to));
		}

		private void text(Row row, int column, String value, CellStyle style) {
			Cell cell = row.createCell(column);
			cell.setCellValue(CellText.safe(value));
			if (style != null) {
				cell.setCellStyle(style);
			}
		}

		private Row number(Row row, int column, long value) {
			row.createCell(column).setCellValue(value);
			return row;
		}

		private void share(Row row, int column, long part, long whole) {
			if (whole > 0) {
				Cell cell = row.createCell(column);
				cell.setCellValue((double) part / whole);
				cell.setCellStyle(percent);
			}
		}

	}

}
