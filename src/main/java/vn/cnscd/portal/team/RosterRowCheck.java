package vn.cnscd.portal.team;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.cnscd.portal.account.PhoneNumber;
import vn.cnscd.portal.area.SearchText;
import vn.cnscd.portal.area.UnitSummary;
import vn.cnscd.portal.team.RosterFileReader.Line;
import vn.cnscd.portal.team.RosterFileReader.Value;

/**
 * Checks the rows of a roster table against the villages of one commune and their teams, cell by cell, in
 * memory: everything it compares with was read before, in a few queries, whatever the number of rows. It
 * collects every bad cell instead of stopping at the first, so that the chair fixes the whole file in one go.
 * A person already in the village's team (the same phone, or the same name and year of birth) is matched and
 * left alone, so that the same file imported twice adds nobody the second time. The plan's rules on a roster's
 * shape (a leader, 2 to 5 members) are not checked here: such rosters are saved and shown as incomplete.
 */
final class RosterRowCheck {

	static final int MIN_BIRTH_YEAR = 1930;

	static final int MAX_NAME_LENGTH = 100;

	/** Rows shown as read on the mapping page. */
	static final int ROWS_SHOWN = 10;

	/** The fields of a member, in the order the mapping page shows a row. */
	static final List<RosterField> SHOWN = List.of(RosterField.VILLAGE, RosterField.FULL_NAME, RosterField.GENDER,
			RosterField.BIRTH_YEAR, RosterField.PHONE, RosterField.ROLE, RosterField.AFFILIATION, RosterField.JOINED_ON);

	private static final int MAX_VALUE_SHOWN = 100;

	private static final String ERROR = "rosterImport.error.";

	/** 15/03/2024, 5/3/2024 and 5/3/24, as people type them, with slashes, dashes or dots. */
	private static final Pattern DAY_MONTH_YEAR = Pattern.compile("(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{2}|\\d{4})");

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d/M/uuuu")
		.withResolverStyle(ResolverStyle.STRICT);

	/** A mobile number typed into a number cell, which drops its leading zero: 912345678. */
	private static final Pattern MOBILE_WITHOUT_ZERO = Pattern.compile("[35789]\\d{8}");

	private static final Pattern YEAR = Pattern.compile("\\d{4}");

	/** A mark under "Nam" or "Nữ" that says the gender without a year: x, X, v, ✓. */
	private static final Pattern MARK = Pattern.compile("[xXvV✓✔1]");

	/** A bad cell: the row as Excel numbers it, the field, the file's header, the value, and why, as a message key. */
	record CellError(int row, RosterField field, String header, String value, String reason, List<Object> args) {

		/** Public, since the import page formats the reason with it. */
		public Object[] arguments() {
			return args.toArray();
		}

	}

	/** A good row: the member to add to the village's team. */
	record MemberRow(int row, UnitSummary village, MemberDetails details) {
	}

	enum Status {

		/** To be added. */
		ADD,
		/** Already in the village's team. */
		IN_TEAM,
		/** A cell to fix. */
		ERROR

	}

	/** A row as the mapping page shows it: each field's value as read, and what becomes of the row. */
	record RowView(int row, List<String> cells, Status status, String member) {
	}

	/**
	 * What the rows hold: the members to add, the bad cells, the rows left out (already in the team, holding
	 * nothing of a member, the totals) and the first rows as read.
	 */
	record Result(List<MemberRow> members, List<CellError> errors, int inTeam, int skipped, List<RowView> shown) {

		long badRows() {
			return errors.stream().mapToInt(CellError::row).distinct().count();
		}

	}

	/** Which column holds each field (and its header), the village and date of joining for the whole file. */
	record Mapping(Map<RosterField, Integer> columns, Map<RosterField, String> headers, UnitSummary village,
			LocalDate joinedOn) {

		boolean has(RosterField field) {
			return columns.containsKey(field);
		}

	}

	/** The active members of the villages' teams, and how many the team that gets new members already has. */
	record Existing(Map<Long, Map<String, String>> namesByPhone, Map<Long, Map<String, String>> namesByPerson,
			Map<Long, Integer> members) {

		static String person(String fullName, Integer birthYear) {
			return SearchText.fold(fullName) + "|" + birthYear;
		}

	}

