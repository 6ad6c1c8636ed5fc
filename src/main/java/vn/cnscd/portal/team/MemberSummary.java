package vn.cnscd.portal.team;

import java.time.LocalDate;

import vn.cnscd.portal.account.PhoneNumber;

public record MemberSummary(long id, long teamId, String fullName, Gender gender, Integer birthYear, String phone,
		TeamRole role, Affiliation affiliation, LocalDate joinedOn, LocalDate leftOn, long version) {

	public boolean active() {
		return leftOn == null;
	}

	/** "0912 345 678". */
	public String phoneDisplay() {
		return PhoneNumber.display(phone);
	}

}
