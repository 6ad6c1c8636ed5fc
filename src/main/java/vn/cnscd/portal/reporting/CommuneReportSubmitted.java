package vn.cnscd.portal.reporting;

import java.time.YearMonth;
import java.util.UUID;

/** A commune chair sent the commune's report of the month to the district. */
public record CommuneReportSubmitted(UUID id, long reportId, long communeId, YearMonth period, boolean late,
		long submittedBy) {

	CommuneReportSubmitted(long reportId, long communeId, YearMonth period, boolean late, long submittedBy) {
		this(UUID.randomUUID(), reportId, communeId, period, late, submittedBy);
	}

}