	private final UnitSummary commune;

	private final List<UnitSummary> villages;

	private final Existing existing;

	private final Set<String> villagesElsewhere;

	private final RosterLabels labels;

	private final LocalDate today;

	/**
	 * @param villages the open villages of the commune, the only ones a row may name
	 * @param villagesElsewhere the codes of open villages of other communes among the values of the village column
	 */
	RosterRowCheck(UnitSummary commune, List<UnitSummary> villages, Existing existing, Set<String> villagesElsewhere,
			RosterLabels labels, LocalDate today) {
		this.commune = commune;
		this.villages = villages;
		this.existing = existing;
		this.villagesElsewhere = villagesElsewhere;
		this.labels = labels;
		this.today = today;
	}

	/** The rows of a table that hold a member, how many others it has, and whether it ends before the last line read. */
	record Rows(List<Line> members, int skipped, boolean ended) {
	}

	/**
	 * The rows of the table up to its end (its totals, or the signatures below it) that hold anything of a
	 * member in the mapped columns; the others hold nothing a row check could read, and are left out.
	 */
	static Rows memberRows(List<Line> rows, Mapping mapping) {
		List<Line> members = new ArrayList<>();
		int skipped = 0;
		for (Line line : rows) {
			if (RosterTable.endsTable(line)) {
				return new Rows(members, skipped + (RosterTable.totals(line) ? 1 : 0), true);
			}
			boolean member = mapping.columns()
				.entrySet()
				.stream()
				.filter(entry -> entry.getKey() != RosterField.VILLAGE && entry.getKey() != RosterField.JOINED_ON)
				.anyMatch(entry -> !line.value(entry.getValue()).blank());
			if (member) {
				members.add(line);
			}
			else {
				skipped++;
			}
		}
		return new Rows(members, skipped, false);
	}

	/** Checks the member rows, each cell of them. */
	Result check(List<Line> memberRows, Mapping mapping, int skipped) {
		List<MemberRow> members = new ArrayList<>();
		List<CellError> errors = new ArrayList<>();
		List<RowView> shown = new ArrayList<>();
		Map<Long, Map<String, Integer>> rowsByPhone = new HashMap<>();
		Map<Long, Integer> added = new HashMap<>();
		int inTeam = 0;
		VillageFinder finder = new VillageFinder(villages);
		for (Line line : memberRows) {
			RowCheck row = new RowCheck(line, mapping, finder);
			MemberDetails details = row.check(rowsByPhone);
			Status status = Status.ERROR;
			String member = null;
			if (row.errors.isEmpty()) {
				member = row.alreadyIn();
				if (member != null) {
					status = Status.IN_TEAM;
					inTeam++;
				}
				else {
					int count = existing.members().getOrDefault(row.village.id(), 0) + added.merge(row.village.id(), 1, Integer::sum);
					if (count > TeamService.MAX_ACTIVE_MEMBERS) {
						row.reject(RosterField.FULL_NAME, ERROR + "teamFull", RosterLabels.unitName(row.village),
								TeamService.MAX_ACTIVE_MEMBERS);
					}
					else {
						status = Status.ADD;
						members.add(new MemberRow(line.number(), row.village, details));
					}
				}
			}
			if (!row.errors.isEmpty()) {
				row.errors.sort(Comparator.comparing(CellError::field));
				errors.addAll(row.errors);
			}
			if (shown.size() < ROWS_SHOWN) {
				shown.add(new RowView(line.number(), SHOWN.stream().map(row::shown).toList(), status, member));
			}
		}
		return new Result(members, errors, inTeam, skipped + inTeam, shown);
	}

	/** The stored form of a phone as people write it: "0912 345 678", "+84 912…", and 912345678 from a number cell. */
	static Optional<String> phone(String text) {
		Optional<String> phone = PhoneNumber.normalize(text);
		if (phone.isEmpty() && text != null && MOBILE_WITHOUT_ZERO.matcher(text.strip()).matches()) {
			phone = PhoneNumber.normalize("0" + text.strip());
		}
		return phone;
	}

