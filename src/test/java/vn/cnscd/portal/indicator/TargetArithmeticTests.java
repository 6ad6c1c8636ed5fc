package vn.cnscd.portal.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.cnscd.portal.indicator.TargetArithmetic.Share;
import vn.cnscd.portal.indicator.TargetComparison.Status;

class TargetArithmeticTests {

	static final IndicatorSummary ADULTS_WITH_PAYMENT_ACCOUNT = new IndicatorSummary(1, "KTS01", "", "", "người",
			"people", Pillar.KINH_TE_SO, IndicatorKind.STOCK, Denominator.ADULTS, true, true, 10, 0);

	static final IndicatorSummary RESIDENTS_GUIDED = new IndicatorSummary(2, "CQS04", "", "", "lượt người", "times",
			Pillar.CHINH_QUYEN_SO, IndicatorKind.FLOW, null, true, true, 20, 0);

	static Share share(String target, long denominator) {
		return new Share(target == null ? null : new BigDecimal(target), denominator);
	}

	@Test
	void thePercentageImpliedWeighsEachVillageByItsPeopleAndCountsAVillageWithoutTargetAsNone() {
		// (80 × 300 + 70 × 200 + 0 × 500) / (300 + 200 + 500) = 38000 / 1000 = 38
		assertThat(TargetArithmetic.impliedPercentage(List.of(share("80", 300), share("70", 200), share(null, 500))))
			.isEqualByComparingTo("38");
		// (90 × 400 + 75 × 100) / 500 = 43500 / 500 = 87
		assertThat(TargetArithmetic.impliedPercentage(List.of(share("90", 400), share("75", 100))))
			.isEqualByComparingTo("87");
		assertThat(TargetArithmetic.impliedPercentage(List.of(share("90", 0)))).isNull();
	}

	@Test
	void aPercentageDiffersWhenTheVillagesComeToHalfAPersonOrMoreApart() {
		TargetComparison below = TargetArithmetic.compare(ADULTS_WITH_PAYMENT_ACCOUNT, new BigDecimal("40"),
				List.of(share("80", 300), share("70", 200), share(null, 500)));
		assertThat(below.status()).isEqualTo(Status.DIFFERENT);
		assertThat(below.flagged()).isTrue();
		assertThat(below.villageTotal()).isEqualByComparingTo("38");
		assertThat(below.difference()).isEqualByComparingTo("-2");
		assertThat(below.differenceCount()).isEqualByComparingTo("-20");
		assertThat(below.directionKey()).isEqualTo("target.check.below");

		TargetComparison same = TargetArithmetic.compare(ADULTS_WITH_PAYMENT_ACCOUNT, new BigDecimal("38"),
				List.of(share("80", 300), share("70", 200), share(null, 500)));
		assertThat(same.status()).isEqualTo(Status.MATCH);
		assertThat(same.flagged()).isFalse();

		// (80 × 301 + 80.01 × 300) / 601 = 80.00499…: 0.03 of a person more than 80 % of 601
		TargetComparison rounding = TargetArithmetic.compare(ADULTS_WITH_PAYMENT_ACCOUNT, new BigDecimal("80"),
				List.of(share("80", 301), share("80.01", 300)));
		assertThat(rounding.status()).isEqualTo(Status.MATCH);

		// (80 × 301 + 80.2 × 300) / 601 = 80.0998…: 0.6 of a person more
		TargetComparison above = TargetArithmetic.compare(ADULTS_WITH_PAYMENT_ACCOUNT, new BigDecimal("80"),
				List.of(share("80", 301), share("80.2", 300)));
		assertThat(above.status()).isEqualTo(Status.DIFFERENT);
		assertThat(above.directionKey()).isEqualTo("target.check.above");
		assertThat(above.differenceCount()).isEqualByComparingTo("1");
	}

	@Test
	void aCountIsTheSumOfTheVillagesTargets() {
		TargetComparison same = TargetArithmetic.compare(RESIDENTS_GUIDED, new BigDecimal("30"),
				List.of(share("10", 0), share("20", 0), share(null, 0)));
		assertThat(same.status()).isEqualTo(Status.MATCH);
		assertThat(same.villageTotal()).isEqualByComparingTo("30");

		TargetComparison less = TargetArithmetic.compare(RESIDENTS_GUIDED, new BigDecimal("31.5"),
				List.of(share("10", 0), share("20", 0)));
		assertThat(less.status()).isEqualTo(Status.DIFFERENT);
		assertThat(less.difference()).isEqualByComparingTo("-1.5");
	}

	@Test
	void aTargetOnOneSideOnlyIsFlagged() {
		assertThat(TargetArithmetic.compare(RESIDENTS_GUIDED, new BigDecimal("30"), List.of(share(null, 0))).status())
			.isEqualTo(Status.NOT_SPLIT);
		assertThat(TargetArithmetic.compare(RESIDENTS_GUIDED, null, List.of(share("5", 0))).status())
			.isEqualTo(Status.NO_COMMUNE_TARGET);
		assertThat(TargetArithmetic.compare(ADULTS_WITH_PAYMENT_ACCOUNT, new BigDecimal("80"), List.of(share("80", 0)))
			.status()).isEqualTo(Status.NO_DENOMINATOR);
		TargetComparison none = TargetArithmetic.compare(RESIDENTS_GUIDED, null, List.of(share(null, 0)));
		assertThat(none.status()).isEqualTo(Status.NONE);
		assertThat(none.flagged()).isFalse();
	}

}
