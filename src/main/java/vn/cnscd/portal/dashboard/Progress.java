package vn.cnscd.portal.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;

import vn.cnscd.portal.indicator.IndicatorSummary;

/**
 * An indicator's year to date against the year's target, both counts: a percentage indicator's target (a
 * share of adults or households) is already turned into the count it asks for. {@code target} is null
 * where no target was set.
 */
public record Progress(IndicatorSummary indicator, long achieved, BigDecimal target) {

	/** achieved / target, 1 for 100 %; null without a target. */
	public Double ratio() {
		if (target == null || target.signum() == 0) {
			return null;
		}
		return achieved / target.doubleValue();
	}

	/** The ratio counted in the ranking: no indicator may make up for another beyond its 100 %. */
	public Double capped() {
		Double ratio = ratio();
		return ratio == null ? null : Math.min(ratio, 1.0);
	}

	/** The target rounded up to a whole count, as the page shows it. */
	public Long targetCount() {
		return target == null ? null : target.setScale(0, RoundingMode.CEILING).longValueExact();
	}

}