	/** A date typed as text: 15/03/2024, 5/3/24 (a year of two digits in the last hundred years). */
	static Optional<LocalDate> date(Value value, LocalDate today) {
		if (value.date() != null) {
			return Optional.of(value.date());
		}
		Matcher matcher = DAY_MONTH_YEAR.matcher(value.text());
		if (!matcher.matches()) {
			return Optional.empty();
		}
		int year = Integer.parseInt(matcher.group(3));
		if (matcher.group(3).length() == 2) {
			int century = today.getYear() / 100 * 100;
			year = century + year > today.getYear() ? century - 100 + year : century + year;
		}
		try {
			return Optional.of(LocalDate.parse(matcher.group(1) + "/" + matcher.group(2) + "/" + year, DATE));
		}
		catch (DateTimeParseException notADate) {
			return Optional.empty();
		}
	}

	/** The checks of one line, and the errors found in it. */
	private final class RowCheck {

		private final Line line;

		private final Mapping mapping;

		private final VillageFinder finder;

		private final List<CellError> errors = new ArrayList<>();

		private final Map<RosterField, String> shown = new EnumMap<>(RosterField.class);

		private UnitSummary village;

		private MemberDetails details;

		RowCheck(Line line, Mapping mapping, VillageFinder finder) {
			this.line = line;
			this.mapping = mapping;
			this.finder = finder;
		}

