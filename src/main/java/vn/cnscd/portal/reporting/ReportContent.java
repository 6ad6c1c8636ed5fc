package vn.cnscd.portal.reporting;

import java.util.Map;

/** What a village head enters in a monthly report: a value per indicator id, activities, obstacles, proposals. */
public record ReportContent(Map<Long, ReportValue> values, Integer sessionsHeld, Integer residentsGuided,
		Integer householdsVisited, String obstacles, String proposals) {
}
