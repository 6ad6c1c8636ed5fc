package vn.cnscd.portal.reporting;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.cnscd.portal.area.UnitLevel;
import vn.cnscd.portal.area.UnitService;
import vn.cnscd.portal.area.UnitSummary;
import vn.cnscd.portal.indicator.Denominator;
import vn.cnscd.portal.indicator.IndicatorKind;
import vn.cnscd.portal.indicator.IndicatorService;
import vn.cnscd.portal.indicator.IndicatorSummary;
import vn.cnscd.portal.indicator.TargetService;

/**
 * Demo data of a local run: monthly reports for every demo village from May 2022 (the last 24 months where
 * the demo keeps the 2022 tree), up to the month being collected now, telling a story that could have happened. Each village does about as well as its targets
 * ask (80 to 105 % of the pace): a STOCK level climbs towards each year's target, a FLOW adds up to about the
 * year's target by December. Nothing is dated after now: the month being collected has only the reports sent
 * so far, those who will be late have not sent yet, and a report is late only when it was sent after its due
 * date. Most reports are approved, some were returned, some villages have not sent the last months; the demo
 * village head's report of the month being collected is left for them to write. Loaded once, after the demo
 * targets.
 */
@Component
@Profile("!prod")
@ConditionalOnBooleanProperty(name = "portal.demo-data", matchIfMissing = true)
@Order(50)
class DemoReports implements ApplicationRunner {

	static final int MONTHS = 24;

	/** The story's first month: the teams were established in April 2022 and reported from May, as the plan says. */
	static final YearMonth FIRST_MONTH = YearMonth.of(2022, 5);

	private static final Logger log = LoggerFactory.getLogger(DemoReports.class);

	private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

	private static final List<String> OBSTACLES = List.of("Sóng điện thoại di động yếu ở cuối thôn.",
			"Nhiều người cao tuổi chưa có điện thoại thông minh.",
			"Người dân còn e ngại mở tài khoản thanh toán điện tử.",
			"Thiếu kinh phí in tài liệu hướng dẫn.", "Thành viên tổ bận mùa vụ, ít thời gian hỗ trợ người dân.");

	private final JdbcTemplate jdbc;

	private final UnitService units;

	private final IndicatorService indicators;

	private final TargetService targets;

	private final Deadlines deadlines;

	/** Whether the demo tells its 2025 (area's DemoReorganisations): then its reports go back to May 2022. */
	private final boolean story;

	DemoReports(JdbcTemplate jdbc, UnitService units, IndicatorService indicators, TargetService targets,
			Deadlines deadlines, @Value("${portal.demo-data.reorganise:true}") boolean story) {
		this.story = story;
		this.jdbc = jdbc;
		this.units = units;
		this.indicators = indicators;
		this.targets = targets;
		this.deadlines = deadlines;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		// the demo's committee: the district of 2022, or the city it became part of in 2025
		UnitSummary area = units.findOpen(UnitLevel.DISTRICT, "298").orElseGet(units::root);
		Integer existing = jdbc.queryForObject("SELECT count(*) FROM village_report", Integer.class);
		if (existing == null || existing > 0) {
			return;
		}
		List<IndicatorSummary> reported = indicators.villageReportIndicators();
		Long chair = jdbc.query("SELECT id FROM app_user WHERE username = 'commune'", rs -> rs.next() ? rs.getLong(1) : null);
		YearMonth last = deadlines.reportingMonth();
		Random random = new Random(2022);
		int count = 0;
		int villageIndex = 0;
		List<Object[]> values = new ArrayList<>();
		int months = story ? (int) FIRST_MONTH.until(last, ChronoUnit.MONTHS) + 1 : MONTHS;
		for (UnitSummary commune : units.openChildren(area.id())) {
			for (UnitSummary village : units.openChildren(commune.id())) {
				villageIndex++;
				Plan plan = new Plan(village, reported, random);
				for (int back = months - 1; back >= 0; back--) {
					YearMonth month = last.minusMonths(back);
					boolean demoVillage = "11074-01".equals(village.code());
					if ((back == 0 && (demoVillage || villageIndex % 6 == 0)) || (back == 1 && villageIndex % 17 == 0)
							|| (back == 2 && villageIndex % 29 == 0)) {
						continue;
					}
					if (insert(village, month, reported, plan, random, back, chair, values)) {
						count++;
					}
				}
			}
		}
		// in one statement, so that the database works out the villages' figures once
		jdbc.update("""
				INSERT INTO village_report_value (report_id, indicator_id, value)
				SELECT * FROM unnest(CAST(? AS bigint[]), CAST(? AS bigint[]), CAST(? AS integer[]))""",
				values.stream().map(row -> row[0]).toArray(Long[]::new),
				values.stream().map(row -> row[1]).toArray(Long[]::new),
				values.stream().map(row -> row[2]).toArray(Integer[]::new));
		log.info("Demo data: {} village reports over {} months up to {}", count, months, last);
	}

