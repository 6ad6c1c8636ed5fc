package vn.cnscd.portal.reporting;

import java.util.UUID;

/** An addressee answered an ad hoc request; the officer who opened it ({@code openedBy}) sees who did. */
public record AdhocRequestAnswered(UUID id, long requestId, String title, long unitId, boolean late, long openedBy,
		long answeredBy) {

	AdhocRequestAnswered(long requestId, String title, long unitId, boolean late, long openedBy, long answeredBy) {
		this(UUID.randomUUID(), requestId, title, unitId, late, openedBy, answeredBy);
	}

}
