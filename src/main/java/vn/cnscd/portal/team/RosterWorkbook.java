package vn.cnscd.portal.team;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.poi.openxml4j.opc.PackageRelationshipTypes;
import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.usermodel.XSSFRelation;

import vn.cnscd.portal.team.RosterFileReader.Line;
import vn.cnscd.portal.team.RosterFileReader.Lines;
import vn.cnscd.portal.team.RosterFileReader.Value;
import vn.cnscd.portal.upload.ZipPackage;

/**
 * An XLSX workbook read part by part, as a stream of XML: the package's content types and relationships to
 * find the workbook and its sheets, the shared strings and the number formats (which tell a date cell from a
 * number), then one sheet's rows, up to a given count. Nothing is built into a document model, so a workbook
 * costs the memory of its strings and of the rows read, not of its XML. A formula cell reads as the value
 * Excel last computed and saved with it, as the person saw it.
 */
final class RosterWorkbook implements RosterFileReader.RosterFile {

	private static final Set<String> MACRO_CONTENT_TYPES = Stream
		.of(XSSFRelation.MACROS_WORKBOOK, XSSFRelation.MACRO_TEMPLATE_WORKBOOK, XSSFRelation.MACRO_ADDIN_WORKBOOK,
				XSSFRelation.VBA_MACROS, XSSFRelation.MACRO_SHEET_BIN, XSSFRelation.MACRO_SHEET_XML,
				XSSFRelation.INTL_MACRO_SHEET_BIN, XSSFRelation.INTL_MACRO_SHEET_XML)
		.map(XSSFRelation::getContentType)
		.collect(Collectors.toUnmodifiableSet());

	/**
	 * The parts read whole into memory (strings, styles, the package's own description) hold far less than
	 * this in any real roster; more is refused, whatever the package's limits allow.
	 */
	private static final long MAX_READ_PART_BYTES = 8L * 1024 * 1024;

	/** Far more merged ranges than a roster's page has. */
	private static final int MAX_MERGED_RANGES = 10_000;

	/** Cells filled from merged ranges: a roster's merges fill a few thousand. */
	private static final int MAX_FILLED_CELLS = 200_000;

	private static final Pattern CELL = Pattern.compile("([A-Z]{1,3})(\\d+)");

	private static final XMLInputFactory XML = XMLHelper.newXMLInputFactory();

	private final ZipPackage zip;

	private final List<SheetPart> sheets;

	private final List<String> strings;

	private final List<Boolean> dateStyles;

	private final boolean date1904;

	private record SheetPart(String name, String part, boolean visible) {
	}

	private RosterWorkbook(ZipPackage zip, List<SheetPart> sheets, List<String> strings, List<Boolean> dateStyles,
			boolean date1904) {
		this.zip = zip;
		this.sheets = sheets;
		this.strings = strings;
		this.dateStyles = dateStyles;
		this.date1904 = date1904;
	}

	/** The workbook of a package already checked against its limits; refuses anything that is not a plain one. */
	static RosterWorkbook open(ZipPackage zip) {
		for (String name : zip.names()) {
			if (name.toLowerCase(Locale.ROOT).endsWith("vbaproject.bin")) {
				throw new RefusedFileException("macros");
			}
		}
		ContentTypes types = contentTypes(zip);
		if (types.any(MACRO_CONTENT_TYPES::contains)) {
			throw new RefusedFileException("macros");
		}
		String main = relationships(zip, "/").stream()
			.filter(rel -> rel.type().equals(PackageRelationshipTypes.CORE_DOCUMENT))
			.map(Relationship::target)
			.findFirst()
			.orElseThrow(() -> new RefusedFileException("notSpreadsheet"));
		if (!XSSFRelation.WORKBOOK.getContentType().equals(types.of(main)) || !zip.has(entry(main))) {
			throw new RefusedFileException("notSpreadsheet");
		}
		Map<String, Relationship> parts = new HashMap<>();
		List<Relationship> workbookRelationships = relationships(zip, main);
		workbookRelationships.forEach(rel -> parts.put(rel.id(), rel));
		WorkbookPart workbook = workbook(zip, main, parts);
		List<String> strings = List.of();
		List<Boolean> dateStyles = List.of();
		for (Relationship rel : workbookRelationships) {
			if (rel.type().equals(XSSFRelation.SHARED_STRINGS.getRelation()) && zip.has(entry(rel.target()))) {
				strings = sharedStrings(zip, rel.target());
			}
			if (rel.type().equals(XSSFRelation.STYLES.getRelation()) && zip.has(entry(rel.target()))) {
				dateStyles = dateStyles(zip, rel.target());
			}
		}
		if (workbook.sheets().isEmpty()) {
			throw new RefusedFileException("notSpreadsheet");
		}
		return new RosterWorkbook(zip, workbook.sheets(), strings, dateStyles, workbook.date1904());
	}

