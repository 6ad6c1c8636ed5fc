package vn.cnscd.portal.team;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.cnscd.portal.area.Actor;
import vn.cnscd.portal.area.UnitLevel;
import vn.cnscd.portal.area.UnitService;
import vn.cnscd.portal.area.UnitSummary;
import vn.cnscd.portal.team.RosterFileReader.Line;
import vn.cnscd.portal.team.RosterFileReader.Lines;
import vn.cnscd.portal.team.RosterFileReader.RosterFile;
import vn.cnscd.portal.team.RosterRowCheck.Existing;
import vn.cnscd.portal.team.RosterRowCheck.Mapping;
import vn.cnscd.portal.team.RosterRowCheck.MemberRow;
import vn.cnscd.portal.team.RosterTable.Column;
import vn.cnscd.portal.team.RosterTable.Table;

/**
 * Imports the members of a commune's village teams from the roster file the commune keeps, in two steps. The
 * upload finds the table in the file and matches its columns; the file is kept ({@link RosterUploads}) and the
 * chair sees what each column was matched to, the first rows as read, and what the import would do, and may
 * correct the matching. The import then reads the file again with that matching and imports it all or
 * nothing: only a file without a single bad cell is imported, in one transaction, in a few statements per
 * village. A village without an active team gets one, named as the plan suggests; a person already in the
 * team is not added again. The file is read, and its rows checked, outside any transaction: only the reading
 * of the teams before and the writing after use a database connection, each for a moment.
 */
@Service
class RosterImportService {

	/** Roster files are read one at a time per user ({@code upload.UploadSlots}). */
	static final String UPLOAD_KIND = "ROSTER_IMPORT";

	private final TeamService teams;

	private final UnitService units;

	private final RosterFileReader reader;

	private final RosterUploads uploads;

	private final RosterLabels labels;

	private final TransactionTemplate transaction;

	private final Clock clock;

