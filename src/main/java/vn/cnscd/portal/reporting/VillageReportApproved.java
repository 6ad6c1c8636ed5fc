package vn.cnscd.portal.reporting;

import java.time.YearMonth;
import java.util.UUID;

/** The commune chair approved a village's report, which is now locked. */
public record VillageReportApproved(UUID id, long reportId, long villageId, YearMonth period, long approvedBy) {

	VillageReportApproved(long reportId, long villageId, YearMonth period, long approvedBy) {
		this(UUID.randomUUID(), reportId, villageId, period, approvedBy);
	}

}