		MemberDetails check(Map<Long, Map<String, Integer>> rowsByPhone) {
			village = village();
			String fullName = required(RosterField.FULL_NAME);
			if (fullName != null && fullName.length() > MAX_NAME_LENGTH) {
				reject(RosterField.FULL_NAME, ERROR + "fullName.tooLong", MAX_NAME_LENGTH);
			}
			Gender[] gender = { null };
			Integer birthYear = genderAndYear(gender);
			String phone = phone();
			TeamRole role = mapping.has(RosterField.ROLE) ? choice(RosterField.ROLE, TeamRole.class) : TeamRole.MEMBER;
			Affiliation affiliation = mapping.has(RosterField.AFFILIATION) ? choice(RosterField.AFFILIATION, Affiliation.class)
					: Affiliation.OTHER;
			LocalDate joinedOn = joinedOn();
			if (RosterTemplate.EXAMPLE_NAME.equals(fullName) && RosterTemplate.EXAMPLE_PHONE.equals(phone)) {
				reject(RosterField.FULL_NAME, ERROR + "exampleRow");
			}
			if (village != null && phone != null) {
				Integer earlier = rowsByPhone.computeIfAbsent(village.id(), id -> new HashMap<>())
					.putIfAbsent(phone, line.number());
				if (earlier != null) {
					reject(RosterField.PHONE, ERROR + "phone.repeated", String.valueOf(earlier));
				}
			}
			shown.put(RosterField.VILLAGE, village == null ? text(RosterField.VILLAGE) : RosterLabels.unitName(village));
			shown.put(RosterField.GENDER, gender[0] == null ? shown.getOrDefault(RosterField.GENDER, "") : labels.label(gender[0]));
			shown.put(RosterField.BIRTH_YEAR, birthYear == null ? shown.getOrDefault(RosterField.BIRTH_YEAR, "")
					: String.valueOf(birthYear));
			shown.put(RosterField.PHONE, phone == null ? text(RosterField.PHONE) : PhoneNumber.display(phone));
			shown.put(RosterField.ROLE, role == null ? text(RosterField.ROLE) : labels.label(role));
			shown.put(RosterField.AFFILIATION, affiliation == null ? text(RosterField.AFFILIATION) : labels.label(affiliation));
			shown.put(RosterField.JOINED_ON, joinedOn == null ? text(RosterField.JOINED_ON)
					: joinedOn.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")));
			shown.put(RosterField.FULL_NAME, text(RosterField.FULL_NAME));
			details = new MemberDetails(fullName, gender[0], birthYear, phone, role, affiliation, joinedOn);
			return details;
		}

		String shown(RosterField field) {
			return cut(shown.getOrDefault(field, ""));
		}

		/** The name of the member of the village's team this row is, if it is one already. */
		String alreadyIn() {
			String byPhone = existing.namesByPhone().getOrDefault(village.id(), Map.of()).get(details.phone());
			if (byPhone != null) {
				return byPhone;
			}
			return existing.namesByPerson()
				.getOrDefault(village.id(), Map.of())
				.get(Existing.person(details.fullName(), details.birthYear()));
		}

		/** A village of the commune, by its code or its name, or the one chosen for the whole file. */
		private UnitSummary village() {
			if (!mapping.has(RosterField.VILLAGE)) {
				return mapping.village();
			}
			String text = required(RosterField.VILLAGE);
			if (text == null) {
				return null;
			}
			List<UnitSummary> found = finder.find(text);
			if (found.size() == 1) {
				return found.get(0);
			}
			String communeName = RosterLabels.unitName(commune);
			if (found.size() > 1) {
				reject(RosterField.VILLAGE, ERROR + "village.ambiguous");
			}
			else if (villagesElsewhere.contains(text.toUpperCase(Locale.ROOT))) {
				reject(RosterField.VILLAGE, ERROR + "village.otherCommune", communeName);
			}
			else {
				reject(RosterField.VILLAGE, ERROR + "village.unknown", communeName);
			}
			return null;
		}

		/**
		 * The gender, from its column or from which of the "Nam" and "Nữ" columns holds the year of birth, and
		 * the year of birth, from its column (a date gives its year) or from that one.
		 */
		private Integer genderAndYear(Gender[] gender) {
			Value male = value(RosterField.MALE_BIRTH_YEAR);
			Value female = value(RosterField.FEMALE_BIRTH_YEAR);
			if (!male.blank() && !female.blank()) {
				reject(RosterField.FEMALE_BIRTH_YEAR, ERROR + "genderTwice");
				return null;
			}
			if (!male.blank() || !female.blank()) {
				RosterField field = male.blank() ? RosterField.FEMALE_BIRTH_YEAR : RosterField.MALE_BIRTH_YEAR;
				gender[0] = male.blank() ? Gender.FEMALE : Gender.MALE;
				Value value = male.blank() ? female : male;
				return MARK.matcher(value.text()).matches() && value.date() == null ? birthYear(RosterField.BIRTH_YEAR)
						: year(field, value);
			}
			if (mapping.has(RosterField.GENDER) || !mapping.has(RosterField.MALE_BIRTH_YEAR)
					&& !mapping.has(RosterField.FEMALE_BIRTH_YEAR)) {
				gender[0] = choice(RosterField.GENDER, Gender.class);
			}
			else {
				reject(RosterField.MALE_BIRTH_YEAR, ERROR + "genderMissing");
			}
			return birthYear(RosterField.BIRTH_YEAR);
		}

		/** Optional, as in the roster form; when given, a plausible year for a working adult. */
		private Integer birthYear(RosterField field) {
			Value value = value(field);
			return value.blank() ? null : year(field, value);
		}

		private Integer year(RosterField field, Value value) {
			Integer year = null;
			if (YEAR.matcher(value.text()).matches()) {
				year = Integer.parseInt(value.text());
			}
			else {
				year = date(value, today).map(LocalDate::getYear).orElse(null);
			}
			if (year == null || year < MIN_BIRTH_YEAR || year > today.getYear()) {
				reject(field, ERROR + "birthYear", String.valueOf(MIN_BIRTH_YEAR), String.valueOf(today.getYear()));
				shown.put(RosterField.BIRTH_YEAR, value.text());
				return null;
			}
			return year;
		}

		private <E extends Enum<E>> E choice(RosterField field, Class<E> type) {
			String text = required(field);
			if (text == null) {
				return null;
			}
			Optional<?> value = switch (field) {
				case GENDER -> RosterVocabulary.gender(text, labels);
				case ROLE -> RosterVocabulary.role(text, labels);
				default -> RosterVocabulary.affiliation(text, labels);
			};
			if (value.isEmpty()) {
				reject(field, ERROR + "notInList", String.join(", ", labels.labels(type)));
				shown.put(field, text);
				return null;
			}
			return type.cast(value.get());
		}

		private String phone() {
			String text = required(RosterField.PHONE);
			if (text == null) {
				return null;
			}
			Optional<String> phone = RosterRowCheck.phone(text);
			if (phone.isEmpty()) {
				reject(RosterField.PHONE, "phone.invalid");
			}
			return phone.orElse(null);
		}

		/** From its column, or the date given for the whole file where the column is missing or the cell empty. */
		private LocalDate joinedOn() {
			Value value = value(RosterField.JOINED_ON);
			if (value.blank()) {
				return mapping.joinedOn();
			}
			Optional<LocalDate> date = date(value, today);
			if (date.isEmpty()) {
				reject(RosterField.JOINED_ON, ERROR + "joinedOn.invalid");
				return null;
			}
			if (date.get().isAfter(today)) {
				reject(RosterField.JOINED_ON, ERROR + "joinedOn.future");
				return null;
			}
			return date.get();
		}

		private String required(RosterField field) {
			String text = text(field);
			if (text.isEmpty()) {
				reject(field, ERROR + "required");
				return null;
			}
			return text;
		}

		private Value value(RosterField field) {
			Integer column = mapping.columns().get(field);
			return column == null ? Value.BLANK : line.value(column);
		}

		private String text(RosterField field) {
			return value(field).text();
		}

		private void reject(RosterField field, String reason, Object... args) {
			errors.add(new CellError(line.number(), field, mapping.headers().getOrDefault(field, ""), cut(text(field)),
					reason, List.of(args)));
		}

		private String cut(String text) {
			return text.length() > MAX_VALUE_SHOWN ? text.substring(0, MAX_VALUE_SHOWN) + "…" : text;
		}

	}

