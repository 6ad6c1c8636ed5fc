package vn.cnscd.portal.team;

import java.util.List;

import vn.cnscd.portal.area.UnitSummary;

/** A district's steering committee: current members first, then those who left. */
record SteeringCommittee(UnitSummary district, List<SteeringMemberView> members) {
}
