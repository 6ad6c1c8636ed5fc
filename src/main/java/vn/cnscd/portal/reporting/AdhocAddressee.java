package vn.cnscd.portal.reporting;

import java.time.Instant;

import vn.cnscd.portal.area.UnitSummary;

/** A unit a request was sent to, with when it answered and whether late; no answer yet: nulls. */
record AdhocAddressee(long requestId, UnitSummary unit, Instant submittedAt, Boolean late) {

	public boolean answered() {
		return submittedAt != null;
	}

	public String answerUrl() {
		return "/requests/" + requestId + "/answers/" + unit.id();
	}

}
