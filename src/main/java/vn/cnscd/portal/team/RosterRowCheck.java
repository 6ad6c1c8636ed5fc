package vn.cnscd.portal.team;

import static vn.cnscd.portal.team.RosterColumn.AFFILIATION;
import static vn.cnscd.portal.team.RosterColumn.BIRTH_YEAR;
import static vn.cnscd.portal.team.RosterColumn.FULL_NAME;
import static vn.cnscd.portal.team.RosterColumn.GENDER;
import static vn.cnscd.portal.team.RosterColumn.JOINED_ON;
import static vn.cnscd.portal.team.RosterColumn.PHONE;
import static vn.cnscd.portal.team.RosterColumn.ROLE;
import static vn.cnscd.portal.team.RosterColumn.VILLAGE;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import vn.cnscd.portal.account.PhoneNumber;
import vn.cnscd.portal.area.SearchText;
import vn.cnscd.portal.area.UnitSummary;
import vn.cnscd.portal.team.RosterFileReader.Line;
import vn.cnscd.portal.team.RosterFileReader.Value;

/**
 * Checks the lines of an import file against the villages of one commune, cell by cell. It collects every
 * bad cell instead of stopping at the first, so that the chair fixes the whole file in one go. The plan's
 * rules on a roster's shape (a leader, 2 to 5 members) are not checked here: such rosters are saved and
 * shown as incomplete.
 */
final class RosterRowCheck {

	static final int MIN_BIRTH_YEAR = 1930;

	static final int MAX_NAME_LENGTH = 100;

	private static final int MAX_VALUE_SHOWN = 100;

	private static final String ERROR = "rosterImport.error.";

	/** 15/03/2024, and 5/3/2024 as people also type it. */
	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d/M/uuuu")
		.withResolverStyle(ResolverStyle.STRICT);

	/** A mobile number typed into a number cell, which drops its leading zero: 912345678. */
	private static final Pattern MOBILE_WITHOUT_ZERO = Pattern.compile("[35789]\\d{8}");

	private static final Pattern YEAR = Pattern.compile("\\d{1,4}");

	/** A bad cell: the row as Excel numbers it, the column's header, the value, and why, as a message key. */
	record CellError(int row, RosterColumn column, String header, String value, String reason, List<Object> args) {

		/** Public, since the import page formats the reason with it. */
		public Object[] arguments() {
			return args.toArray();
		}

	}

	/** A good row: the member to add to the village's team. */
	record MemberRow(int row, UnitSummary village, MemberDetails details) {
	}

	record Result(List<MemberRow> members, List<CellError> errors) {
	}

	private final UnitSummary commune;

	private final List<UnitSummary> villages;

	private final Map<Long, Map<String, String>> namesByPhoneInTeams;

	private final Predicate<String> villageElsewhere;

	private final RosterLabels labels;

	private final LocalDate today;

	/**
	 * @param villages the open villages of the commune, the only ones a row may name
	 * @param namesByPhoneInTeams per village, the phones of the active members of its active teams, with their names
	 * @param villageElsewhere whether a code is that of an open village of another commune
	 */
	RosterRowCheck(UnitSummary commune, List<UnitSummary> villages, Map<Long, Map<String, String>> namesByPhoneInTeams,
			Predicate<String> villageElsewhere, RosterLabels labels, LocalDate today) {
		this.commune = commune;
		this.villages = villages;
		this.namesByPhoneInTeams = namesByPhoneInTeams;
		this.villageElsewhere = villageElsewhere;
		this.labels = labels;
		this.today = today;
	}

	/** Checks the header line, then every other line; refuses a file without the template's header or without members. */
	Result check(List<Line> lines) {
		if (lines.isEmpty() || !hasTemplateHeaders(lines.get(0))) {
			throw new RefusedFileException("headers", String.join(", ", labels.headers()));
		}
		if (lines.size() == 1) {
			throw new RefusedFileException("empty");
		}
		List<MemberRow> members = new ArrayList<>();
		List<CellError> errors = new ArrayList<>();
		Map<Long, Map<String, Integer>> rowsByPhone = new HashMap<>();
		for (Line line : lines.subList(1, lines.size())) {
			RowCheck row = new RowCheck(line);
			MemberDetails details = row.check(rowsByPhone);
			if (row.errors.isEmpty()) {
				members.add(new MemberRow(line.number(), row.village, details));
			}
			else {
				row.errors.sort(Comparator.comparing(CellError::column));
				errors.addAll(row.errors);
			}
		}
		return new Result(members, errors);
	}

	private boolean hasTemplateHeaders(Line header) {
		for (RosterColumn column : RosterColumn.values()) {
			if (!SearchText.fold(header.value(column.ordinal()).text()).equals(SearchText.fold(labels.header(column)))) {
				return false;
			}
		}
		return true;
	}

	/** The checks of one line, and the errors found in it. */
	private final class RowCheck {

		private final Line line;

		private final List<CellError> errors = new ArrayList<>();

		private UnitSummary village;

		RowCheck(Line line) {
			this.line = line;
		}

