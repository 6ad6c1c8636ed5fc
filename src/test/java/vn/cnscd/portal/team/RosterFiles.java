package vn.cnscd.portal.team;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Roster files built in memory, as a commune office would save them from Excel. */
final class RosterFiles {

	/** The headers of the portal's template. */
	static final List<Object> HEADERS = List.of("Thôn", "Họ và tên", "Giới tính", "Năm sinh", "Số điện thoại",
			"Vai trò trong tổ", "Thuộc thành phần", "Ngày tham gia");

	/** A cell holding a formula, saved with the value Excel computed for it. */
	record Formula(String formula) {
	}

	private RosterFiles() {
	}

	/** A row of cells; {@code null} leaves a cell empty. */
	static List<Object> row(Object... cells) {
		return Arrays.asList(cells);
	}

	/** A workbook of one sheet, "Danh sách": strings as text cells, numbers as numbers, dates as date cells. */
	static byte[] xlsx(List<List<Object>> rows) {
		return xlsx(rows, sheet -> {
		});
	}

	static byte[] xlsx(List<List<Object>> rows, Consumer<Sheet> more) {
		return workbook(workbook -> more.accept(sheet(workbook, "Danh sách", rows)));
	}

	/** A workbook built by the caller, saved with the values of its formulas as Excel saves them. */
	static byte[] workbook(Consumer<XSSFWorkbook> build) {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			build.accept(workbook);
			workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException impossible) {
			throw new IllegalStateException(impossible);
		}
	}

	/** A sheet of the rows: strings as text cells, numbers as numbers, dates as date cells, formulas. */
	static Sheet sheet(XSSFWorkbook workbook, String name, List<List<Object>> rows) {
		Sheet sheet = workbook.createSheet(name);
		CellStyle date = workbook.createCellStyle();
		date.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy"));
		for (int r = 0; r < rows.size(); r++) {
			Row row = sheet.createRow(r);
			List<Object> cells = rows.get(r);
			for (int c = 0; c < cells.size(); c++) {
				Object value = cells.get(c);
				if (value instanceof Number number) {
					row.createCell(c).setCellValue(number.doubleValue());
				}
				else if (value instanceof LocalDate day) {
					row.createCell(c).setCellValue(day);
					row.getCell(c).setCellStyle(date);
				}
				else if (value instanceof Formula formula) {
					row.createCell(c).setCellFormula(formula.formula());
				}
				else if (value != null) {
					row.createCell(c).setCellValue(value.toString());
				}
			}
		}
		return sheet;
	}

	/** A member as a commune office lists them: the year of birth under "Nam" or under "Nữ". */
	record OfficeMember(String fullName, boolean male, Object birthYear, String village, String role,
			String affiliation, Object phone, String note) {
	}

	/**
	 * A roster as commune offices keep it: a summary sheet first, then the list under two merged title rows and
	 * a reference to the decision, a header of two rows ("Năm sinh" merged over "Nam" and "Nữ", the other
	 * headers merged down both rows) with their own words and order, a row numbering the columns, an STT column
	 * of formulas, then the totals row and the signatures.
	 */
	static byte[] officeWorkbook(List<OfficeMember> members) {
		return officeWorkbook(members, "Chức vụ");
	}

	/** The same, its affiliations under a header of the office's choosing. */
	static byte[] officeWorkbook(List<OfficeMember> members, String affiliationHeader) {
		return officeWorkbook(members, affiliationHeader, null);
	}

	/** The same, with a last column "Ngày vào tổ" holding the date everyone joined, when it is given. */
	static byte[] officeWorkbook(List<OfficeMember> members, String affiliationHeader, LocalDate joinedOn) {
		return workbook(workbook -> {
			sheet(workbook, "Tổng hợp", List.of(row("TỔNG HỢP SỐ LƯỢNG THÀNH VIÊN"), row(), row("Khu dân cư", "Số thành viên"),
					row("KDC 2", members.size())));
			List<List<Object>> rows = new ArrayList<>();
			rows.add(row("UBND THỊ TRẤN TỨ KỲ", null, null, null, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"));
			rows.add(row("DANH SÁCH THÀNH VIÊN TỔ CÔNG NGHỆ SỐ CỘNG ĐỒNG CÁC KHU DÂN CƯ"));
			rows.add(row("(Kèm theo Quyết định số 15/QĐ-UBND ngày 15/4/2022 của UBND thị trấn Tứ Kỳ)"));
			rows.add(row());
			rows.add(row("STT", "Họ tên", "Năm sinh", null, "Khu dân cư", "Chức danh trong tổ", affiliationHeader, "SĐT",
					"Ghi chú", joinedOn == null ? null : "Ngày vào tổ"));
			rows.add(row(null, null, "Nam", "Nữ"));
			rows.add(row("(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)", "(9)"));
			for (OfficeMember member : members) {
				rows.add(row(new Formula("ROW()-7"), member.fullName(), member.male() ? member.birthYear() : null,
						member.male() ? null : member.birthYear(), member.village(), member.role(), member.affiliation(),
						member.phone(), member.note(), joinedOn));
			}
			rows.add(row(null, "Tổng cộng: " + members.size() + " người"));
			rows.add(row());
			rows.add(row(null, null, null, null, null, "Tứ Kỳ, ngày 15 tháng 4 năm 2022"));
			rows.add(row(null, "Người lập biểu", null, null, null, "TM. ỦY BAN NHÂN DÂN"));
			rows.add(row(null, null, null, null, null, "CHỦ TỊCH"));
			Sheet sheet = sheet(workbook, "DS thành viên", rows);
			sheet.addMergedRegion(CellRangeAddress.valueOf("A1:D1"));
			sheet.addMergedRegion(CellRangeAddress.valueOf("E1:I1"));
			sheet.addMergedRegion(CellRangeAddress.valueOf("A2:I2"));
			sheet.addMergedRegion(CellRangeAddress.valueOf("A3:I3"));
			sheet.addMergedRegion(CellRangeAddress.valueOf("C5:D5"));
			for (String column : joinedOn == null ? List.of("A", "B", "E", "F", "G", "H", "I")
					: List.of("A", "B", "E", "F", "G", "H", "I", "J")) {
				sheet.addMergedRegion(CellRangeAddress.valueOf(column + "5:" + column + "6"));
			}
			workbook.setActiveSheet(1);
		});
	}

	/** CSV text, with a byte order mark as Excel's "CSV UTF-8" writes it. */
	static byte[] csv(char delimiter, List<List<Object>> rows) {
		String text = rows.stream()
			.map(cells -> cells.stream()
				.map(cell -> cell == null ? "" : "\"" + cell.toString().replace("\"", "\"\"") + "\"")
				.collect(Collectors.joining(String.valueOf(delimiter))))
			.collect(Collectors.joining("\r\n", "\uFEFF", "\r\n"));
		return text.getBytes(StandardCharsets.UTF_8);
	}

	/** A copy of a workbook whose [Content_Types].xml says something else. */
	static byte[] replaceInContentTypes(byte[] xlsx, String from, String to) {
		return rewrite(xlsx, types -> types.replace(from, to), null, null);
	}

	/** A copy of a workbook with one part's content replaced. */
	static byte[] replacePart(byte[] xlsx, String name, byte[] content) {
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx));
				ByteArrayOutputStream bytes = new ByteArrayOutputStream();
				ZipOutputStream out = new ZipOutputStream(bytes)) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				out.putNextEntry(new ZipEntry(entry.getName()));
				if (entry.getName().equals(name)) {
					out.write(content);
				}
				else {
					in.transferTo(out);
				}
				out.closeEntry();
			}
			out.finish();
			return bytes.toByteArray();
		}
		catch (IOException impossible) {
			throw new IllegalStateException(impossible);
		}
	}

	/** A copy of a workbook with one more part, declared in [Content_Types].xml as Excel declares it. */
	static byte[] withPart(byte[] xlsx, String name, String contentType, byte[] content) {
		return rewrite(xlsx, types -> types.replace("</Types>",
				"<Override PartName=\"/" + name + "\" ContentType=\"" + contentType + "\"/></Types>"), name, content);
	}

	private static byte[] rewrite(byte[] xlsx, UnaryOperator<String> contentTypes, String name, byte[] content) {
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx));
				ByteArrayOutputStream bytes = new ByteArrayOutputStream();
				ZipOutputStream out = new ZipOutputStream(bytes)) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				out.putNextEntry(new ZipEntry(entry.getName()));
				if (entry.getName().equals("[Content_Types].xml")) {
					String types = new String(in.readAllBytes(), StandardCharsets.UTF_8);
					out.write(contentTypes.apply(types).getBytes(StandardCharsets.UTF_8));
				}
				else {
					in.transferTo(out);
				}
				out.closeEntry();
			}
			if (name != null) {
				out.putNextEntry(new ZipEntry(name));
				out.write(content);
				out.closeEntry();
			}
			out.finish();
			return bytes.toByteArray();
		}
		catch (IOException impossible) {
			throw new IllegalStateException(impossible);
		}
	}

}
