package vn.cnscd.portal.reporting;

import java.time.YearMonth;
import java.util.UUID;

/** The commune chair gave a village's report back to its head, with the reason the head will read. */
public record VillageReportReturned(UUID id, long reportId, long villageId, YearMonth period, String reason,
		long returnedBy) {

	VillageReportReturned(long reportId, long villageId, YearMonth period, String reason, long returnedBy) {
		this(UUID.randomUUID(), reportId, villageId, period, reason, returnedBy);
	}

}
