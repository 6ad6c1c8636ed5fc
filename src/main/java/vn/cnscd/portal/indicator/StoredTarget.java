package vn.cnscd.portal.indicator;

import java.math.BigDecimal;

/** A target row as a grid reads it: enough to show its value and to tell whether anyone changed it. */
record StoredTarget(long id, long indicatorId, long unitId, BigDecimal value, long version) {
}
