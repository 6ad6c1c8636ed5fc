package vn.cnscd.portal.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

import vn.cnscd.portal.IntegrationTest;
import vn.cnscd.portal.MutableClock;
import vn.cnscd.portal.area.Actor;
import vn.cnscd.portal.area.Role;
import vn.cnscd.portal.area.UnitLevel;
import vn.cnscd.portal.area.UnitService;
import vn.cnscd.portal.area.UnitSummary;
import vn.cnscd.portal.indicator.IndicatorKind;
import vn.cnscd.portal.indicator.IndicatorService;
import vn.cnscd.portal.indicator.IndicatorSummary;

/**
 * The figures of the read API against a computation from scratch over the raw reports. A random history of
 * two communes' villages over 24 months is played through the services, in the order of time, as people would
 * make it: drafts, submissions on time and late, returns and resubmissions with other values, approvals, and
 * unlocks of approved reports months later with edited values sent again. Then every month's counts and every
 * month's, quarter's and year to date's figures, and the trends, must equal what the raw rows say.
 */
@IntegrationTest
@Transactional
class ReportFiguresHistoryTests {

	private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

	private static final YearMonth FIRST = YearMonth.of(2031, 1);

	private static final int MONTHS = 24;

	@Autowired
	VillageReportService reports;

	@Autowired
	ReportFigures figures;

	@Autowired
	UnitService units;

	@Autowired
	IndicatorService indicators;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	List<UnitSummary> communes;

	List<UnitSummary> villages;

	List<IndicatorSummary> reported;

	long anyUser;

	@BeforeEach
	void twoCommunesWithoutReports() {
		jdbc.sql("DELETE FROM village_report_value").update();
		jdbc.sql("DELETE FROM village_report").update();
		communes = List.of(units.findOpen(UnitLevel.COMMUNE, "11074").orElseThrow(),
				units.findOpen(UnitLevel.COMMUNE, "11083").orElseThrow());
		villages = communes.stream().flatMap(commune -> units.openChildren(commune.id()).stream()).toList();
		reported = indicators.villageReportIndicators();
		anyUser = jdbc.sql("SELECT id FROM app_user WHERE username = 'village'").query(Long.class).single();
	}

	@Test
	void everyFigureEqualsTheRawReportsAfterARandomHistory() {
		play(history(new Random(13)));

		Raw raw = raw();
		List<Long> communeIds = communes.stream().map(UnitSummary::id).toList();
		Set<Long> expected = villagesWithTeam();
		for (int i = 0; i < MONTHS + 3; i++) {
			YearMonth month = FIRST.plusMonths(i);
			Map<Long, ReportFigures.ReportCounts> counts = figures.counts(communeIds, month);
			for (UnitSummary commune : communes) {
				assertThat(counts.get(commune.id())).as("counts of %s in %s", commune.code(), month)
					.isEqualTo(raw.counts(commune, month, expected));
			}
			YearMonth january = YearMonth.of(month.getYear(), 1);
			YearMonth quarterStart = YearMonth.of(month.getYear(), (month.getMonthValue() - 1) / 3 * 3 + 1);
			for (YearMonth from : List.of(month, quarterStart, january)) {
				Map<Long, ReportFigures.Values> values = figures.values(communeIds, from, month);
				for (UnitSummary commune : communes) {
					assertThat(values.get(commune.id()).byIndicator()).as("%s from %s to %s", commune.code(), from, month)
						.isEqualTo(raw.values(List.of(commune), from, month));
					assertThat(values.get(commune.id()).yearToDate())
						.as("%s from January to %s, read with %s", commune.code(), month, from)
						.isEqualTo(raw.values(List.of(commune), january, month));
				}
			}
		}
		YearMonth last = FIRST.plusMonths(MONTHS + 2);
		Map<YearMonth, Map<Long, Long>> trends = figures.monthly(communeIds, FIRST.minusMonths(2), last,
				ReportFigures.View.AS_REPORTED, LocalDate.now(clock));
		for (YearMonth month = FIRST.minusMonths(2); !month.isAfter(last); month = month.plusMonths(1)) {
			assertThat(trends.getOrDefault(month, Map.of())).as("trend at %s", month)
				.isEqualTo(raw.values(communes, month, month));
		}
	}

