package vn.cnscd.portal.team;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import vn.cnscd.portal.area.UnitLevel;

/**
 * The plan's rules for a roster: one leader; a village team led by the village head with 2 to 5 other
 * members; a commune team led by the commune chair; nobody (same phone) in the team twice. A roster that
 * breaks them can still be saved, since reality comes first; the problems say why it is incomplete.
 */
final class RosterRules {

	static final int MIN_OTHER_MEMBERS = 2;

	static final int MAX_OTHER_MEMBERS = 5;

	private RosterRules() {
	}

	static List<RosterProblem> check(UnitLevel level, List<MemberSummary> activeMembers) {
		List<RosterProblem> problems = new ArrayList<>();
		List<MemberSummary> leaders = activeMembers.stream().filter(member -> member.role() == TeamRole.LEADER).toList();
		if (leaders.isEmpty()) {
			problems.add(RosterProblem.of("noLeader"));
		}
		else if (leaders.size() > 1) {
			problems.add(RosterProblem.of("manyLeaders", leaders.size()));
		}
		else if (level == UnitLevel.VILLAGE && leaders.get(0).affiliation() != Affiliation.VILLAGE_HEAD) {
			problems.add(RosterProblem.of("leaderNotVillageHead", leaders.get(0).fullName()));
		}
		else if (level == UnitLevel.COMMUNE && leaders.get(0).affiliation() != Affiliation.COMMUNE_CHAIR) {
			problems.add(RosterProblem.of("leaderNotCommuneChair", leaders.get(0).fullName()));
		}
		if (level == UnitLevel.VILLAGE) {
			int others = activeMembers.size() - Math.min(leaders.size(), 1);
			if (others < MIN_OTHER_MEMBERS) {
				problems.add(RosterProblem.of("tooFewMembers", others, MIN_OTHER_MEMBERS, MAX_OTHER_MEMBERS));
			}
			else if (others > MAX_OTHER_MEMBERS) {
				problems.add(RosterProblem.of("tooManyMembers", others, MIN_OTHER_MEMBERS, MAX_OTHER_MEMBERS));
			}
		}
		Map<String, Long> byPhone = activeMembers.stream()
			.collect(Collectors.groupingBy(MemberSummary::phoneDisplay, TreeMap::new, Collectors.counting()));
		byPhone.forEach((phone, count) -> {
			if (count > 1) {
				problems.add(RosterProblem.of("duplicatePhone", phone, count));
			}
		});
		return problems;
	}

}
