package vn.cnscd.portal.dashboard;

import java.time.YearMonth;

import vn.cnscd.portal.area.UnitSummary;
import vn.cnscd.portal.reporting.ReportStatus;

/**
 * A village's month: whether it has a team, its report's status (null for none) and whether that was sent
 * late, with its team leader to call.
 */
public record VillageStatus(UnitSummary village, UnitSummary commune, YearMonth month, boolean hasTeam,
		ReportStatus status, boolean late, String headName, String headPhone) {

	/** No report, a draft or a returned one: nothing counts until it is sent. */
	public boolean missing() {
		return status == null || !status.sent();
	}

	/** On the chase list: a village with a team whose report is missing or came late. */
	public boolean toChase() {
		return hasTeam && (missing() || late);
	}

	public String reportUrl() {
		return "/villages/" + village.id() + "/reports/" + month;
	}

}
