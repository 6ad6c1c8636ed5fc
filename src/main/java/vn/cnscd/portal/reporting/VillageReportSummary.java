package vn.cnscd.portal.reporting;

import java.time.Instant;
import java.time.YearMonth;

/** A village's report of a month as lists and dashboards read it. */
public record VillageReportSummary(long id, long villageId, YearMonth period, ReportStatus status,
		Instant submittedAt, Boolean late, String returnReason, long version) {

	public String url() {
		return "/villages/" + villageId + "/reports/" + period;
	}

}
