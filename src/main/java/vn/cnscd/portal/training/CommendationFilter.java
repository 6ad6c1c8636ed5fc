package vn.cnscd.portal.training;

import vn.cnscd.portal.area.UnitSummary;

/** Which proposals a list shows: of one outcome, under one unit; null for any. */
record CommendationFilter(CommendationStatus status, UnitSummary under) {
}
