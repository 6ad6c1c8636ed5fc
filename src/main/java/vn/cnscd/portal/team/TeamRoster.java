package vn.cnscd.portal.team;

import java.util.List;

/** A team with its members and, for an active team, what keeps its roster from being complete. */
public record TeamRoster(TeamSummary team, List<MemberSummary> activeMembers, List<MemberSummary> formerMembers,
		List<RosterProblem> problems) {

	public boolean complete() {
		return problems.isEmpty();
	}

	public MemberSummary leader() {
		List<MemberSummary> leaders = activeMembers.stream().filter(member -> member.role() == TeamRole.LEADER).toList();
		return leaders.size() == 1 ? leaders.get(0) : null;
	}

}