	@Override
	public List<String> sheetNames() {
		return sheets.stream().map(SheetPart::name).toList();
	}

	@Override
	public boolean visible(int sheet) {
		return sheets.get(sheet).visible();
	}

	@Override
	public Lines lines(int sheet, int maxLines) {
		SheetReader reader = new SheetReader(maxLines);
		stream(zip, sheets.get(sheet).part(), reader::read);
		return reader.lines();
	}

	@Override
	public void close() {
		zip.close();
	}

	// --- one sheet ------------------------------------------------------------------------------------------

	/** The rows of a sheet as lines of values, merged cells below their first row filled with its value. */
	private final class SheetReader {

		private final int maxLines;

		private final List<Line> lines = new ArrayList<>();

		private final List<int[]> merged = new ArrayList<>();

		private boolean cut;

		SheetReader(int maxLines) {
			this.maxLines = maxLines;
		}

		void read(XMLStreamReader xml) throws XMLStreamException {
			int rowNumber = 0;
			TreeMap<Integer, Value> row = null;
			int column = -1;
			while (xml.hasNext()) {
				int event = xml.next();
				if (event != XMLStreamConstants.START_ELEMENT) {
					if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("row") && row != null) {
						if (!keep(rowNumber, row)) {
							return;
						}
						row = null;
					}
					continue;
				}
				switch (xml.getLocalName()) {
					case "row" -> {
						String r = xml.getAttributeValue(null, "r");
						rowNumber = r == null ? rowNumber + 1 : parseInt(r, rowNumber + 1);
						row = new TreeMap<>();
						column = -1;
					}
					case "c" -> {
						int[] reference = reference(xml.getAttributeValue(null, "r"));
						column = reference == null ? column + 1 : reference[0];
						Value value = cell(xml);
						if (row != null && column < RosterFileReader.MAX_COLUMNS && !value.blank()) {
							row.put(column, value);
						}
					}
					case "mergeCell" -> {
						int[] range = range(xml.getAttributeValue(null, "ref"));
						if (range != null) {
							merged.add(range);
						}
						if (merged.size() > MAX_MERGED_RANGES) {
							throw new RefusedFileException("tooMuchData");
						}
					}
					default -> {
					}
				}
			}
		}

		/** Keeps a row that holds anything; false once more rows hold something than may be read. */
		private boolean keep(int number, TreeMap<Integer, Value> row) {
			if (row.isEmpty()) {
				return true;
			}
			if (lines.size() == maxLines) {
				cut = true;
				return false;
			}
			List<Value> values = new ArrayList<>();
			row.forEach((index, value) -> {
				while (values.size() < index) {
					values.add(Value.BLANK);
				}
				values.add(value);
			});
			lines.add(new Line(number, values));
			return true;
		}

