package vn.cnscd.portal.team;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.UnsupportedFileFormatException;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JRuntimeException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageRelationshipCollection;
import org.apache.poi.openxml4j.opc.PackageRelationshipTypes;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reads an uploaded roster file into lines of values, deciding what the file is by its content, never by
 * its name: an XLSX workbook (a ZIP package whose main part is an ordinary workbook) or UTF-8 CSV text.
 * Anything else is refused, and so is a workbook with formulas (the import takes values, and a formula's
 * value is whatever Excel last computed) or with macros (a commune office must never be asked to trust
 * one). POI's ZipSecureFile limits, left at their defaults, stop zip bombs while the package is opened.
 */
final class RosterFileReader {

	static final int MAX_MEGABYTES = 5;

	static final int MAX_BYTES = MAX_MEGABYTES * 1024 * 1024;

	/** Far more than any commune's roster; a worksheet larger than this unpacked would only fill the memory. */
	private static final long MAX_SHEET_XML_BYTES = 32L * 1024 * 1024;

	private static final byte[] ZIP = { 'P', 'K', 3, 4 };

	private static final byte[] BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

	private static final Set<String> MACRO_CONTENT_TYPES = Stream
		.of(XSSFRelation.MACROS_WORKBOOK, XSSFRelation.MACRO_TEMPLATE_WORKBOOK, XSSFRelation.MACRO_ADDIN_WORKBOOK,
				XSSFRelation.VBA_MACROS, XSSFRelation.MACRO_SHEET_BIN, XSSFRelation.MACRO_SHEET_XML,
				XSSFRelation.INTL_MACRO_SHEET_BIN, XSSFRelation.INTL_MACRO_SHEET_XML)
		.map(XSSFRelation::getContentType)
		.collect(Collectors.toUnmodifiableSet());

	private static final Pattern SPACES = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private RosterFileReader() {
	}

	/** A cell's value: its text, tidied, and for a date cell of a workbook the date itself. */
	record Value(String text, LocalDate date) {

		static final Value BLANK = new Value("", null);

		/** Text as typed or pasted: composed Unicode (some sources decompose Vietnamese marks), single spaces. */
		static Value of(String raw) {
			return new Value(SPACES.matcher(Normalizer.normalize(raw, Normalizer.Form.NFC)).replaceAll(" ").strip(),
					null);
		}

		boolean blank() {
			return date == null && text.isEmpty();
		}

	}

	/** A line of the file, numbered as Excel shows it. */
	record Line(int number, List<Value> values) {

		Value value(int index) {
			return index < values.size() ? values.get(index) : Value.BLANK;
		}

		boolean blank() {
			return values.stream().allMatch(Value::blank);
		}

	}

	/** The lines of the file that hold anything, header included; refuses a file that is not a roster spreadsheet. */
	static List<Line> read(byte[] content) {
		if (content.length > MAX_BYTES) {
			throw new RefusedFileException("tooLarge", MAX_MEGABYTES);
		}
		if (startsWith(content, ZIP)) {
			return readWorkbook(content);
		}
		return readCsv(content);
	}

	private static List<Line> readWorkbook(byte[] content) {
		OPCPackage pkg;
		try {
			pkg = OPCPackage.open(new ByteArrayInputStream(content));
		}
		catch (IOException | InvalidFormatException | UnsupportedFileFormatException | OpenXML4JRuntimeException
				| POIXMLException notAPackage) {
			throw new RefusedFileException("notSpreadsheet");
		}
		try {
			checkParts(pkg);
			XSSFWorkbook workbook = new XSSFWorkbook(pkg);
			checkNoFormulas(workbook);
			return lines(workbook.getSheetAt(0));
		}
		catch (IOException | InvalidFormatException | POIXMLException | OpenXML4JRuntimeException damaged) {
			throw new RefusedFileException("notSpreadsheet");
		}
		finally {
			pkg.revert();
		}
	}