	RosterImportService(TeamService teams, UnitService units, RosterFileReader reader, RosterUploads uploads,
			RosterLabels labels, PlatformTransactionManager transactions, Clock clock) {
		this.teams = teams;
		this.units = units;
		this.reader = reader;
		this.uploads = uploads;
		this.labels = labels;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	/**
	 * What the chair chose on the mapping page: the sheet, the field of each column of the table (null to leave
	 * it out) as shown for {@code shownSheet}, the village and the date of joining for the whole file.
	 */
	record Choice(UUID upload, Integer sheet, Integer shownSheet, List<RosterField> columns, Long village,
			LocalDate joinedOn) {

		static Choice guessed(UUID upload) {
			return new Choice(upload, null, null, null, null, null);
		}

	}

	/** A column of the table, the field chosen for it, and its first values. */
	record ColumnChoice(Column column, RosterField field, List<String> samples) {
	}

	/**
	 * What the mapping page shows: the file and its sheets, the table's columns and their fields, what is
	 * missing from the mapping, and, when nothing is, the rows as checked. Its methods are public for the page.
	 */
	record Preview(UUID upload, String fileName, List<String> sheets, int sheet, Integer headerRow,
			List<ColumnChoice> columns, boolean villageColumn, UnitSummary village, LocalDate joinedOn,
			List<String> problems, RosterRowCheck.Result result, List<UnitSummary> villages) {

		Preview withUpload(UUID id) {
			return new Preview(id, fileName, sheets, sheet, headerRow, columns, villageColumn, village, joinedOn, problems,
					result, villages);
		}

		public boolean tableFound() {
			return headerRow != null;
		}

		/** Whether the import may run: a mapping without gaps, no bad cell, someone to add. */
		public boolean importable() {
			return result != null && problems.isEmpty() && result.errors().isEmpty() && !result.members().isEmpty();
		}

		/** What the import takes for a field no column holds: everyone a member, of another affiliation. */
		public List<String> defaults() {
			return Stream.of(RosterField.ROLE, RosterField.AFFILIATION)
				.filter(field -> columns.stream().noneMatch(column -> column.field() == field))
				.map(field -> "rosterImport.mapping.default." + field.name())
				.toList();
		}

		public List<String> unmatched() {
			return columns.stream().filter(column -> column.field() == null).map(column -> column.column().header()).toList();
		}

	}

	/** What an import did, or the preview that says why it did not. */
	record Outcome(int members, int teamsCreated, int inTeam, Preview notImported) {

		boolean imported() {
			return notImported == null;
		}

	}

	/** The commune, if the actor is the chair who may import into its villages. */
	UnitSummary importableCommune(Actor actor, long communeId) {
		UnitSummary commune = units.view(actor, communeId);
		if (commune.level() != UnitLevel.COMMUNE || !teams.canManage(actor, commune)) {
			throw new AccessDeniedException(actor.username() + " may not import rosters into unit " + communeId);
		}
		return commune;
	}

	/**
	 * Reads an uploaded file with the columns matched as their headers say and keeps it for the mapping step;
	 * refuses a file that is not a roster with a {@link RefusedFileException}, keeping nothing.
	 */
	Preview upload(Actor actor, long communeId, String fileName, byte[] content) {
		UnitSummary commune = importableCommune(actor, communeId);
		Preview preview = analyse(commune, name(fileName), content, Choice.guessed(null));
		return preview.withUpload(uploads.keep(actor.userId(), communeId, name(fileName), content));
	}

	/** Reads the kept file again with the chair's choices. */
	Preview preview(Actor actor, long communeId, Choice choice) {
		UnitSummary commune = importableCommune(actor, communeId);
		RosterUploads.Kept kept = kept(actor, commune, choice);
		return analyse(commune, kept.fileName(), kept.content(), choice).withUpload(kept.id());
	}

	/**
	 * Imports the kept file with the chair's choices if it can be imported whole, and deletes it; else gives the
	 * preview back, with why not.
	 */
	Outcome importFile(Actor actor, long communeId, Choice choice) {
		UnitSummary commune = importableCommune(actor, communeId);
		RosterUploads.Kept kept = kept(actor, commune, choice);
		Preview preview = analyse(commune, kept.fileName(), kept.content(), choice).withUpload(kept.id());
		if (!preview.importable()) {
			return new Outcome(0, 0, 0, preview);
		}
		try {
			return transaction.execute(status -> write(actor, commune, preview.result(), kept.id()));
		}
		catch (TeamFullException meanwhile) {
			throw new RefusedFileException("teamFull", meanwhile.maximum());
		}
	}

	private RosterUploads.Kept kept(Actor actor, UnitSummary commune, Choice choice) {
		if (choice.upload() == null) {
			throw new RefusedFileException("expired", RosterUploads.KEPT.toMinutes());
		}
		return uploads.find(choice.upload(), actor.userId(), commune.id())
			.orElseThrow(() -> new RefusedFileException("expired", RosterUploads.KEPT.toMinutes()));
	}

	private Outcome write(Actor actor, UnitSummary commune, RosterRowCheck.Result result, UUID upload) {
		// a village with several active teams gets its new members in the oldest
		Map<Long, Long> teamOfVillage = new HashMap<>();
		for (TeamRoster roster : villageTeams(commune)) {
			teamOfVillage.putIfAbsent(roster.team().unitId(), roster.team().id());
		}
		Map<UnitSummary, List<MemberDetails>> byVillage = new LinkedHashMap<>();
		for (MemberRow row : result.members()) {
			byVillage.computeIfAbsent(row.village(), village -> new ArrayList<>()).add(row.details());
		}
		int created = 0;
		for (Map.Entry<UnitSummary, List<MemberDetails>> village : byVillage.entrySet()) {
			Long teamId = teamOfVillage.get(village.getKey().id());
			if (teamId == null) {
				teamId = teams.create(actor, village.getKey().id(), teams.suggestedDetails(village.getKey())).id();
				created++;
			}
			teams.addMembers(actor, teamId, village.getValue());
		}
		uploads.delete(upload);
		return new Outcome(result.members().size(), created, result.inTeam(), null);
	}

	// --- reading --------------------------------------------------------------------------------------------

	private Preview analyse(UnitSummary commune, String fileName, byte[] content, Choice choice) {
		List<String> sheets;
		int sheet;
		Lines lines;
		try (RosterFile file = reader.open(content)) {
			sheets = file.sheetNames();
			sheet = choice.sheet() != null && choice.sheet() >= 0 && choice.sheet() < sheets.size() ? choice.sheet()
					: likeliest(file);
			lines = file.lines(sheet, RosterFileReader.MAX_LINES);
		}
		List<UnitSummary> villages = units.openChildren(commune.id());
		LocalDate today = LocalDate.now(clock);
		LocalDate joinedOn = choice.joinedOn() == null || choice.joinedOn().isAfter(today) ? today : choice.joinedOn();
		UnitSummary village = villages.stream()
			.filter(candidate -> choice.village() != null && candidate.id() == choice.village())
			.findFirst()
			.orElse(null);
		Table table = RosterTable.find(lines.lines()).orElse(null);
		if (table == null) {
			if (choice.sheet() == null) {
				throw new RefusedFileException("headers", RosterFileReader.HEADER_WITHIN);
			}
			return new Preview(null, fileName, sheets, sheet, null, List.of(), false, village, joinedOn,
					List.of("rosterImport.mapping.noHeader"), null, villages);
		}
		List<RosterField> fields = fields(table, choice, sheet);
		List<ColumnChoice> columns = new ArrayList<>();
		for (int i = 0; i < table.columns().size(); i++) {
			Column column = table.columns().get(i);
			columns.add(new ColumnChoice(column, fields.get(i), samples(table, column)));
		}
		List<String> problems = new ArrayList<>();
		Mapping mapping = mapping(columns, village, joinedOn, problems);
		RosterRowCheck.Rows rows = RosterRowCheck.memberRows(table.rows(), mapping);
		if (rows.members().size() > RosterFileReader.MAX_MEMBER_ROWS || lines.cut() && !rows.ended()) {
			throw new RefusedFileException("tooManyRows", RosterFileReader.MAX_MEMBER_ROWS);
		}
		if (rows.members().isEmpty()) {
			if (choice.sheet() == null) {
				throw new RefusedFileException("empty");
			}
			problems.add("rosterImport.mapping.noRows");
		}
		RosterRowCheck.Result result = problems.isEmpty()
				? check(commune, villages, rows.members(), mapping, rows.skipped(), today) : null;
		return new Preview(null, fileName, sheets, sheet, table.headerRow(), columns, mapping.has(RosterField.VILLAGE),
				village, joinedOn, problems, result, villages);
	}

	/** The visible sheet that looks most like a roster; the first on a tie. */
	private static int likeliest(RosterFile file) {
		int best = -1;
		int bestScore = -1;
		for (int i = 0; i < file.sheetNames().size(); i++) {
			int score = RosterTable.score(file.lines(i, RosterFileReader.HEADER_WITHIN + 1).lines())
					+ (file.visible(i) ? 1 : 0);
			if (score > bestScore) {
				best = i;
				bestScore = score;
			}
		}
		return best;
	}

	/** The chair's fields for the columns, if they were chosen for this table; else the matches of the headers. */
	private static List<RosterField> fields(Table table, Choice choice, int sheet) {
		if (choice.columns() != null && choice.shownSheet() != null && choice.shownSheet() == sheet
				&& choice.columns().size() == table.columns().size()) {
			return choice.columns();
		}
		return table.columns().stream().map(Column::match).toList();
	}

	private static List<String> samples(Table table, Column column) {
		return table.rows()
			.stream()
			.limit(RosterRowCheck.ROWS_SHOWN)
			.map(line -> line.value(column.index()).text())
			.filter(text -> !text.isEmpty())
			.limit(3)
			.map(text -> text.length() > 40 ? text.substring(0, 40) + "…" : text)
			.toList();
	}

	/** The mapping of the chosen fields, with what it lacks to be imported. */
	private static Mapping mapping(List<ColumnChoice> columns, UnitSummary village, LocalDate joinedOn,
			List<String> problems) {
		Map<RosterField, Integer> indexes = new EnumMap<>(RosterField.class);
		Map<RosterField, String> headers = new EnumMap<>(RosterField.class);
		Set<RosterField> twice = new LinkedHashSet<>();
		for (ColumnChoice column : columns) {
			if (column.field() == null) {
				continue;
			}
			if (indexes.putIfAbsent(column.field(), column.column().index()) != null) {
				twice.add(column.field());
			}
			headers.putIfAbsent(column.field(), column.column().header());
		}
		twice.forEach(field -> problems.add("rosterImport.mapping.twice." + field.name()));
		if (!indexes.containsKey(RosterField.FULL_NAME)) {
			problems.add("rosterImport.mapping.missing.FULL_NAME");
		}
		if (!indexes.containsKey(RosterField.PHONE)) {
			problems.add("rosterImport.mapping.missing.PHONE");
		}
		if (!indexes.containsKey(RosterField.GENDER) && !indexes.containsKey(RosterField.MALE_BIRTH_YEAR)
				&& !indexes.containsKey(RosterField.FEMALE_BIRTH_YEAR)) {
			problems.add("rosterImport.mapping.missing.GENDER");
		}
		if (!indexes.containsKey(RosterField.VILLAGE) && village == null) {
			problems.add("rosterImport.mapping.missing.VILLAGE");
		}
		return new Mapping(indexes, headers, indexes.containsKey(RosterField.VILLAGE) ? null : village, joinedOn);
	}

	private RosterRowCheck.Result check(UnitSummary commune, List<UnitSummary> villages, List<Line> rows, Mapping mapping,
			int skipped, LocalDate today) {
		List<TeamRoster> rosters = villageTeams(commune);
		Map<Long, Map<String, String>> byPhone = new HashMap<>();
		Map<Long, Map<String, String>> byPerson = new HashMap<>();
		Map<Long, Integer> counts = new HashMap<>();
		for (TeamRoster roster : rosters) {
			long village = roster.team().unitId();
			counts.putIfAbsent(village, roster.activeMembers().size());
			for (MemberSummary member : roster.activeMembers()) {
				byPhone.computeIfAbsent(village, id -> new HashMap<>()).putIfAbsent(member.phone(), member.fullName());
				byPerson.computeIfAbsent(village, id -> new HashMap<>())
					.putIfAbsent(Existing.person(member.fullName(), member.birthYear()), member.fullName());
			}
		}
		return new RosterRowCheck(commune, villages, new Existing(byPhone, byPerson, counts),
				villagesElsewhere(villages, rows, mapping), labels, today)
			.check(rows, mapping, skipped);
	}

	/** The active teams of the commune's villages, oldest first. */
	private List<TeamRoster> villageTeams(UnitSummary commune) {
		return teams.rostersUnder(commune.path(), false)
			.stream()
			.filter(roster -> roster.team().level() == UnitLevel.VILLAGE)
			.toList();
	}

	/** Of the village column's values that name no village of the commune, those that are another commune's code. */
	private Set<String> villagesElsewhere(List<UnitSummary> villages, List<Line> rows, Mapping mapping) {
		Integer column = mapping.columns().get(RosterField.VILLAGE);
		if (column == null) {
			return Set.of();
		}
		RosterRowCheck.VillageFinder finder = new RosterRowCheck.VillageFinder(villages);
		Set<String> unknown = rows.stream()
			.map(line -> line.value(column).text())
			.filter(text -> !text.isEmpty() && finder.find(text).isEmpty())
			.collect(Collectors.toSet());
		return units.openCodes(UnitLevel.VILLAGE, unknown);
	}

	/** The sender's name without any folder, at most 200 characters. */
	private static String name(String original) {
		String name = original == null ? "" : original.replace('\\', '/');
		name = name.substring(name.lastIndexOf('/') + 1).strip();
		return name.length() > 200 ? name.substring(0, 200) : name;
	}

}