	/**
	 * How well one village does against its targets: a share of the pace each indicator's target asks for,
	 * and each year's target (a STOCK's share of households or adults, a FLOW's count).
	 */
	private final class Plan {

		private final UnitSummary village;

		private final Map<Long, Double> pace = new HashMap<>();

		private final Map<Integer, Map<Long, BigDecimal>> byYear = new HashMap<>();

		Plan(UnitSummary village, List<IndicatorSummary> reported, Random random) {
			this.village = village;
			reported.forEach(indicator -> pace.put(indicator.id(), 0.8 + random.nextDouble() * 0.25));
		}

		/** The village's target of a year; a year without one is taken as a little below the next year's. */
		double target(IndicatorSummary indicator, int year, int depth) {
			BigDecimal set = byYear.computeIfAbsent(year, y -> targets.targets(village.id(), y)).get(indicator.id());
			if (set != null) {
				return set.doubleValue();
			}
			if (depth > 2) {
				return indicator.kind() == IndicatorKind.STOCK ? 50 : 12;
			}
			return target(indicator, year + 1, depth + 1) * (indicator.kind() == IndicatorKind.STOCK ? 0.88 : 0.9);
		}

		/** A STOCK's level at the end of the month: from last December's target share to this December's. */
		int level(IndicatorSummary indicator, YearMonth month) {
			double from = target(indicator, month.getYear() - 1, 0);
			double to = target(indicator, month.getYear(), 0);
			double share = (from + (to - from) * month.getMonthValue() / 12.0) / 100 * pace.get(indicator.id());
			int base = indicator.denominator() == Denominator.HOUSEHOLDS ? village.households() : village.adults();
			return (int) Math.round(base * Math.min(0.98, share));
		}

		/** A FLOW's count of the month: a twelfth of the year's target at the village's pace, give or take. */
		int count(IndicatorSummary indicator, YearMonth month, Random random) {
			double monthly = target(indicator, month.getYear(), 0) / 12 * pace.get(indicator.id());
			return (int) Math.round(monthly * (0.7 + random.nextDouble() * 0.6));
		}

	}