	@Test
	void aReportCountsAsSentInTheDatabaseExactlyWhenItsStatusSaysSo() {
		for (ReportStatus status : ReportStatus.values()) {
			assertThat(jdbc.sql("SELECT village_report_sent(:status)").param("status", status.name())
				.query(Boolean.class)
				.single()).as(status.name()).isEqualTo(status.sent());
		}
	}

	/** Something a person does to a village's report of a month, at a time. */
	record Step(LocalDate day, int order, UnitSummary village, YearMonth month, String action, int seed) {
	}

	List<Step> history(Random random) {
		List<Step> steps = new ArrayList<>();
		int order = 0;
		for (UnitSummary village : villages) {
			for (int i = 0; i < MONTHS; i++) {
				YearMonth month = FIRST.plusMonths(i);
				int draw = random.nextInt(100);
				if (draw < 12) {
					continue;
				}
				LocalDate day = month.plusMonths(1).atDay(1 + random.nextInt(9));
				if (draw < 18) {
					steps.add(new Step(day, order++, village, month, "draft", random.nextInt()));
					continue;
				}
				steps.add(new Step(day, order++, village, month, "submit", random.nextInt()));
				if (random.nextInt(100) < 30) {
					day = day.plusDays(1 + random.nextInt(3));
					steps.add(new Step(day, order++, village, month, "return", 0));
					if (random.nextInt(100) < 20) {
						continue;
					}
					day = day.plusDays(1 + random.nextInt(3));
					steps.add(new Step(day, order++, village, month, "draft", random.nextInt()));
					steps.add(new Step(day, order++, village, month, "submit", random.nextInt()));
				}
				if (random.nextInt(100) < 60) {
					day = day.plusDays(1 + random.nextInt(5));
					steps.add(new Step(day, order++, village, month, "approve", 0));
					if (random.nextInt(100) < 15) {
						day = month.plusMonths(2 + random.nextInt(3)).atDay(1 + random.nextInt(20));
						steps.add(new Step(day, order++, village, month, "unlock", 0));
						if (random.nextInt(100) < 70) {
							steps.add(new Step(day.plusDays(1), order++, village, month, "submit", random.nextInt()));
						}
					}
				}
			}
		}
		steps.sort(Comparator.comparing(Step::day).thenComparing(Step::order));
		return steps;
	}

	void play(List<Step> steps) {
		Actor chair = null;
		for (Step step : steps) {
			clock.set(step.day().atTime(LocalTime.of(10, 0)).atZone(ZONE).toInstant());
			UnitSummary commune = units.get(step.village().parentId());
			Actor head = new Actor(anyUser, "head", "Trưởng thôn", Role.VILLAGE_HEAD, step.village().id(),
					List.of(step.village().path()));
			chair = new Actor(anyUser, "chair", "Chủ tịch xã", Role.COMMUNE_CHAIR, commune.id(), List.of(commune.path()));
			Actor officer = new Actor(anyUser, "officer", "Cán bộ", Role.OFFICER, commune.parentId(),
					List.of(units.get(commune.parentId()).path()));
			Long version = reports.find(step.village().id(), step.month()).map(VillageReport::getVersion).orElse(null);
			switch (step.action()) {
				case "draft", "submit" -> {
					SaveOutcome outcome = reports.save(head, reports.village(head, step.village().id()), step.month(),
							content(step.seed()),
							step.action().equals("submit"), version, "form-" + step.order());
					assertThat(outcome).isIn(SaveOutcome.SAVED, SaveOutcome.SUBMITTED);
				}
				case "return" -> reports.giveBack(chair, step.village().id(), step.month(), "Kiểm tra lại", version);
				case "approve" -> reports.approve(chair, step.village().id(), step.month(), version);
				case "unlock" -> reports.unlock(officer, step.village().id(), step.month(), "Sửa số liệu", version);
				default -> throw new IllegalArgumentException(step.action());
			}
		}
		clock.reset();
	}

	ReportContent content(int seed) {
		Random random = new Random(seed);
		Map<Long, ReportValue> values = new HashMap<>();
		for (IndicatorSummary indicator : reported) {
			if (random.nextInt(100) < 90) {
				values.put(indicator.id(), new ReportValue(random.nextInt(500), "Số hộ chuyển đi"));
			}
		}
		return new ReportContent(values, random.nextInt(4), random.nextInt(50), random.nextInt(30), null, null);
	}

