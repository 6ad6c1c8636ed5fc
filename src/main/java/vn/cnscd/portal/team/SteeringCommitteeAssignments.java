package vn.cnscd.portal.team;

import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.cnscd.portal.area.SteeringAssignments;

/**
 * The area of a steering member's account, as the committee records it. Apart from {@link SteeringService}
 * because accounts ask it on every request and the service itself needs accounts.
 */
@Component
class SteeringCommitteeAssignments implements SteeringAssignments {

	private final SteeringMemberRepository members;

	SteeringCommitteeAssignments(SteeringMemberRepository members) {
		this.members = members;
	}

	@Override
	@Transactional(readOnly = true)
	public List<Long> communesInChargeOf(long accountId) {
		return members.findCommunesInChargeOf(accountId);
	}

}