	/** Inserts the village's report of the month, unless it is one that would only be sent after now. */
	private boolean insert(UnitSummary village, YearMonth month, List<IndicatorSummary> reported, Plan plan,
			Random random, int back, Long reviewer, List<Object[]> values) {
		Instant now = deadlines.now();
		LocalDate due = deadlines.villageDue(month);
		boolean meantLate = random.nextInt(100) < 12;
		LocalDate sentOn = meantLate ? due.plusDays(1 + random.nextInt(6)) : due.minusDays(random.nextInt(5));
		Instant sentAt = at(sentOn, 8 + random.nextInt(12), random.nextInt(60));
		if (sentAt.isAfter(now)) {
			// the month is being collected: the late have not sent yet, the others sent between its end and now
			Instant opened = at(month.plusMonths(1).atDay(1), 7, 0);
			if (meantLate || !now.isAfter(opened)) {
				return false;
			}
			sentAt = opened.plusSeconds((long) (random.nextDouble() * (now.getEpochSecond() - opened.getEpochSecond())));
		}
		boolean late = deadlines.isLate(sentAt, due);
		Instant reviewedAt = before(now, sentAt.plusSeconds(86_400));
		boolean returned = back < 3 && random.nextInt(100) < 5;
		String status = returned ? "RETURNED" : back < 2 ? "SUBMITTED" : "APPROVED";
		String obstacles = random.nextInt(100) < 15 ? OBSTACLES.get(random.nextInt(OBSTACLES.size())) : null;
		Long id = jdbc.queryForObject("""
				INSERT INTO village_report (village_id, period, status, sessions_held, residents_guided, households_visited,
				  obstacles, submitted_at, submitted_by, late, reviewed_at, reviewed_by, return_reason, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?) RETURNING id""", Long.class, village.id(),
				month.atDay(1), status, 1 + random.nextInt(4), 10 + random.nextInt(60),
				Math.min(village.households(), 5 + random.nextInt(30)), obstacles, Timestamp.from(sentAt), late,
				"APPROVED".equals(status) || returned ? Timestamp.from(reviewedAt) : null,
				"APPROVED".equals(status) || returned ? reviewer : null,
				returned ? "Số liệu chưa khớp với sổ theo dõi của thôn, đề nghị kiểm tra lại." : null,
				Timestamp.from("SUBMITTED".equals(status) ? sentAt : reviewedAt));
		if (obstacles != null) {
			obstacle(village, month, id, obstacles, sentAt, now, reviewer);
		}
		for (IndicatorSummary indicator : reported) {
			int value = indicator.kind() == IndicatorKind.STOCK ? plan.level(indicator, month)
					: plan.count(indicator, month, random);
			values.add(new Object[] { id, indicator.id(), value });
		}
		return true;
	}

	/** An obstacle raised with the report: answered three days later and resolved after twenty, where now allows. */
	private void obstacle(UnitSummary village, YearMonth month, long reportId, String text, Instant raisedAt,
			Instant now, Long reviewer) {
		Instant answeredAt = raisedAt.plusSeconds(3 * 86_400L);
		Instant resolvedAt = raisedAt.plusSeconds(20 * 86_400L);
		String state = resolvedAt.isBefore(now) ? "RESOLVED" : answeredAt.isBefore(now) && reviewer != null ? "ANSWERED"
				: "OPEN";
		Long obstacle = jdbc.queryForObject("""
				INSERT INTO obstacle (unit_id, period, source, source_id, text, status, raised_at, resolved_at)
				VALUES (?, ?, 'VILLAGE_REPORT', ?, ?, ?, ?, ?) RETURNING id""", Long.class, village.id(), month.atDay(1),
				reportId, text, state, Timestamp.from(raisedAt),
				"RESOLVED".equals(state) ? Timestamp.from(resolvedAt) : null);
		if (!"OPEN".equals(state) && reviewer != null) {
			jdbc.update("""
					INSERT INTO obstacle_answer (obstacle_id, author_id, author_name, author_role, text, answered_at)
					VALUES (?, ?, 'Phạm Văn Đức', 'COMMUNE_CHAIR', ?, ?)""", obstacle, reviewer,
					"Xã đã ghi nhận và làm việc với đơn vị liên quan; sẽ thông báo kết quả trong tháng tới.",
					Timestamp.from(answeredAt));
		}
	}

	private static Instant at(LocalDate day, int hour, int minute) {
		return day.atTime(LocalTime.of(hour, minute)).atZone(ZONE).toInstant();
	}

	/** The instant, or now where it would be later. */
	private static Instant before(Instant now, Instant instant) {
		return instant.isAfter(now) ? now : instant;
	}

}
