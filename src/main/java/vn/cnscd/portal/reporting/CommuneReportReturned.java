package vn.cnscd.portal.reporting;

import java.time.YearMonth;
import java.util.UUID;

/** An officer gave a commune's report back to its chair, with a reason. */
public record CommuneReportReturned(UUID id, long reportId, long communeId, YearMonth period, String reason,
		long returnedBy) {

	CommuneReportReturned(long reportId, long communeId, YearMonth period, String reason, long returnedBy) {
		this(UUID.randomUUID(), reportId, communeId, period, reason, returnedBy);
	}

}
