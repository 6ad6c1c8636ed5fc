package vn.cnscd.portal.training;

import java.io.IOException;
import java.io.OutputStream;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import vn.cnscd.portal.team.CellText;

/**
 * The commendation proposals as one XLSX sheet with Vietnamese headers. Every text a user typed goes through
 * {@link #safe}, so that none runs as a formula once the file is opened or pasted elsewhere.
 */
@Component
class CommendationExport {

	private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

	private static final ZoneId DISTRICT_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

	private static final List<String> HEADER_KEYS = List.of("commune", "team", "member", "reason", "period",
			"proposedBy", "proposedOn", "status", "decisionNote");

	private static final int[] WIDTHS = { 22, 44, 26, 60, 16, 26, 14, 16, 40 };


	private final MessageSource messages;

	CommendationExport(MessageSource messages) {
		this.messages = messages;
	}

	String fileName() {
		return "de-xuat-khen-thuong.xlsx";
	}

	void write(List<Commendation> commendations, OutputStream out) throws IOException {
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(100)) {
			try {
				Sheet sheet = workbook.createSheet(text("commendationFile.sheet"));
				CellStyle date = workbook.createCellStyle();
				date.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy"));
				CellStyle header = workbook.createCellStyle();
				Font bold = workbook.createFont();
				bold.setBold(true);
				header.setFont(bold);
				Row top = sheet.createRow(0);
				for (int i = 0; i < HEADER_KEYS.size(); i++) {
					sheet.setColumnWidth(i, WIDTHS[i] * 256);
					Cell cell = top.createCell(i);
					cell.setCellValue(text("commendationFile.header." + HEADER_KEYS.get(i)));
					cell.setCellStyle(header);
				}
				int next = 1;
				for (Commendation commendation : commendations) {
					Row row = sheet.createRow(next++);
					text(row, 0, commendation.communeName());
					text(row, 1, commendation.teamName());
					text(row, 2, commendation.memberName());
					text(row, 3, commendation.reason());
					text(row, 4, commendation.period());
					text(row, 5, commendation.proposedByName());
					Cell proposed = row.createCell(6);
					proposed.setCellValue(commendation.proposedAt().atZoneSameInstant(DISTRICT_ZONE).toLocalDate());
					proposed.setCellStyle(date);
					text(row, 7, text("commendation.status." + commendation.status()));
					text(row, 8, commendation.decisionNote());
				}
				sheet.createFreezePane(0, 1);
				sheet.setAutoFilter(new CellRangeAddress(0, Math.max(next - 1, 0), 0, HEADER_KEYS.size() - 1));
				workbook.write(out);
			}
			finally {
				workbook.dispose();
			}
		}
	}

	private void text(Row row, int column, String text) {
		if (text != null) {
			row.createCell(column).setCellValue(CellText.safe(text));
		}
	}

	private String text(String key) {
		return messages.getMessage(key, null, VIETNAMESE);
	}

}
