package vn.cnscd.portal.reporting;

/** A commune report as its page shows it. */
public record CommuneReportView(CommuneReportStatus status, Boolean late, String returnReason, long version,
		Integer sessionsHeld, Integer residentsGuided, Integer householdsVisited, String narrative, String obstacles,
		String proposals) {
}
