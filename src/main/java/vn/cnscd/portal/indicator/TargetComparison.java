package vn.cnscd.portal.indicator;

import java.math.BigDecimal;

/**
 * A commune's target for one indicator beside what its villages' targets add up to: their sum for a count,
 * the percentage they imply for a percentage. {@code difference} is total minus target (in percentage points
 * for a percentage); {@code differenceCount} is the same difference in people or households.
 */
record TargetComparison(IndicatorSummary indicator, BigDecimal communeTarget, BigDecimal villageTotal,
		BigDecimal difference, BigDecimal differenceCount, Status status) {

	enum Status {

		/** Neither the commune nor any village has a target. */
		NONE,
		/** The villages' targets add up to the commune's, to within rounding. */
		MATCH,
		/** They do not. */
		DIFFERENT,
		/** The commune has a target that no village has a share of yet. */
		NOT_SPLIT,
		/** Villages have targets, the commune none. */
		NO_COMMUNE_TARGET,
		/** Villages have percentage targets but no households or adults to weigh them by. */
		NO_DENOMINATOR

	}

	public boolean flagged() {
		return status != Status.NONE && status != Status.MATCH;
	}

	/** The message key of the difference's direction, for "3 more than the commune's target". */
	public String directionKey() {
		return difference.signum() > 0 ? "target.check.above" : "target.check.below";
	}

}
