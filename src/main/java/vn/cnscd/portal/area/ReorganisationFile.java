package vn.cnscd.portal.area;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A reorganisation file, in the format of the shared {@code tu-ky-reorganisations.csv}: UTF-8 CSV with a header
 * row and one row per old unit and the unit it went to (a unit split between two has a {@code part} row and a
 * {@code rest} row). Every row is checked on its own and against the rows of its round (its effective date);
 * whether the old units exist is for {@link ReorganisationImport}, on the tree of the round's date.
 */
final class ReorganisationFile {

	static final int MAX_KILOBYTES = 512;

	static final int MAX_BYTES = MAX_KILOBYTES * 1024;

	/** A province's whole reorganisation is a few hundred rows; a file far longer is not one. */
	static final int MAX_ROWS = 2_000;

	static final int MAX_BASIS_LENGTH = 500;

	static final int MAX_NAME_LENGTH = 200;

	static final int MAX_CODE_LENGTH = 20;

	static final List<String> COLUMNS = List.of("effective_from", "basis", "old_code", "old_kind", "old_name",
			"new_code", "new_kind", "new_name", "share", "confidence");

	private static final String ERROR = "reorganisation.import.error.";

	private static final Pattern CODE = Pattern.compile("[\\p{Alnum}.\\-]+");

