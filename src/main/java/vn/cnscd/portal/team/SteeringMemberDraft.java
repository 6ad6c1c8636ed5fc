package vn.cnscd.portal.team;

import java.util.Set;

/** A steering member as an officer enters them; the phone is already in its stored form. */
record SteeringMemberDraft(String fullName, String position, String agency, String phone, Long accountId,
		Set<Long> communeIds) {

	SteeringMemberDraft {
		communeIds = Set.copyOf(communeIds);
	}

}
