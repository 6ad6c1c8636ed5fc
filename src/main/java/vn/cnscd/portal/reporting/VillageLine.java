package vn.cnscd.portal.reporting;

import vn.cnscd.portal.area.UnitSummary;
import vn.cnscd.portal.team.MemberSummary;

/** A village with its report of a month, if any, and its head to call when it is missing. */
public record VillageLine(UnitSummary village, VillageReportSummary report, MemberSummary head) {

	public boolean missing() {
		return report == null || !report.status().sent();
	}

}