	/**
	 * The villages a text names: by code, or by name with or without its kind, as offices write them
	 * ("Khu dân cư 2", "KDC 2", "KDC2", "Khu 2", "2"; "Thôn An Lạc", "an lac"), ignoring case and diacritics.
	 */
	static final class VillageFinder {

		private static final Pattern KIND = Pattern.compile(
				"(khu dan cu|kdc|khu pho|kp|khu|thon|to dan pho|tdp|to|xom|ap|ban|lang) ?(.+)");

		private static final Pattern CODE_FIRST = Pattern.compile("(\\S+)\\s*[-–:]?\\s+.*");

		private final List<UnitSummary> villages;

		private final Map<String, List<UnitSummary>> byName = new HashMap<>();

		VillageFinder(List<UnitSummary> villages) {
			this.villages = villages;
			for (UnitSummary village : villages) {
				for (String name : List.of(SearchText.fold(village.name()), SearchText.fold(RosterLabels.unitName(village)))) {
					List<UnitSummary> named = byName.computeIfAbsent(key(name), key -> new ArrayList<>());
					if (!named.contains(village)) {
						named.add(village);
					}
				}
			}
		}

		List<UnitSummary> find(String text) {
			Optional<UnitSummary> byCode = code(text.strip());
			if (byCode.isPresent()) {
				return List.of(byCode.get());
			}
			Matcher codeFirst = CODE_FIRST.matcher(text.strip());
			if (codeFirst.matches() && code(codeFirst.group(1)).isPresent()) {
				return List.of(code(codeFirst.group(1)).get());
			}
			String folded = SearchText.fold(text);
			List<UnitSummary> found = byName.get(key(folded));
			if (found != null) {
				return found;
			}
			Matcher kind = KIND.matcher(folded);
			if (kind.matches()) {
				return byName.getOrDefault(key(kind.group(2)), List.of());
			}
			return List.of();
		}

		private Optional<UnitSummary> code(String text) {
			return villages.stream().filter(village -> text.equalsIgnoreCase(village.code())).findFirst();
		}

		/** A name as compared: "02" is "2". */
		private static String key(String folded) {
			return folded.matches("0+[0-9]+") ? folded.replaceFirst("^0+", "") : folded;
		}

	}

}
