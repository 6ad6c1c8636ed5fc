package vn.cnscd.portal.indicator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.cnscd.portal.area.UnitLevel;
import vn.cnscd.portal.area.UnitService;
import vn.cnscd.portal.area.UnitSummary;

/**
 * Demo targets of a local run, for this year and the last: every commune of the seeded district gets the
 * district's targets, and its chair's split over its villages adds up, except in Xã Hưng Đạo and Xã Tái Sơn,
 * where one village was given more than its share so that the commune page flags the difference. Never
 * under the prod profile; loaded once.
 */
@Component
@Profile("!prod")
@ConditionalOnBooleanProperty(name = "portal.demo-data", matchIfMissing = true)
@Order(40)
class DemoTargets implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoTargets.class);

	/** Communes whose village split does not add up. */
	private static final Set<String> UNEVEN = Set.of("11086", "11098");

	/**
	 * Percentage targets, of the commune and of each village: last year's and this year's. Each year asks a
	 * little more than the last, as a real plan does; the demo reports climb towards them.
	 */
	private static final Map<String, int[]> PERCENTAGES = Map.of("KTS01", new int[] { 70, 80 }, "XHS01",
			new int[] { 80, 90 }, "XHS02", new int[] { 70, 80 }, "XHS03", new int[] { 80, 92 }, "XHS04",
			new int[] { 60, 70 }, "XHS05", new int[] { 52, 60 }, "XHS06", new int[] { 26, 30 }, "XHS07",
			new int[] { 84, 95 });

	/** Yearly counts of help given, per 100 households of a village: last year's and this year's. */
	private static final Map<String, int[]> PER_HUNDRED_HOUSEHOLDS = Map.of("CQS04", new int[] { 50, 60 }, "KTS02",
			new int[] { 2, 3 }, "KTS03", new int[] { 15, 20 }, "XHS08", new int[] { 25, 30 });

	private final TargetRepository targets;

	private final IndicatorService indicators;

	private final UnitService units;

	private final Clock clock;

	DemoTargets(TargetRepository targets, IndicatorService indicators, UnitService units, Clock clock) {
		this.targets = targets;
		this.indicators = indicators;
		this.units = units;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		// the demo's committee: the district of 2022, or the city it became part of in 2025
		UnitSummary area = units.findOpen(UnitLevel.DISTRICT, "298").orElseGet(units::root);
		if (targets.count() > 0) {
			return;
		}
		int thisYear = LocalDate.now(clock).getYear();
		List<Target> all = new ArrayList<>();
		for (int which = 0; which < 2; which++) {
			// each year's targets are set for the communes and villages of the 1st of January
			int year = thisYear - 1 + which;
			LocalDate newYear = LocalDate.of(year, 1, 1);
			for (UnitSummary commune : units.communesOn(area, newYear)) {
				List<UnitSummary> villages = units.villagesOn(List.of(commune.id()), newYear);
				if (villages.isEmpty()) {
					continue;
				}
				for (IndicatorSummary indicator : indicators.active()) {
					all.addAll(targetsOf(indicator, commune, villages, year, which));
				}
			}
		}
		targets.saveAll(all);
		log.info("Demo data: {} targets for {} and {} in {}", all.size(), thisYear - 1, thisYear, area.code());
	}

	/** {@code which} picks last year's (0) or this year's (1) figure of the tables above. */
	private List<Target> targetsOf(IndicatorSummary indicator, UnitSummary commune, List<UnitSummary> villages,
			int year, int which) {
		List<Target> made = new ArrayList<>();
		boolean uneven = UNEVEN.contains(commune.code());
		if (PERCENTAGES.containsKey(indicator.code())) {
			int percent = PERCENTAGES.get(indicator.code())[which];
			made.add(target(indicator, commune, year, percent));
			for (int i = 0; i < villages.size(); i++) {
				made.add(target(indicator, villages.get(i), year, uneven && i == 0 ? Math.min(100, percent + 8) : percent));
			}
		}
		else if (PER_HUNDRED_HOUSEHOLDS.containsKey(indicator.code())) {
			int rate = PER_HUNDRED_HOUSEHOLDS.get(indicator.code())[which];
			long total = 0;
			for (int i = 0; i < villages.size(); i++) {
				long share = Math.max(1, Denominator.HOUSEHOLDS.of(villages.get(i)) * rate / 100);
				made.add(target(indicator, villages.get(i), year, uneven && i == 0 ? share + 10 : share));
				total += share;
			}
			made.add(target(indicator, commune, year, total));
		}
		else if ("CQS05".equals(indicator.code())) {
			made.add(target(indicator, commune, year, villages.size()));
		}
		else if ("CQS06".equals(indicator.code())) {
			made.add(target(indicator, commune, year, villages.size() * 5 + 6));
		}
		return made;
	}

	private static Target target(IndicatorSummary indicator, UnitSummary unit, int year, long value) {
		return new Target(indicator.id(), unit.id(), year, BigDecimal.valueOf(value).setScale(2, RoundingMode.UNNECESSARY));
	}

}