		MemberDetails check(Map<Long, Map<String, Integer>> rowsByPhone) {
			village = village();
			String fullName = required(FULL_NAME);
			if (fullName != null && fullName.length() > MAX_NAME_LENGTH) {
				reject(FULL_NAME, ERROR + "fullName.tooLong", MAX_NAME_LENGTH);
			}
			Gender gender = choice(GENDER, Gender.class);
			Integer birthYear = birthYear();
			String phone = phone();
			TeamRole role = choice(ROLE, TeamRole.class);
			Affiliation affiliation = choice(AFFILIATION, Affiliation.class);
			LocalDate joinedOn = joinedOn();
			if (RosterTemplate.EXAMPLE_NAME.equals(fullName) && RosterTemplate.EXAMPLE_PHONE.equals(phone)) {
				reject(FULL_NAME, ERROR + "exampleRow");
			}
			if (village != null && phone != null) {
				Integer earlier = rowsByPhone.computeIfAbsent(village.id(), id -> new HashMap<>())
					.putIfAbsent(phone, line.number());
				String member = namesByPhoneInTeams.getOrDefault(village.id(), Map.of()).get(phone);
				if (earlier != null) {
					reject(PHONE, ERROR + "phone.repeated", String.valueOf(earlier));
				}
				else if (member != null) {
					reject(PHONE, ERROR + "phone.inTeam", member);
				}
			}
			return new MemberDetails(fullName, gender, birthYear, phone, role, affiliation, joinedOn);
		}

		/** A village of the commune, by its code or by its name ("Khu dân cư 1", "1", "thon an lac"). */
		private UnitSummary village() {
			String text = required(VILLAGE);
			if (text == null) {
				return null;
			}
			Optional<UnitSummary> byCode = villages.stream().filter(v -> text.equalsIgnoreCase(v.code())).findFirst();
			if (byCode.isPresent()) {
				return byCode.get();
			}
			String folded = SearchText.fold(text);
			List<UnitSummary> byName = villages.stream()
				.filter(v -> folded.equals(SearchText.fold(v.name()))
						|| folded.equals(SearchText.fold(RosterLabels.unitName(v))))
				.toList();
			if (byName.size() == 1) {
				return byName.get(0);
			}
			String communeName = RosterLabels.unitName(commune);
			if (byName.size() > 1) {
				reject(VILLAGE, ERROR + "village.ambiguous");
			}
			else if (villageElsewhere.test(text)) {
				reject(VILLAGE, ERROR + "village.otherCommune", communeName);
			}
			else {
				reject(VILLAGE, ERROR + "village.unknown", communeName);
			}
			return null;
		}

		private <E extends Enum<E>> E choice(RosterColumn column, Class<E> type) {
			String text = required(column);
			if (text == null) {
				return null;
			}
			Optional<E> value = labels.parse(type, text);
			if (value.isEmpty()) {
				reject(column, ERROR + "notInList", String.join(", ", labels.labels(type)));
			}
			return value.orElse(null);
		}

		/** Optional, as in the roster form; when given, a plausible year for a working adult. */
		private Integer birthYear() {
			String text = value(BIRTH_YEAR).text();
			if (text.isEmpty()) {
				return null;
			}
			int year = YEAR.matcher(text).matches() ? Integer.parseInt(text) : -1;
			if (year < MIN_BIRTH_YEAR || year > today.getYear()) {
				reject(BIRTH_YEAR, ERROR + "birthYear", String.valueOf(MIN_BIRTH_YEAR), String.valueOf(today.getYear()));
				return null;
			}
			return year;
		}

		private String phone() {
			String text = required(PHONE);
			if (text == null) {
				return null;
			}
			Optional<String> phone = PhoneNumber.normalize(text);
			if (phone.isEmpty() && MOBILE_WITHOUT_ZERO.matcher(text).matches()) {
				phone = PhoneNumber.normalize("0" + text);
			}
			if (phone.isEmpty()) {
				reject(PHONE, "phone.invalid");
			}
			return phone.orElse(null);
		}

		private LocalDate joinedOn() {
			Value value = value(JOINED_ON);
			LocalDate date = value.date();
			if (date == null) {
				String text = required(JOINED_ON);
				if (text == null) {
					return null;
				}
				try {
					date = LocalDate.parse(text, DATE);
				}
				catch (DateTimeParseException notADate) {
					reject(JOINED_ON, ERROR + "joinedOn.invalid");
					return null;
				}
			}
			if (date.isAfter(today)) {
				reject(JOINED_ON, ERROR + "joinedOn.future");
				return null;
			}
			return date;
		}

		private String required(RosterColumn column) {
			String text = value(column).text();
			if (text.isEmpty()) {
				reject(column, ERROR + "required");
				return null;
			}
			return text;
		}

		private Value value(RosterColumn column) {
			return line.value(column.ordinal());
		}

		private void reject(RosterColumn column, String reason, Object... args) {
			String text = value(column).text();
			String shown = text.length() > MAX_VALUE_SHOWN ? text.substring(0, MAX_VALUE_SHOWN) + "…" : text;
			errors.add(new CellError(line.number(), column, labels.header(column), shown, reason, List.of(args)));
		}

	}

}
