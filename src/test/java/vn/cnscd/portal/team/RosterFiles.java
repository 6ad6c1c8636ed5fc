package vn.cnscd.portal.team;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
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
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Roster files built in memory, as a commune office would save them from Excel. */
final class RosterFiles {

	static final List<Object> HEADERS = List.of("Mã thôn", "Họ và tên", "Giới tính", "Năm sinh", "Số điện thoại",
			"Vai trò trong tổ", "Thuộc thành phần", "Ngày tham gia");

	private RosterFiles() {
	}

	/** A row of cells; {@code null} leaves a cell empty. */
	static List<Object> row(Object... cells) {
		return Arrays.asList(cells);
	}

	/** A workbook of one sheet: strings as text cells, numbers as numbers, dates as date cells. */
	static byte[] xlsx(List<List<Object>> rows) {
		return xlsx(rows, sheet -> {
		});
	}

	static byte[] xlsx(List<List<Object>> rows, Consumer<Sheet> more) {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet("Danh sách");
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
					else if (value != null) {
						row.createCell(c).setCellValue(value.toString());
					}
				}
			}
			more.accept(sheet);
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException impossible) {
			throw new IllegalStateException(impossible);
		}
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
