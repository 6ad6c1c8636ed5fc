package vn.cnscd.portal.team;

import java.util.UUID;

/**
 * A team's roster changed: the team was set up or dissolved, or a member joined, left or was corrected.
 * {@code memberName} names the member, none for a change of the team itself; for several members added at once
 * (a roster file) it is their number.
 */
public record RosterChanged(UUID id, long teamId, long unitId, Change change, String memberName, long changedBy) {

	public enum Change {

		TEAM_CREATED, TEAM_DISSOLVED, MEMBER_ADDED, MEMBERS_ADDED, MEMBER_UPDATED, MEMBER_REMOVED

	}

	RosterChanged(long teamId, long unitId, Change change, String memberName, long changedBy) {
		this(UUID.randomUUID(), teamId, unitId, change, memberName, changedBy);
	}

}