	private static final Pattern SPACES = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);

	private static final byte[] BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

	private static final DateTimeFormatter DAY_FIRST = DateTimeFormatter.ofPattern("d/M/uuuu")
		.withResolverStyle(ResolverStyle.STRICT);

	private ReorganisationFile() {
	}

	enum Share {

		/** The whole old unit went there. */
		WHOLE,
		/** A part of its area went there: the officer picks which villages. */
		PART,
		/** What was left of it after its parts went elsewhere. */
		REST

	}

	/** A row of the file as it was read: its line number as a spreadsheet shows it (the header is 1). */
	record Row(int line, LocalDate effectiveFrom, String basis, String oldCode, UnitKind oldKind, String oldName,
			String newCode, UnitKind newKind, String newName, Share share, boolean inferred) {

		public UnitName oldUnit() {
			return new UnitName(oldKind, oldName, oldCode);
		}

		public UnitName newUnit() {
			return new UnitName(newKind, newName, newCode);
		}

	}

	/** Something wrong with a row: the line, the column and what it holds, and why (a message key and its arguments). */
	record Problem(int line, String column, String value, String key, List<Object> args) {

		Problem {
			args = List.copyOf(args);
		}

		public Object[] arguments() {
			return args.toArray();
		}

	}

	/** A file refused as a whole, before its rows are looked at. */
	static final class Refused extends RuntimeException {

		private final String key;

		private final List<Object> args;

		Refused(String reason, Object... args) {
			super("Reorganisation file refused: " + reason);
			this.key = "reorganisation.import.refused." + reason;
			this.args = List.of(args);
		}

		String key() {
			return key;
		}

		Object[] args() {
			return args.toArray();
		}

	}

	/** The rows of a file that could be read, and what is wrong with the others. */
	record Read(String text, List<Row> rows, List<Problem> problems) {

		boolean clean() {
			return problems.isEmpty();
		}

		/** The rounds of the file, by effective date. */
		List<Round> rounds() {
			Map<LocalDate, List<Row>> byDate = new TreeMap<>();
			rows.forEach(row -> byDate.computeIfAbsent(row.effectiveFrom(), date -> new ArrayList<>()).add(row));
			return byDate.entrySet().stream().map(entry -> new Round(entry.getKey(), entry.getValue())).toList();
		}

		Optional<Round> round(LocalDate date) {
			return rounds().stream().filter(round -> round.effectiveOn().equals(date)).findFirst();
		}

	}

	/** The rows of one effective date: one reorganisation. */
	record Round(LocalDate effectiveOn, List<Row> rows) {

		public long inferred() {
			return rows.stream().filter(Row::inferred).count();
		}

		/** The decision as far as the rows' basis texts say it, the same in every row. */
		public BasisText basis() {
			List<BasisText> all = rows.stream().map(row -> BasisText.read(row.basis())).toList();
			return new BasisText(same(all.stream().map(BasisText::number).toList()),
					same(all.stream().map(BasisText::date).toList()), same(all.stream().map(BasisText::signer).toList()));
		}

		public String basisText() {
			return rows.get(0).basis();
		}

		private static <T> T same(List<T> values) {
			return values.stream().distinct().count() == 1 ? values.get(0) : null;
		}

	}

	/**
	 * The number, date and signer a decision's text gives, where they can be read: "Nghị quyết 1669/NQ-UBTVQH15
	 * ngày 16/6/2025 khoản 93" is number 1669/NQ-UBTVQH15 of 16/06/2025 by the Ủy ban Thường vụ Quốc hội. A
	 * part that cannot be read is null.
	 */
	record BasisText(String number, LocalDate date, String signer) {

		private static final Pattern NUMBER = Pattern
			.compile("(?<![\\p{L}\\p{N}/])(\\d+(?:/\\d{4})?/\\p{L}[\\p{L}\\p{N}]*(?:-\\p{L}[\\p{L}\\p{N}]*)*)");

		private static final Pattern DATE = Pattern.compile("ngày\\s+(\\d{1,2})\\s*/\\s*(\\d{1,2})\\s*/\\s*(\\d{4})",
				Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

		private static final Pattern WORDY_DATE = Pattern.compile(
				"ngày\\s+(\\d{1,2})\\s+tháng\\s+(\\d{1,2})\\s+năm\\s+(\\d{4})", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

		/** Issuing bodies by the abbreviation their documents' numbers end with (the term's number dropped). */
		private static final Map<String, String> SIGNERS = Map.of("UBTVQH", "Ủy ban Thường vụ Quốc hội", "QH",
				"Quốc hội", "CP", "Chính phủ", "TTg", "Thủ tướng Chính phủ");

		static BasisText read(String text) {
			Matcher number = NUMBER.matcher(text);
			String found = number.find() ? number.group(1) : null;
			return new BasisText(found, date(text), signer(text, found));
		}

		private static LocalDate date(String text) {
			for (Pattern pattern : List.of(DATE, WORDY_DATE)) {
				Matcher matcher = pattern.matcher(text);
				if (matcher.find()) {
					try {
						return LocalDate.of(Integer.parseInt(matcher.group(3)), Integer.parseInt(matcher.group(2)),
								Integer.parseInt(matcher.group(1)));
					}
					catch (DateTimeException impossible) {
						return null;
					}
				}
			}
			return null;
		}

		private static String signer(String text, String number) {
			if (number != null) {
				String issuer = number.substring(number.lastIndexOf('/') + 1);
				issuer = issuer.substring(issuer.lastIndexOf('-') + 1).replaceFirst("\\d+$", "");
				if (SIGNERS.containsKey(issuer)) {
					return SIGNERS.get(issuer);
				}
			}
			for (String word : text.split("[^\\p{L}\\p{N}]+")) {
				String body = SIGNERS.get(word.replaceFirst("\\d+$", ""));
				if (body != null) {
					return body;
				}
			}
			return SIGNERS.values().stream().filter(text::contains).findFirst().orElse(null);
		}

	}

	/** Reads the uploaded bytes; refuses what is not such a file. */
	static Read read(byte[] content) {
		if (content.length > MAX_BYTES) {
			throw new Refused("tooLarge", MAX_KILOBYTES);
		}
		return read(utf8Text(content));
	}

	/** Reads the text of a file, as the upload gave it and the form sends it back. */
	static Read read(String text) {
		if (text.length() > MAX_BYTES) {
			throw new Refused("tooLarge", MAX_KILOBYTES);
		}
		String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
		List<CSVRecord> records = new ArrayList<>();
		// empty lines are records too, so that a row's number is the line a spreadsheet shows it on
		CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter(body)).setIgnoreEmptyLines(false).get();
		try (CSVParser parser = CSVParser.parse(body, format)) {
			for (CSVRecord record : parser) {
				if (record.stream().anyMatch(value -> !value.isBlank())) {
					records.add(record);
				}
				if (records.size() > MAX_ROWS + 1) {
					throw new Refused("tooManyRows", MAX_ROWS);
				}
			}
		}
		catch (IOException | UncheckedIOException malformed) {
			throw new Refused("notCsv");
		}
		if (records.isEmpty()) {
			throw new Refused("empty");
		}
		List<String> header = records.get(0).stream().map(value -> tidy(value).toLowerCase(Locale.ROOT)).toList();
		if (!header.equals(COLUMNS)) {
			throw new Refused("header", String.join(",", COLUMNS));
		}
		if (records.size() == 1) {
			throw new Refused("noRows");
		}
		List<Row> rows = new ArrayList<>();
		List<Problem> problems = new ArrayList<>();
		for (CSVRecord record : records.subList(1, records.size())) {
			new RowCheck(Math.toIntExact(record.getRecordNumber()), record).row(problems).ifPresent(rows::add);
		}
		if (problems.isEmpty()) {
			problems.addAll(crossCheck(rows));
		}
		return new Read(body, List.copyOf(rows), List.copyOf(problems));
	}

	/** The checks of one row's cells. */
	private static final class RowCheck {

		private final int line;

		private final CSVRecord record;

		private final List<Problem> found = new ArrayList<>();

		RowCheck(int line, CSVRecord record) {
			this.line = line;
			this.record = record;
		}

		Optional<Row> row(List<Problem> problems) {
			if (record.size() != COLUMNS.size()) {
				problems.add(new Problem(line, "", "", ERROR + "columns", List.of(record.size(), COLUMNS.size())));
				return Optional.empty();
			}
			LocalDate effective = date(0);
			String basis = text(1, MAX_BASIS_LENGTH);
			String oldCode = code(2);
			UnitKind oldKind = kind(3);
			String oldName = text(4, MAX_NAME_LENGTH);
			String newCode = code(5);
			UnitKind newKind = kind(6);
			String newName = text(7, MAX_NAME_LENGTH);
			Share share = share(8);
			Boolean inferred = confidence(9);
			if (oldKind != null && newKind != null && oldKind.level() != newKind.level()) {
				reject(6, "level", "unit.level." + oldKind.level());
			}
			problems.addAll(found);
			if (!found.isEmpty()) {
				return Optional.empty();
			}
			return Optional.of(new Row(line, effective, basis, oldCode, oldKind, oldName, newCode, newKind, newName,
					share, inferred));
		}

		private String value(int column) {
			return tidy(record.get(column));
		}

		private String text(int column, int max) {
			String value = value(column);
			if (value.isEmpty()) {
				reject(column, "required");
			}
			else if (value.length() > max) {
				reject(column, "tooLong", max);
			}
			return value;
		}

		private String code(int column) {
			String value = text(column, MAX_CODE_LENGTH);
			if (!value.isEmpty() && value.length() <= MAX_CODE_LENGTH && !CODE.matcher(value).matches()) {
				reject(column, "code");
			}
			return value;
		}

		private LocalDate date(int column) {
			String value = value(column);
			if (value.isEmpty()) {
				reject(column, "required");
				return null;
			}
			try {
				return LocalDate.parse(value);
			}
			catch (DateTimeParseException notIso) {
				try {
					return LocalDate.parse(value, DAY_FIRST);
				}
				catch (DateTimeParseException notDayFirst) {
					reject(column, "date");
					return null;
				}
			}
		}

		private UnitKind kind(int column) {
			String value = value(column);
			if (value.isEmpty()) {
				reject(column, "required");
				return null;
			}
			return Arrays.stream(UnitKind.values())
				.filter(kind -> kind.name().equalsIgnoreCase(value))
				.findFirst()
				.orElseGet(() -> {
					reject(column, "kind", String.join(", ", Arrays.stream(UnitKind.values()).map(Enum::name).toList()));
					return null;
				});
		}

		private Share share(int column) {
			String value = value(column);
			return Arrays.stream(Share.values())
				.filter(share -> share.name().equalsIgnoreCase(value))
				.findFirst()
				.orElseGet(() -> {
					reject(column, value.isEmpty() ? "required" : "share");
					return null;
				});
		}

		private Boolean confidence(int column) {
			String value = value(column).toLowerCase(Locale.ROOT);
			return switch (value) {
				case "official" -> false;
				case "inferred" -> true;
				default -> {
					reject(column, value.isEmpty() ? "required" : "confidence");
					yield null;
				}
			};
		}

		private void reject(int column, String reason, Object... args) {
			String value = tidy(record.get(column));
			found.add(new Problem(line, COLUMNS.get(column), shown(value), ERROR + reason, List.of(args)));
		}

	}

	/**
	 * What the rows of a round must agree on: a new unit has one kind and name; an old unit goes whole to one
	 * unit, or is split into parts and a rest that go to different units; an old code names one unit.
	 */
	private static List<Problem> crossCheck(List<Row> rows) {
		List<Problem> problems = new ArrayList<>();
		Map<String, Row> newUnits = new LinkedHashMap<>();
		Map<String, List<Row>> oldUnits = new LinkedHashMap<>();
		for (Row row : rows) {
			String round = row.effectiveFrom() + "|";
			Row first = newUnits.putIfAbsent(round + row.newKind().level() + "|" + row.newCode(), row);
			if (first != null && (first.newKind() != row.newKind()
					|| !SearchText.fold(first.newName()).equals(SearchText.fold(row.newName())))) {
				problems.add(new Problem(row.line(), "new_name", shown(row.newName()), ERROR + "newUnit",
						List.of(row.newCode(), first.line())));
			}
			oldUnits.computeIfAbsent(round + row.oldKind().level() + "|" + row.oldCode(), key -> new ArrayList<>()).add(row);
		}
		for (List<Row> same : oldUnits.values()) {
			Row first = same.get(0);
			for (Row row : same) {
				if (!SearchText.fold(first.oldName()).equals(SearchText.fold(row.oldName())) || first.oldKind() != row.oldKind()) {
					problems.add(new Problem(row.line(), "old_name", shown(row.oldName()), ERROR + "oldUnit",
							List.of(row.oldCode(), first.line())));
				}
			}
			long whole = same.stream().filter(row -> row.share() == Share.WHOLE).count();
			long rests = same.stream().filter(row -> row.share() == Share.REST).count();
			long parts = same.stream().filter(row -> row.share() == Share.PART).count();
			boolean split = whole == 0 && rests == 1 && parts >= 1;
			boolean once = whole == 1 && same.size() == 1;
			if (!split && !once) {
				same.forEach(row -> problems.add(new Problem(row.line(), "share", row.share().name().toLowerCase(Locale.ROOT),
						ERROR + "shares", List.of(row.oldCode()))));
				continue;
			}
			long targets = same.stream().map(row -> row.newKind().level() + "|" + row.newCode()).distinct().count();
			if (targets != same.size()) {
				same.forEach(row -> problems.add(new Problem(row.line(), "new_code", row.newCode(), ERROR + "splitTwice",
						List.of(row.oldCode()))));
			}
		}
		problems.sort(Comparator.comparingInt(Problem::line));
		return problems;
	}

	/** Text as typed or pasted: composed Unicode (some sources decompose Vietnamese marks), single spaces. */
	static String tidy(String raw) {
		return raw == null ? "" : SPACES.matcher(Normalizer.normalize(raw, Normalizer.Form.NFC)).replaceAll(" ").strip();
	}

	private static String shown(String value) {
		return value.length() > 100 ? value.substring(0, 100) + "…" : value;
	}

	/** The text of the file: valid UTF-8 (a byte order mark dropped) without the control bytes of binary data. */
	private static String utf8Text(byte[] content) {
		int start = content.length >= BOM.length && Arrays.equals(content, 0, BOM.length, BOM, 0, BOM.length)
				? BOM.length : 0;
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(content, start, content.length - start))
				.toString();
		}
		catch (CharacterCodingException notUtf8) {
			throw new Refused("notUtf8");
		}
		if (text.chars().anyMatch(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r')) {
			throw new Refused("notCsv");
		}
		return text;
	}

	/** A comma as the shared file has it, or a semicolon where Excel wrote the file in a Vietnamese region. */
	private static char delimiter(String text) {
		int end = text.indexOf('\n');
		String header = end < 0 ? text : text.substring(0, end);
		long semicolons = header.chars().filter(c -> c == ';').count();
		long commas = header.chars().filter(c -> c == ',').count();
		return semicolons > commas ? ';' : ',';
	}

	static boolean sameName(String a, String b) {
		return Objects.equals(SearchText.fold(a), SearchText.fold(b));
	}

}
