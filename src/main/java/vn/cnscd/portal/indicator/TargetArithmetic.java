package vn.cnscd.portal.indicator;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;

/**
 * How the targets of a commune's villages add up against the commune's own. A count adds up; a percentage
 * is a share of each village's adults or households, so the villages' targets imply, for the commune, the
 * people they add up to over all the commune's people: Σ(village % × village denominator) / Σ(village
 * denominators). A village without a target adds no one to the count but its people to the denominator.
 */
final class TargetArithmetic {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	/** Less than half a person or household apart is rounding, not a difference. */
	private static final BigDecimal HALF = new BigDecimal("0.5");

	private TargetArithmetic() {
	}

	/** A village's target (null when it has none) and its households or adults. */
	record Share(BigDecimal target, long denominator) {
	}

	/** The percentage the villages' targets imply for the commune; null when the villages count no one. */
	static BigDecimal impliedPercentage(List<Share> villages) {
		long people = villages.stream().mapToLong(Share::denominator).sum();
		if (people == 0) {
			return null;
		}
		BigDecimal weighted = villages.stream()
			.filter(share -> share.target() != null)
			.map(share -> share.target().multiply(BigDecimal.valueOf(share.denominator())))
			.reduce(BigDecimal.ZERO, BigDecimal::add);
		return weighted.divide(BigDecimal.valueOf(people), MathContext.DECIMAL64);
	}

	/** The commune's target beside what its villages' targets add up to, and whether they differ. */
	static TargetComparison compare(IndicatorSummary indicator, BigDecimal communeTarget, List<Share> villages) {
		boolean split = villages.stream().anyMatch(share -> share.target() != null);
		long people = villages.stream().mapToLong(Share::denominator).sum();
		BigDecimal total = !split ? null
				: indicator.percentage() ? impliedPercentage(villages)
						: villages.stream()
							.map(Share::target)
							.filter(value -> value != null)
							.reduce(BigDecimal.ZERO, BigDecimal::add);
		if (communeTarget == null && !split) {
			return new TargetComparison(indicator, null, null, null, null, TargetComparison.Status.NONE);
		}
		if (communeTarget == null) {
			return new TargetComparison(indicator, null, total, null, null, TargetComparison.Status.NO_COMMUNE_TARGET);
		}
		if (!split) {
			return new TargetComparison(indicator, communeTarget, null, null, null, TargetComparison.Status.NOT_SPLIT);
		}
		if (total == null) {
			return new TargetComparison(indicator, communeTarget, null, null, null,
					TargetComparison.Status.NO_DENOMINATOR);
		}
		BigDecimal difference = total.subtract(communeTarget);
		if (!indicator.percentage()) {
			return new TargetComparison(indicator, communeTarget, total, difference, difference,
					difference.signum() == 0 ? TargetComparison.Status.MATCH : TargetComparison.Status.DIFFERENT);
		}
		BigDecimal apart = difference.multiply(BigDecimal.valueOf(people)).divide(HUNDRED, MathContext.DECIMAL64);
		boolean differs = apart.abs().compareTo(HALF) >= 0;
		return new TargetComparison(indicator, communeTarget, total, difference,
				apart.setScale(0, RoundingMode.HALF_UP),
				differs ? TargetComparison.Status.DIFFERENT : TargetComparison.Status.MATCH);
	}

}
