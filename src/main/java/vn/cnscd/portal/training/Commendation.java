package vn.cnscd.portal.training;

import java.time.OffsetDateTime;

/**
 * A proposal as lists and the export show it; {@code unitId} is its team's unit, {@code memberName} is null
 * when the whole team is proposed.
 */
record Commendation(long id, long teamId, long unitId, String teamName, String communeName, Long memberId,
		String memberName, String reason, String period, String proposedByName, OffsetDateTime proposedAt,
		CommendationStatus status, String decisionNote, String decidedByName, long version) {

	public boolean open() {
		return status == CommendationStatus.PROPOSED;
	}

}
