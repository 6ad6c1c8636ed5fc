package vn.cnscd.portal.team;

import java.time.LocalDate;

import vn.cnscd.portal.account.PhoneNumber;

/** A team member as other modules see them: with their team's name and unit, since names of people repeat. */
public record MemberEntry(long id, String fullName, String phone, TeamRole role, LocalDate joinedOn, LocalDate leftOn,
		long teamId, String teamName, long unitId) {

	public boolean active() {
		return leftOn == null;
	}

	/** Whether the member was on the team on that day. */
	public boolean memberOn(LocalDate day) {
		return !joinedOn.isAfter(day) && (leftOn == null || !leftOn.isBefore(day));
	}

	/** "0912 345 678". */
	public String phoneDisplay() {
		return PhoneNumber.display(phone);
	}

}
