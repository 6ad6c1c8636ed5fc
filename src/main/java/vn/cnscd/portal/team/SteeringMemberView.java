package vn.cnscd.portal.team;

import java.time.LocalDate;
import java.util.List;

import vn.cnscd.portal.area.UnitSummary;

/**
 * A steering member as the committee list shows them: the phone as people read it ("0912 345 678"), the
 * linked account's username, the communes in their charge by code.
 */
record SteeringMemberView(long id, long districtId, String fullName, String position, String agency, String phone,
		Long accountId, String accountUsername, List<UnitSummary> communes, LocalDate leftOn, long version) {

	public boolean former() {
		return leftOn != null;
	}

}
