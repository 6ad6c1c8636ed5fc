package vn.cnscd.portal.area;

import java.util.List;

/**
 * The communes a steering member's account is in charge of: its area. Declared here, where areas are
 * worked out, and implemented by the module that keeps the steering committee, so that accounts can ask
 * without knowing about the committee.
 */
public interface SteeringAssignments {

	/** The ids of the communes in the charge of the steering member linked to this account; none if they left. */
	List<Long> communesInChargeOf(long accountId);

}