		Lines lines() {
			return new Lines(cut ? lines : fillMerged(lines, merged), cut);
		}

	}

	/**
	 * Each merged range's value in every cell of its rows below the first: a village written once beside its
	 * members, a header merged over two rows. The first row's other cells stay blank, so that a title merged
	 * across the page is still one cell. Only rows that hold something are filled, and only so many cells.
	 */
	private static List<Line> fillMerged(List<Line> lines, List<int[]> merged) {
		if (merged.isEmpty()) {
			return lines;
		}
		TreeMap<Integer, Line> byNumber = new TreeMap<>();
		lines.forEach(line -> byNumber.put(line.number(), line));
		Map<Integer, TreeMap<Integer, Value>> filled = new HashMap<>();
		int cells = 0;
		for (int[] range : merged) {
			Line first = byNumber.get(range[1]);
			Value value = first == null ? Value.BLANK : first.value(range[0]);
			if (value.blank()) {
				continue;
			}
			for (int row : byNumber.subMap(range[1], false, range[3], true).keySet()) {
				for (int column = range[0]; column <= Math.min(range[2], RosterFileReader.MAX_COLUMNS - 1); column++) {
					filled.computeIfAbsent(row, r -> new TreeMap<>()).put(column, value);
					if (++cells > MAX_FILLED_CELLS) {
						throw new RefusedFileException("tooMuchData");
					}
				}
			}
		}
		return lines.stream().map(line -> {
			TreeMap<Integer, Value> fill = filled.get(line.number());
			return fill == null ? line : line.with(fill);
		}).toList();
	}

	/** A cell's value: its text (a shared string, an inline string, a formula's saved result) or number. */
	private Value cell(XMLStreamReader xml) throws XMLStreamException {
		String type = xml.getAttributeValue(null, "t");
		String style = xml.getAttributeValue(null, "s");
		String raw = null;
		StringBuilder inline = null;
		while (xml.hasNext()) {
			int event = xml.next();
			if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("c")) {
				break;
			}
			if (event != XMLStreamConstants.START_ELEMENT) {
				continue;
			}
			switch (xml.getLocalName()) {
				case "v" -> raw = xml.getElementText();
				case "is" -> {
					inline = new StringBuilder();
					richText(xml, "is", inline);
				}
				default -> {
				}
			}
		}
		if (inline != null) {
			return Value.of(inline.toString());
		}
		if (raw == null) {
			return Value.BLANK;
		}
		return switch (type == null ? "n" : type) {
			case "s" -> {
				int index = parseInt(raw.strip(), -1);
				yield index >= 0 && index < strings.size() ? Value.of(strings.get(index)) : Value.BLANK;
			}
			case "b" -> Value.of("1".equals(raw.strip()) ? "TRUE" : "FALSE");
			case "d" -> isoDate(raw);
			case "n" -> number(raw, style);
			default -> Value.of(raw);
		};
	}

	private Value number(String raw, String style) {
		double number;
		try {
			number = Double.parseDouble(raw.strip());
		}
		catch (NumberFormatException notANumber) {
			return Value.of(raw);
		}
		int index = style == null ? 0 : parseInt(style, 0);
		if (index < dateStyles.size() && dateStyles.get(index) && DateUtil.isValidExcelDate(number)) {
			return Value.date(DateUtil.getLocalDateTime(number, date1904).toLocalDate());
		}
		return Value.of(plain(number));
	}

	/** 1985, not 1985.0: a number cell holding a year or a phone number reads as the digits typed. */
	static String plain(double number) {
		if (number == Math.rint(number) && Math.abs(number) < 1e15) {
			return Long.toString((long) number);
		}
		return BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
	}

	private static Value isoDate(String raw) {
		try {
			return Value.date(LocalDate.parse(raw.strip().substring(0, Math.min(10, raw.strip().length())),
					DateTimeFormatter.ISO_LOCAL_DATE));
		}
		catch (DateTimeParseException notADate) {
			return Value.of(raw);
		}
	}

	/** The text of a string item: its runs' text, without the phonetic guides some East Asian files add. */
	private static void richText(XMLStreamReader xml, String end, StringBuilder text) throws XMLStreamException {
		int phonetic = 0;
		while (xml.hasNext()) {
			int event = xml.next();
			if (event == XMLStreamConstants.END_ELEMENT) {
				if (xml.getLocalName().equals(end)) {
					return;
				}
				if (xml.getLocalName().equals("rPh")) {
					phonetic--;
				}
			}
			else if (event == XMLStreamConstants.START_ELEMENT) {
				if (xml.getLocalName().equals("rPh")) {
					phonetic++;
				}
				else if (xml.getLocalName().equals("t")) {
					String part = xml.getElementText();
					if (phonetic == 0) {
						text.append(part);
					}
				}
			}
		}
	}

	// --- the package ----------------------------------------------------------------------------------------

	private record ContentTypes(Map<String, String> defaults, Map<String, String> overrides) {

		String of(String partName) {
			String override = overrides.get(partName.toLowerCase(Locale.ROOT));
			if (override != null) {
				return override;
			}
			int dot = partName.lastIndexOf('.');
			return dot < 0 ? null : defaults.get(partName.substring(dot + 1).toLowerCase(Locale.ROOT));
		}

		boolean any(Predicate<String> test) {
			return defaults.values().stream().anyMatch(test) || overrides.values().stream().anyMatch(test);
		}

	}

	private record Relationship(String id, String type, String target) {
	}

	private record WorkbookPart(List<SheetPart> sheets, boolean date1904) {
	}

	private static ContentTypes contentTypes(ZipPackage zip) {
		Map<String, String> defaults = new HashMap<>();
		Map<String, String> overrides = new HashMap<>();
		if (!zip.has("[Content_Types].xml")) {
			throw new RefusedFileException("notSpreadsheet");
		}
		read(zip, "/[Content_Types].xml", xml -> {
			while (xml.hasNext()) {
				if (xml.next() != XMLStreamConstants.START_ELEMENT) {
					continue;
				}
				String type = xml.getAttributeValue(null, "ContentType");
				if (type == null) {
					continue;
				}
				if (xml.getLocalName().equals("Default") && xml.getAttributeValue(null, "Extension") != null) {
					defaults.put(xml.getAttributeValue(null, "Extension").toLowerCase(Locale.ROOT), type.strip());
				}
				if (xml.getLocalName().equals("Override") && xml.getAttributeValue(null, "PartName") != null) {
					overrides.put(xml.getAttributeValue(null, "PartName").toLowerCase(Locale.ROOT), type.strip());
				}
			}
		});
		return new ContentTypes(defaults, overrides);
	}

	/** The relationships of a part ("/" for the package's own), their targets resolved to part names. */
	private static List<Relationship> relationships(ZipPackage zip, String source) {
		int slash = source.lastIndexOf('/');
		String relsPart = source.substring(0, slash + 1) + "_rels/" + source.substring(slash + 1) + ".rels";
		List<Relationship> found = new ArrayList<>();
		if (!zip.has(entry(relsPart))) {
			return found;
		}
		read(zip, relsPart, xml -> {
			while (xml.hasNext()) {
				if (xml.next() == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("Relationship")
						&& !"External".equalsIgnoreCase(xml.getAttributeValue(null, "TargetMode"))) {
					String target = resolve(source, xml.getAttributeValue(null, "Target"));
					String type = xml.getAttributeValue(null, "Type");
					if (target != null && type != null) {
						found.add(new Relationship(String.valueOf(xml.getAttributeValue(null, "Id")), type.strip(), target));
					}
				}
			}
		});
		return found;
	}

	private static WorkbookPart workbook(ZipPackage zip, String part, Map<String, Relationship> relationships) {
		List<SheetPart> sheets = new ArrayList<>();
		boolean[] date1904 = { false };
		read(zip, part, xml -> {
			while (xml.hasNext()) {
				if (xml.next() != XMLStreamConstants.START_ELEMENT) {
					continue;
				}
				if (xml.getLocalName().equals("workbookPr")) {
					String value = xml.getAttributeValue(null, "date1904");
					date1904[0] = "1".equals(value) || "true".equalsIgnoreCase(value);
				}
				if (xml.getLocalName().equals("sheet")) {
					String id = null;
					for (int i = 0; i < xml.getAttributeCount(); i++) {
						if (xml.getAttributeLocalName(i).equals("id")) {
							id = xml.getAttributeValue(i);
						}
					}
					Relationship sheet = relationships.get(id);
					// a chart sheet or a dialog sheet has no rows to read
					if (sheet != null && sheet.type().equals(XSSFRelation.WORKSHEET.getRelation()) && zip.has(entry(sheet.target()))) {
						String name = xml.getAttributeValue(null, "name");
						String state = xml.getAttributeValue(null, "state");
						sheets.add(new SheetPart(name == null ? "" : name, sheet.target(), state == null || state.equals("visible")));
					}
				}
			}
		});
		return new WorkbookPart(sheets, date1904[0]);
	}

	private static List<String> sharedStrings(ZipPackage zip, String part) {
		List<String> strings = new ArrayList<>();
		read(zip, part, xml -> {
			while (xml.hasNext()) {
				if (xml.next() == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("si")) {
					StringBuilder text = new StringBuilder();
					richText(xml, "si", text);
					strings.add(text.toString());
				}
			}
		});
		return strings;
	}

	/** For each cell style, in order, whether its number format is a date's. */
	private static List<Boolean> dateStyles(ZipPackage zip, String part) {
		Map<Integer, String> formats = new HashMap<>();
		List<Boolean> dates = new ArrayList<>();
		read(zip, part, xml -> {
			boolean cellStyles = false;
			while (xml.hasNext()) {
				int event = xml.next();
				if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("cellXfs")) {
					cellStyles = false;
				}
				if (event != XMLStreamConstants.START_ELEMENT) {
					continue;
				}
				switch (xml.getLocalName()) {
					case "numFmt" -> formats.put(parseInt(String.valueOf(xml.getAttributeValue(null, "numFmtId")), -1),
							String.valueOf(xml.getAttributeValue(null, "formatCode")));
					case "cellXfs" -> cellStyles = true;
					case "xf" -> {
						if (cellStyles) {
							int id = parseInt(String.valueOf(xml.getAttributeValue(null, "numFmtId")), 0);
							String format = formats.getOrDefault(id, BuiltinFormats.getBuiltinFormat(id));
							dates.add(format != null && DateUtil.isADateFormat(id, format));
						}
					}
					default -> {
					}
				}
			}
		});
		return dates;
	}

	private interface XmlReading {

		void read(XMLStreamReader xml) throws XMLStreamException;

	}

	/** Reads a part that describes the workbook, which is kept in memory as read: a bounded one. */
	private static void read(ZipPackage zip, String part, XmlReading reading) {
		if (zip.size(entry(part)).orElse(0L) > MAX_READ_PART_BYTES) {
			throw new RefusedFileException("tooMuchData");
		}
		stream(zip, part, reading);
	}

	/** Reads a part as a stream: a sheet, whose reader keeps only the rows it asks for, or one of the others. */
	private static void stream(ZipPackage zip, String part, XmlReading reading) {
		InputStream in = zip.read(entry(part)).orElseThrow(() -> new RefusedFileException("notSpreadsheet"));
		try (in) {
			XMLStreamReader xml = XML.createXMLStreamReader(in);
			try {
				reading.read(xml);
			}
			finally {
				xml.close();
			}
		}
		catch (XMLStreamException | IOException | RuntimeException damaged) {
			if (damaged instanceof RefusedFileException refused) {
				throw refused;
			}
			throw new RefusedFileException("notSpreadsheet");
		}
	}

	/** A part name ("/xl/workbook.xml") as the ZIP entry's ("xl/workbook.xml"). */
	private static String entry(String part) {
		return part.startsWith("/") ? part.substring(1) : part;
	}

	private static String resolve(String source, String target) {
		if (target == null) {
			return null;
		}
		try {
			String base = source.equals("/") ? "/" : source;
			String path = new URI(null, null, base, null).resolve(new URI(null, null, target.replace('\\', '/'), null))
				.getPath();
			return path == null || !path.startsWith("/") ? null : path;
		}
		catch (URISyntaxException | IllegalArgumentException notAPath) {
			return null;
		}
	}

	/** "C7" as {column 2, row 7}; null when it is not a cell reference. */
	private static int[] reference(String text) {
		if (text == null) {
			return null;
		}
		Matcher matcher = CELL.matcher(text.strip().toUpperCase(Locale.ROOT).replace("$", ""));
		if (!matcher.matches()) {
			return null;
		}
		int column = 0;
		for (char letter : matcher.group(1).toCharArray()) {
			column = column * 26 + (letter - 'A' + 1);
		}
		return new int[] { column - 1, parseInt(matcher.group(2), 0) };
	}

	/** "A1:H2" as {first column, first row, last column, last row}. */
	private static int[] range(String text) {
		if (text == null || !text.contains(":")) {
			return null;
		}
		int[] from = reference(text.substring(0, text.indexOf(':')));
		int[] to = reference(text.substring(text.indexOf(':') + 1));
		if (from == null || to == null) {
			return null;
		}
		return new int[] { Math.min(from[0], to[0]), Math.min(from[1], to[1]), Math.max(from[0], to[0]),
				Math.max(from[1], to[1]) };
	}

	private static int parseInt(String text, int fallback) {
		try {
			return Integer.parseInt(text.strip());
		}
		catch (NumberFormatException notANumber) {
			return fallback;
		}
	}

}