	private static void checkParts(OPCPackage pkg) throws InvalidFormatException {
		for (PackagePart part : pkg.getParts()) {
			if (MACRO_CONTENT_TYPES.contains(part.getContentType())
					|| part.getPartName().getName().toLowerCase(Locale.ROOT).endsWith("/vbaproject.bin")) {
				throw new RefusedFileException("macros");
			}
		}
		PackageRelationshipCollection main = pkg.getRelationshipsByType(PackageRelationshipTypes.CORE_DOCUMENT);
		PackagePart workbook = main.size() == 1 ? pkg.getPart(main.getRelationship(0)) : null;
		if (workbook == null || !XSSFRelation.WORKBOOK.getContentType().equals(workbook.getContentType())) {
			throw new RefusedFileException("notSpreadsheet");
		}
		for (PackagePart sheet : pkg.getPartsByContentType(XSSFRelation.WORKSHEET.getContentType())) {
			if (sheet.getSize() > MAX_SHEET_XML_BYTES) {
				throw new RefusedFileException("tooMuchData");
			}
		}
	}

	private static void checkNoFormulas(XSSFWorkbook workbook) {
		for (Sheet sheet : workbook) {
			for (Row row : sheet) {
				for (Cell cell : row) {
					if (cell.getCellType() == CellType.FORMULA) {
						throw new RefusedFileException("formula", sheet.getSheetName(), cell.getAddress().formatAsString());
					}
				}
			}
		}
	}

	private static List<Line> lines(Sheet sheet) {
		List<Line> lines = new ArrayList<>();
		for (Row row : sheet) {
			List<Value> values = new ArrayList<>();
			for (int column = 0; column < row.getLastCellNum(); column++) {
				values.add(value(row.getCell(column)));
			}
			keep(lines, new Line(row.getRowNum() + 1, values));
		}
		return lines;
	}

	private static Value value(Cell cell) {
		if (cell == null) {
			return Value.BLANK;
		}
		return switch (cell.getCellType()) {
			case STRING -> Value.of(cell.getStringCellValue());
			case NUMERIC -> DateUtil.isCellDateFormatted(cell) ? date(cell.getLocalDateTimeCellValue().toLocalDate())
					: Value.of(number(cell.getNumericCellValue()));
			case BOOLEAN -> Value.of(String.valueOf(cell.getBooleanCellValue()).toUpperCase(Locale.ROOT));
			default -> Value.BLANK;
		};
	}

	private static Value date(LocalDate date) {
		return new Value(DATE.format(date), date);
	}

	/** 1985, not 1985.0: a number cell holding a year or a phone number reads as the digits typed. */
	private static String number(double number) {
		if (number == Math.rint(number) && Math.abs(number) < 1e15) {
			return Long.toString((long) number);
		}
		return BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
	}

	private static List<Line> readCsv(byte[] content) {
		String text = utf8Text(content);
		CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter(text)).get();
		List<Line> lines = new ArrayList<>();
		try (CSVParser parser = CSVParser.parse(text, format)) {
			for (CSVRecord record : parser) {
				keep(lines, new Line(Math.toIntExact(record.getRecordNumber()), record.stream().map(Value::of).toList()));
			}
		}
		catch (IOException | UncheckedIOException malformed) {
			throw new RefusedFileException("notSpreadsheet");
		}
		return lines;
	}

	/** The text of a CSV file: valid UTF-8 (a byte order mark dropped) without the control bytes of binary data. */
	private static String utf8Text(byte[] content) {
		int start = startsWith(content, BOM) ? BOM.length : 0;
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(content, start, content.length - start))
				.toString();
		}
		catch (CharacterCodingException notUtf8) {
			throw new RefusedFileException("notSpreadsheet");
		}
		if (text.chars().anyMatch(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r')) {
			throw new RefusedFileException("notSpreadsheet");
		}
		return text;
	}

	/**
	 * Excel writes CSV with the list separator of the computer's region: a comma, or a semicolon where the
	 * comma is the decimal mark, as in Vietnamese. The header line tells which.
	 */
	private static char delimiter(String text) {
		int end = text.indexOf('\n');
		String header = end < 0 ? text : text.substring(0, end);
		long semicolons = header.chars().filter(c -> c == ';').count();
		long commas = header.chars().filter(c -> c == ',').count();
		return semicolons > commas ? ';' : ',';
	}

	private static void keep(List<Line> lines, Line line) {
		if (!line.blank()) {
			lines.add(line);
		}
	}

	private static boolean startsWith(byte[] content, byte[] prefix) {
		return content.length >= prefix.length && Arrays.equals(content, 0, prefix.length, prefix, 0, prefix.length);
	}

}
