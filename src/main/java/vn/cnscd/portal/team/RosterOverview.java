package vn.cnscd.portal.team;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.cnscd.portal.area.Actor;
import vn.cnscd.portal.area.UnitLevel;
import vn.cnscd.portal.area.UnitService;
import vn.cnscd.portal.area.UnitSummary;

/** The roster tables of a commune and of a committee's province or district: which villages have a team, who leads it, what is wrong. */
@Service
@Transactional(readOnly = true)
public class RosterOverview {

	private final TeamService teams;

	private final UnitService units;

	RosterOverview(TeamService teams, UnitService units) {
		this.teams = teams;
		this.units = units;
	}

	public CommuneRoster commune(Actor actor, long communeId) {
		UnitSummary commune = units.view(actor, communeId);
		List<TeamRoster> rosters = teams.rostersUnder(commune.path(), false);
		Map<Long, List<TeamRoster>> byUnit = rosters.stream().collect(Collectors.groupingBy(r -> r.team().unitId()));
		TeamRoster communeTeam = byUnit.getOrDefault(communeId, List.of()).stream().findFirst().orElse(null);
		List<VillageRow> villages = units.openChildren(communeId)
			.stream()
			.filter(actor::covers)
			.map(village -> new VillageRow(village, byUnit.getOrDefault(village.id(), List.of())))
			.toList();
		return new CommuneRoster(commune, communeTeam, villages);
	}

	public DistrictRoster district(Actor actor, long districtId) {
		UnitSummary district = units.view(actor, districtId);
		// every open commune of the subtree: a province of 2025 holds its communes, one of 2022 through districts
		List<UnitSummary> communes = units.openUnits(actor, UnitLevel.COMMUNE)
			.stream()
			.filter(commune -> commune.isUnder(district.path()))
			.toList();
		Map<Long, List<UnitSummary>> villagesByCommune = units.openUnits(actor, UnitLevel.VILLAGE)
			.stream()
			.filter(village -> village.isUnder(district.path()))
			.collect(Collectors.groupingBy(UnitSummary::parentId));
		Map<Long, List<TeamRoster>> byUnit = teams.rostersUnder(district.path(), false)
			.stream()
			.collect(Collectors.groupingBy(r -> r.team().unitId()));
		List<CommuneRow> rows = communes.stream().map(commune -> {
			List<VillageRow> villages = villagesByCommune.getOrDefault(commune.id(), List.of())
				.stream()
				.map(village -> new VillageRow(village, byUnit.getOrDefault(village.id(), List.of())))
				.toList();
			return new CommuneRow(commune, byUnit.getOrDefault(commune.id(), List.of()).stream().findFirst().orElse(null),
					villages);
		}).toList();
		return new DistrictRoster(district, teams.suggestedChatGroup(district), rows);
	}

	public record CommuneRoster(UnitSummary commune, TeamRoster communeTeam, List<VillageRow> villages) {
	}

	/** A village with its active teams; a village without one is a problem of its own. */
	public record VillageRow(UnitSummary village, List<TeamRoster> teams) {

		public boolean hasTeam() {
			return !teams.isEmpty();
		}

		public boolean complete() {
			return hasTeam() && teams.stream().allMatch(TeamRoster::complete);
		}

		public int members() {
			return teams.stream().mapToInt(roster -> roster.activeMembers().size()).sum();
		}

	}

	public record CommuneRow(UnitSummary commune, TeamRoster communeTeam, List<VillageRow> villages) {

		public long villagesWithTeam() {
			return villages.stream().filter(VillageRow::hasTeam).count();
		}

		public long villagesWithoutTeam() {
			return villages.size() - villagesWithTeam();
		}

		public int members() {
			return villages.stream().mapToInt(VillageRow::members).sum()
					+ (communeTeam == null ? 0 : communeTeam.activeMembers().size());
		}

		public long incompleteTeams() {
			return villages.stream().flatMap(row -> row.teams().stream()).filter(roster -> !roster.complete()).count()
					+ (communeTeam != null && !communeTeam.complete() ? 1 : 0);
		}

	}

	public record DistrictRoster(UnitSummary district, String chatGroup, List<CommuneRow> communes) {

		public long villages() {
			return communes.stream().mapToLong(row -> row.villages().size()).sum();
		}

		public long villagesWithTeam() {
			return communes.stream().mapToLong(CommuneRow::villagesWithTeam).sum();
		}

		public long members() {
			return communes.stream().mapToLong(CommuneRow::members).sum();
		}

		public long incompleteTeams() {
			return communes.stream().mapToLong(CommuneRow::incompleteTeams).sum();
		}

		public long communesWithTeam() {
			return communes.stream().filter(row -> row.communeTeam() != null).count();
		}

	}

}
