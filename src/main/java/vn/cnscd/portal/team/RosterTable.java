package vn.cnscd.portal.team;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import vn.cnscd.portal.area.SearchText;
import vn.cnscd.portal.team.RosterFileReader.Line;
import vn.cnscd.portal.team.RosterFileReader.Value;

/**
 * The table of members in a sheet as commune offices lay it out: a title or two above it ("UBND XÃ …",
 * "DANH SÁCH THÀNH VIÊN …"), a header row within the first {@value RosterFileReader#HEADER_WITHIN} lines, at
 * times a second header row under it (the "Nam" and "Nữ" under "Năm sinh") and a row that numbers the columns,
 * then the members, then a totals row and the signatures. The header row is the line that names the most
 * fields, a full name among them; each column is matched to the field its header names.
 */
final class RosterTable {

	/** "(1)", "2", "A": a row that numbers the columns under the header. */
	private static final Pattern COLUMN_NUMBER = Pattern.compile("\\(?([0-9]{1,2}|[A-Za-z])\\)?");

	private static final Pattern TOTALS = Pattern.compile("tong|cong|(tong cong|tong so|cong so)( .*)?|cong [0-9].*");

	private static final Pattern FOOTER = Pattern.compile(
			"(nguoi lap|xac nhan|tm|t m|ghi chu|luu y|ky ten|can bo lap)( .*)?|.*\\bngay( [0-9]+)? thang( [0-9]+)? nam\\b.*");

	/** A column of the file: where it is, its header as the file writes it, and the field it was matched to. */
	record Column(int index, String header, RosterField match) {

		/** The column's letter, as Excel shows it: A, B, …, AA; public for the mapping page. */
		public String letter() {
			StringBuilder letters = new StringBuilder();
			for (int n = index + 1; n > 0; n = (n - 1) / 26) {
				letters.insert(0, (char) ('A' + (n - 1) % 26));
			}
			return letters.toString();
		}

	}

	/** The table: the Excel number of its (last) header row, its columns, and the lines below its header. */
	record Table(int headerRow, List<Column> columns, List<Line> rows) {
	}

	private RosterTable() {
	}

	/** How much a sheet looks like a roster: the fields its best header row names, or 0 without one. */
	static int score(List<Line> lines) {
		return header(lines).map(found -> found.fields().size()).orElse(0);
	}

	/** The table of the sheet, if a header row is found. */
	static Optional<Table> find(List<Line> lines) {
		Optional<Header> found = header(lines);
		if (found.isEmpty()) {
			return Optional.empty();
		}
		int at = found.get().index();
		Line header = lines.get(at);
		Line sub = at + 1 < lines.size() && subHeader(lines.get(at + 1), header) ? lines.get(at + 1) : null;
		int next = sub == null ? at + 1 : at + 2;
		if (next < lines.size() && numbersColumns(lines.get(next))) {
			next++;
		}
		List<Column> columns = columns(header, sub);
		return Optional.of(new Table(sub == null ? header.number() : sub.number(), columns, lines.subList(next, lines.size())));
	}

	private record Header(int index, Set<RosterField> fields) {
	}

	private static Optional<Header> header(List<Line> lines) {
		Header best = null;
		for (int i = 0; i < Math.min(RosterFileReader.HEADER_WITHIN, lines.size()); i++) {
			Set<RosterField> fields = fields(lines.get(i));
			if (fields.contains(RosterField.FULL_NAME) && fields.size() >= 2
					&& (best == null || fields.size() > best.fields().size())) {
				best = new Header(i, fields);
			}
		}
		return Optional.ofNullable(best);
	}

	private static Set<RosterField> fields(Line line) {
		Set<RosterField> fields = EnumSet.noneOf(RosterField.class);
		line.values().forEach(value -> RosterVocabulary.field(value.text()).ifPresent(fields::add));
		return fields;
	}

	/** A second header row: every cell it holds is a header word, and it names a field the first row does not. */
	private static boolean subHeader(Line below, Line header) {
		Set<RosterField> above = fields(header);
		boolean more = false;
		for (Value value : below.values()) {
			if (value.blank()) {
				continue;
			}
			Optional<RosterField> field = RosterVocabulary.field(value.text());
			if (field.isEmpty()) {
				return false;
			}
			more |= !above.contains(field.get());
		}
		return more;
	}

	private static boolean numbersColumns(Line line) {
		long cells = line.values().stream().filter(value -> !value.blank()).count();
		return cells >= 3 && line.values()
			.stream()
			.filter(value -> !value.blank())
			.allMatch(value -> value.date() == null && COLUMN_NUMBER.matcher(value.text()).matches());
	}

	/**
	 * The named columns, each matched to a field; of two columns naming the same field the one that names it
	 * exactly wins, then the first. A second header row names the columns it holds a word for.
	 */
	private static List<Column> columns(Line header, Line sub) {
		int width = Math.max(header.values().size(), sub == null ? 0 : sub.values().size());
		List<String> headers = new ArrayList<>();
		for (int i = 0; i < width; i++) {
			String top = header.value(i).text();
			String below = sub == null ? "" : sub.value(i).text();
			headers.add(below.isEmpty() || below.equals(top) ? top : top.isEmpty() ? below : top + " – " + below);
		}
		List<Column> columns = new ArrayList<>();
		Set<RosterField> taken = new HashSet<>();
		for (boolean exactPass : new boolean[] { true, false }) {
			for (int i = 0; i < width; i++) {
				String text = headers.get(i);
				String matched = sub != null && !sub.value(i).text().isEmpty() ? sub.value(i).text() : text;
				Optional<RosterField> field = RosterVocabulary.field(matched);
				if (field.isPresent() && RosterVocabulary.exact(matched) == exactPass && taken.add(field.get())) {
					columns.add(new Column(i, text, field.get()));
				}
			}
		}
		for (int i = 0; i < width; i++) {
			int index = i;
			if (!headers.get(i).isEmpty() && columns.stream().noneMatch(column -> column.index() == index)) {
				columns.add(new Column(i, headers.get(i), null));
			}
		}
		columns.sort((a, b) -> Integer.compare(a.index(), b.index()));
		return columns;
	}

	/**
	 * Whether the line ends the table: the totals ("Tổng cộng", "Tổng số: 25", "Cộng") or the first line of
	 * the signatures and notes below it ("Người lập biểu", "TM. UBND XÃ", "Tứ Kỳ, ngày 15 tháng 4 năm 2022",
	 * "Ghi chú: …"), and no phone number in it, which a member's line has.
	 */
	static boolean endsTable(Line line) {
		return ends(line, TOTALS) || ends(line, FOOTER);
	}

	/** Whether the line that ends the table is its totals, which count as a row left out. */
	static boolean totals(Line line) {
		return ends(line, TOTALS);
	}

	private static boolean ends(Line line, Pattern words) {
		boolean phone = line.values().stream().anyMatch(value -> RosterRowCheck.phone(value.text()).isPresent());
		return !phone && line.values().stream().map(value -> SearchText.fold(value.text())).anyMatch(folded ->
				words.matcher(folded).matches());
	}

}
