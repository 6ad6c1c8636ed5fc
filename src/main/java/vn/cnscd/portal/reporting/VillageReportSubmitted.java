package vn.cnscd.portal.reporting;

import java.time.YearMonth;
import java.util.UUID;

/** A village head sent the month's report: the commune chair has it to review. {@code id} names this event. */
public record VillageReportSubmitted(UUID id, long reportId, long villageId, YearMonth period, boolean late,
		long submittedBy) {

	VillageReportSubmitted(long reportId, long villageId, YearMonth period, boolean late, long submittedBy) {
		this(UUID.randomUUID(), reportId, villageId, period, late, submittedBy);
	}

}
