package vn.cnscd.portal.team;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.stereotype.Component;

import vn.cnscd.portal.upload.RefusedZipException;
import vn.cnscd.portal.upload.ZipPackage;

/**
 * Opens an uploaded roster file, deciding what it is by its content, never by its name: an XLSX workbook (a
 * ZIP package whose main part is an ordinary workbook, read as a stream by {@link RosterWorkbook}) or CSV
 * text (UTF-8 as Excel's "CSV UTF-8" saves it, UTF-16 as its "Unicode Text" does, or the Vietnamese Windows
 * code page of its plain "CSV"). Anything else is refused, and so is a workbook with macros (a commune office
 * must never be asked to trust one). A workbook is unpacked only within {@link #LIMITS}, so that a zip bomb
 * is refused before it is read; a sheet is read only up to {@link #MAX_LINES} lines, so that a file of
 * sixty thousand rows costs what one of two thousand does. Reading needs no database: callers read the file
 * outside any transaction, which would hold a pooled connection for as long as the reading takes.
 */
@Component
class RosterFileReader {

	static final int MAX_MEGABYTES = 5;

	static final int MAX_BYTES = MAX_MEGABYTES * 1024 * 1024;

	/** Far more than the few hundred members of a commune's teams. */
	static final int MAX_MEMBER_ROWS = 2_000;

	/** The header row is looked for within the first lines of a sheet that hold anything. */
	static final int HEADER_WITHIN = 20;

	/** Lines read from a sheet at most: the rows above the table, its members, and its totals and signatures. */
	static final int MAX_LINES = HEADER_WITHIN + MAX_MEMBER_ROWS + 30;

	/** Cells further right are not read: a roster has a dozen columns. */
	static final int MAX_COLUMNS = 100;

	static final int MAX_UNPACKED_MEGABYTES = 32;

	/**
	 * A roster workbook of 5 MB unpacks to a few times that; the sheets of a commune office are a few hundred
	 * KB each. A ratio of 100 is far above what XML of real sheets packs to and far below a zip bomb's.
	 */
	static final ZipPackage.Limits LIMITS = new ZipPackage.Limits(1_000, MAX_UNPACKED_MEGABYTES * 1024L * 1024,
			2 * MAX_UNPACKED_MEGABYTES * 1024L * 1024, 100, 1024 * 1024);

	private static final byte[] ZIP = { 'P', 'K', 3, 4 };

	private static final byte[] UTF8_BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

	private static final byte[] UTF16LE_BOM = { (byte) 0xFF, (byte) 0xFE };

	private static final byte[] UTF16BE_BOM = { (byte) 0xFE, (byte) 0xFF };

	/** What Excel's plain "CSV" saves on a Vietnamese Windows. */
	private static final Charset WINDOWS_VIETNAMESE = Charset.forName("windows-1258");

	private static final Pattern SPACES = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	/** A cell's value: its text, tidied, and for a date cell of a workbook the date itself. */
	record Value(String text, LocalDate date) {

		static final Value BLANK = new Value("", null);

		/** Text as typed or pasted: composed Unicode (some sources decompose Vietnamese marks), single spaces. */
		static Value of(String raw) {
			String text = SPACES.matcher(Normalizer.normalize(raw, Normalizer.Form.NFC)).replaceAll(" ").strip();
			return text.isEmpty() ? BLANK : new Value(text, null);
		}

		static Value date(LocalDate date) {
			return new Value(DATE.format(date), date);
		}

		boolean blank() {
			return date == null && text.isEmpty();
		}

	}

	/** A line of the file, numbered as Excel shows it. */
	record Line(int number, List<Value> values) {

		Value value(int index) {
			return index >= 0 && index < values.size() ? values.get(index) : Value.BLANK;
		}

		boolean blank() {
			return values.stream().allMatch(Value::blank);
		}

		/** The line with some of its cells' values given: merged cells filled in. */
		Line with(Map<Integer, Value> given) {
			List<Value> all = new ArrayList<>(values);
			given.forEach((index, value) -> {
				while (all.size() <= index) {
					all.add(Value.BLANK);
				}
				if (all.get(index).blank()) {
					all.set(index, value);
				}
			});
			return new Line(number, List.copyOf(all));
		}

	}

	/** The lines of a sheet that hold anything, in order; {@code cut} when more were left unread. */
	record Lines(List<Line> lines, boolean cut) {
	}

	/** An opened roster file: its sheets (a CSV file has one), each read when asked. */
	interface RosterFile extends AutoCloseable {

