package vn.cnscd.portal.reporting;

import java.time.YearMonth;
import java.util.UUID;

/** An officer acknowledged a commune's report. */
public record CommuneReportAcknowledged(UUID id, long reportId, long communeId, YearMonth period,
		long acknowledgedBy) {

	CommuneReportAcknowledged(long reportId, long communeId, YearMonth period, long acknowledgedBy) {
		this(UUID.randomUUID(), reportId, communeId, period, acknowledgedBy);
	}

}
