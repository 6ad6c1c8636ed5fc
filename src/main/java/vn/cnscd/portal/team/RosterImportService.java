package vn.cnscd.portal.team;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.cnscd.portal.area.Actor;
import vn.cnscd.portal.area.UnitLevel;
import vn.cnscd.portal.area.UnitService;
import vn.cnscd.portal.area.UnitSummary;
import vn.cnscd.portal.team.RosterRowCheck.CellError;
import vn.cnscd.portal.team.RosterRowCheck.MemberRow;

/**
 * Imports the members of a commune's village teams from a file, all or nothing: every row is checked
 * first, and only a file without a single bad cell is imported, in one transaction. A village without an
 * active team gets one, named as the plan suggests. Teams and members are added through {@link TeamService},
 * which checks the chair's right to each change and audits it.
 */
@Service
class RosterImportService {

	private final TeamService teams;

	private final UnitService units;

	private final RosterLabels labels;

	private final Clock clock;

	RosterImportService(TeamService teams, UnitService units, RosterLabels labels, Clock clock) {
		this.teams = teams;
		this.units = units;
		this.labels = labels;
		this.clock = clock;
	}

	/** What became of a file whose rows could be read: the bad cells, or how much was imported. */
	record Outcome(List<CellError> errors, int members, int teamsCreated) {

		boolean imported() {
			return errors.isEmpty();
		}

		long badRows() {
			return errors.stream().mapToInt(CellError::row).distinct().count();
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

	/** Refuses a file that is not a roster spreadsheet with a {@link RefusedFileException}. */
	@Transactional
	public Outcome importFile(Actor actor, long communeId, byte[] content) {
		UnitSummary commune = importableCommune(actor, communeId);
		List<RosterFileReader.Line> lines = RosterFileReader.read(content);
		Map<Long, List<TeamRoster>> teamsByVillage = teams.rostersUnder(commune.path(), false)
			.stream()
			.filter(roster -> roster.team().level() == UnitLevel.VILLAGE)
			.collect(Collectors.groupingBy(roster -> roster.team().unitId()));
		RosterRowCheck.Result checked = new RosterRowCheck(commune, units.openChildren(communeId),
				phonesOf(teamsByVillage), code -> units.findOpen(UnitLevel.VILLAGE, code).isPresent(), labels,
				LocalDate.now(clock))
			.check(lines);
		if (!checked.errors().isEmpty()) {
			return new Outcome(checked.errors(), 0, 0);
		}
		// A village with several active teams gets its new members in the oldest.
		Map<Long, Long> teamOfVillage = new HashMap<>();
		teamsByVillage.forEach((village, rosters) -> teamOfVillage.put(village, rosters.get(0).team().id()));
		int created = 0;
		for (MemberRow row : checked.members()) {
			Long teamId = teamOfVillage.get(row.village().id());
			if (teamId == null) {
				teamId = teams.create(actor, row.village().id(), teams.suggestedDetails(row.village())).id();
				teamOfVillage.put(row.village().id(), teamId);
				created++;
			}
			teams.addMember(actor, teamId, row.details());
		}
		return new Outcome(List.of(), checked.members().size(), created);
	}

	private static Map<Long, Map<String, String>> phonesOf(Map<Long, List<TeamRoster>> teamsByVillage) {
		Map<Long, Map<String, String>> phones = new HashMap<>();
		teamsByVillage.forEach((village, rosters) -> rosters.forEach(roster -> roster.activeMembers()
			.forEach(member -> phones.computeIfAbsent(village, id -> new HashMap<>())
				.putIfAbsent(member.phone(), member.fullName()))));
		return phones;
	}

}