		/** The names of the sheets; a CSV file's one sheet has none. */
		List<String> sheetNames();

		boolean visible(int sheet);

		/** The sheet's lines that hold anything, at most {@code maxLines} of them. */
		Lines lines(int sheet, int maxLines);

		@Override
		void close();

	}

	/** The file in {@code content}; refuses one that is not a roster spreadsheet with a {@link RefusedFileException}. */
	RosterFile open(byte[] content) {
		if (content.length > MAX_BYTES) {
			throw new RefusedFileException("tooLarge", MAX_MEGABYTES);
		}
		if (startsWith(content, ZIP)) {
			ZipPackage zip;
			try {
				zip = ZipPackage.open(content, LIMITS);
			}
			catch (RefusedZipException refused) {
				throw new RefusedFileException(refused.reason() == RefusedZipException.Reason.DAMAGED ? "notSpreadsheet"
						: "tooMuchData");
			}
			try {
				return RosterWorkbook.open(zip);
			}
			catch (RuntimeException refused) {
				zip.close();
				throw refused;
			}
		}
		return new CsvFile(text(content));
	}

	/** A CSV file's text. */
	private static final class CsvFile implements RosterFile {

		private final String text;

		CsvFile(String text) {
			this.text = text;
		}

		@Override
		public List<String> sheetNames() {
			return List.of("");
		}

		@Override
		public boolean visible(int sheet) {
			return true;
		}

		@Override
		public Lines lines(int sheet, int maxLines) {
			CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter(text)).get();
			List<Line> lines = new ArrayList<>();
			try (CSVParser parser = CSVParser.parse(text, format)) {
				Iterator<CSVRecord> records = parser.iterator();
				while (records.hasNext()) {
					CSVRecord record = records.next();
					List<Value> values = record.stream().limit(MAX_COLUMNS).map(Value::of).toList();
					Line line = new Line(Math.toIntExact(record.getRecordNumber()), values);
					if (line.blank()) {
						continue;
					}
					if (lines.size() == maxLines) {
						return new Lines(lines, true);
					}
					lines.add(line);
				}
			}
			catch (IOException | UncheckedIOException | IllegalStateException malformed) {
				throw new RefusedFileException("notSpreadsheet");
			}
			return new Lines(lines, false);
		}

		@Override
		public void close() {
		}

	}

	/**
	 * The text of a CSV file: UTF-8 or UTF-16 as its byte order mark says, else UTF-8 if it is valid UTF-8,
	 * else the Vietnamese Windows code page; never with the control bytes of binary data.
	 */
	private static String text(byte[] content) {
		String text;
		if (startsWith(content, UTF16LE_BOM)) {
			text = decode(content, UTF16LE_BOM.length, StandardCharsets.UTF_16LE);
		}
		else if (startsWith(content, UTF16BE_BOM)) {
			text = decode(content, UTF16BE_BOM.length, StandardCharsets.UTF_16BE);
		}
		else {
			int start = startsWith(content, UTF8_BOM) ? UTF8_BOM.length : 0;
			text = decode(content, start, StandardCharsets.UTF_8);
			if (text == null && start == 0) {
				text = decode(content, 0, WINDOWS_VIETNAMESE);
			}
		}
		if (text == null || text.chars().anyMatch(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r')) {
			throw new RefusedFileException("notSpreadsheet");
		}
		return text;
	}

	private static String decode(byte[] content, int start, Charset charset) {
		try {
			return charset.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(content, start, content.length - start))
				.toString();
		}
		catch (CharacterCodingException notThisCharset) {
			return null;
		}
	}

	/**
	 * Excel writes CSV with the list separator of the computer's region: a comma, or a semicolon where the
	 * comma is the decimal mark, as in Vietnamese; its "Unicode Text" uses tabs. Excel pads every row to the
	 * table's width, so the separator is the character a line of the first ones holds most of.
	 */
	private static char delimiter(String text) {
		char best = ',';
		long most = 0;
		List<String> first = text.lines().limit(HEADER_WITHIN + 5).toList();
		for (char candidate : new char[] { ',', ';', '\t' }) {
			long count = first.stream().mapToLong(line -> line.chars().filter(c -> c == candidate).count()).max().orElse(0);
			if (count > most) {
				best = candidate;
				most = count;
			}
		}
		return best;
	}

	private static boolean startsWith(byte[] content, byte[] prefix) {
		return content.length >= prefix.length && Arrays.equals(content, 0, prefix.length, prefix, 0, prefix.length);
	}

}