	Set<Long> villagesWithTeam() {
		return new HashSet<>(jdbc.sql("SELECT unit_id FROM team WHERE status = 'ACTIVE'").query(Long.class).list());
	}

	/** The stored reports as they are, and the figures worked out from them with nothing but the rules. */
	record Raw(Map<Long, Map<YearMonth, RawReport>> byVillage, Map<Long, IndicatorSummary> indicators,
			Map<Long, List<UnitSummary>> villagesOf) {

		static final Set<String> SENT = Set.of("SUBMITTED", "APPROVED");

		ReportFigures.ReportCounts counts(UnitSummary commune, YearMonth month, Set<Long> withTeam) {
			int villages = 0;
			int expected = 0;
			int sent = 0;
			int late = 0;
			int returned = 0;
			for (UnitSummary village : villagesOf.get(commune.id())) {
				villages++;
				if (!withTeam.contains(village.id())) {
					continue;
				}
				expected++;
				RawReport report = byVillage.getOrDefault(village.id(), Map.of()).get(month);
				if (report != null && SENT.contains(report.status())) {
					sent++;
					late += Boolean.TRUE.equals(report.late()) ? 1 : 0;
				}
				returned += report != null && report.status().equals("RETURNED") ? 1 : 0;
			}
			return new ReportFigures.ReportCounts(villages, expected, sent, sent - late, late, expected - sent, returned);
		}

		/** A FLOW's sum over the months, a STOCK's sum of each village's latest sent value up to {@code to}. */
		Map<Long, Long> values(List<UnitSummary> communes, YearMonth from, YearMonth to) {
			Map<Long, Long> totals = new HashMap<>();
			for (UnitSummary commune : communes) {
				for (UnitSummary village : villagesOf.get(commune.id())) {
					TreeMap<YearMonth, RawReport> sent = byVillage.getOrDefault(village.id(), Map.of())
						.entrySet()
						.stream()
						.filter(entry -> SENT.contains(entry.getValue().status()))
						.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
					for (IndicatorSummary indicator : indicators.values()) {
						Long value = null;
						if (indicator.kind() == IndicatorKind.STOCK) {
							for (RawReport report : sent.headMap(to, true).descendingMap().values()) {
								if (report.values().containsKey(indicator.id())) {
									value = report.values().get(indicator.id());
									break;
								}
							}
						}
						else {
							for (RawReport report : sent.subMap(from, true, to, true).values()) {
								if (report.values().containsKey(indicator.id())) {
									value = (value == null ? 0 : value) + report.values().get(indicator.id());
								}
							}
						}
						if (value != null) {
							totals.merge(indicator.id(), value, Long::sum);
						}
					}
				}
			}
			return totals;
		}

	}

	record RawReport(String status, Boolean late, Map<Long, Long> values) {
	}

	Raw raw() {
		Map<Long, Map<YearMonth, RawReport>> byVillage = new HashMap<>();
		jdbc.sql("""
				SELECT r.village_id, r.period, r.status, r.late, v.indicator_id, v.value
				FROM village_report r LEFT JOIN village_report_value v ON v.report_id = r.id""").query((rs, n) -> {
			RawReport fresh = new RawReport(rs.getString("status"), (Boolean) rs.getObject("late"), new HashMap<>());
			RawReport report = byVillage.computeIfAbsent(rs.getLong("village_id"), id -> new HashMap<>())
				.computeIfAbsent(YearMonth.from(rs.getObject("period", LocalDate.class)), month -> fresh);
			if (rs.getObject("indicator_id") != null) {
				report.values().put(rs.getLong("indicator_id"), rs.getLong("value"));
			}
			return null;
		}).list();
		Map<Long, List<UnitSummary>> villagesOf = communes.stream()
			.collect(Collectors.toMap(UnitSummary::id, commune -> villages.stream()
				.filter(village -> village.parentId() == commune.id())
				.toList()));
		assertThat(byVillage.values().stream().mapToInt(Map::size).sum()).as("reports played")
			.isGreaterThan(villages.size() * MONTHS / 2);
		return new Raw(byVillage,
				reported.stream().collect(Collectors.toMap(IndicatorSummary::id, indicator -> indicator)), villagesOf);
	}

}
