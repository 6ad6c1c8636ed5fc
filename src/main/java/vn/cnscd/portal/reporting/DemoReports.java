package vn.cnscd.portal.reporting;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

/**
 * Demo data of a local run: 24 months of monthly reports for every demo village, up to the month being
 * collected now. STOCK values grow month by month towards most households or adults; most reports are
 * approved, some were sent late, some were returned, and some villages have not sent the last months. The
 * demo village head's report of the month being collected is left for them to write. Loaded once.
 */
@Component
@Profile("!prod")
@ConditionalOnBooleanProperty(name = "portal.demo-data", matchIfMissing = true)
@Order(50)
class DemoReports implements ApplicationRunner {

	static final int MONTHS = 24;

	private static final Logger log = LoggerFactory.getLogger(DemoReports.class);

	private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

	private static final List<String> OBSTACLES = List.of("Sóng điện thoại di động yếu ở cuối thôn.",
			"Nhiều người cao tuổi chưa có điện thoại thông minh.",
			"Người dân còn e ngại mở tài khoản thanh toán điện tử.",
			"Thiếu kinh phí in tài liệu hướng dẫn.", "Thành viên tổ bận mùa vụ, ít thời gian hỗ trợ người dân.");

	private final JdbcTemplate jdbc;

	private final UnitService units;

	private final IndicatorService indicators;

	private final Deadlines deadlines;

	DemoReports(JdbcTemplate jdbc, UnitService units, IndicatorService indicators, Deadlines deadlines) {
		this.jdbc = jdbc;
		this.units = units;
		this.indicators = indicators;
		this.deadlines = deadlines;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		UnitSummary district = units.findOpen(UnitLevel.DISTRICT, "298").orElse(null);
		Integer existing = jdbc.queryForObject("SELECT count(*) FROM village_report", Integer.class);
		if (district == null || existing == null || existing > 0) {
			return;
		}
		List<IndicatorSummary> reported = indicators.villageReportIndicators();
		Long chair = jdbc.query("SELECT id FROM app_user WHERE username = 'commune'", rs -> rs.next() ? rs.getLong(1) : null);
		YearMonth last = deadlines.reportingMonth();
		Random random = new Random(2022);
		int count = 0;
		int villageIndex = 0;
		List<Object[]> values = new ArrayList<>();
		for (UnitSummary commune : units.openChildren(district.id())) {
			Long head = null;
			for (UnitSummary village : units.openChildren(commune.id())) {
				villageIndex++;
				Map<Long, Double> level = new HashMap<>();
				reported.forEach(indicator -> level.put(indicator.id(), 0.25 + random.nextDouble() * 0.2));
				for (int back = MONTHS - 1; back >= 0; back--) {
					YearMonth month = last.minusMonths(back);
					boolean demoVillage = "11074-01".equals(village.code());
					if ((back == 0 && (demoVillage || villageIndex % 6 == 0)) || (back == 1 && villageIndex % 17 == 0)
							|| (back == 2 && villageIndex % 29 == 0)) {
						continue;
					}
					level.replaceAll((id, share) -> Math.min(0.95, share + random.nextDouble() * 0.03));
					insert(village, month, reported, level, random, back, chair, values);
					count++;
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
		log.info("Demo data: {} village reports over {} months up to {}", count, MONTHS, last);
	}

	private void insert(UnitSummary village, YearMonth month, List<IndicatorSummary> reported, Map<Long, Double> level,
			Random random, int back, Long reviewer, List<Object[]> values) {
		LocalDate due = deadlines.villageDue(month);
		boolean late = random.nextInt(100) < 12;
		LocalDate sentOn = late ? due.plusDays(1 + random.nextInt(6)) : due.minusDays(random.nextInt(5));
		Instant sentAt = sentOn.atTime(LocalTime.of(8 + random.nextInt(12), random.nextInt(60))).atZone(ZONE).toInstant();
		boolean returned = back < 3 && random.nextInt(100) < 5;
		String status = returned ? "RETURNED" : back < 2 ? "SUBMITTED" : "APPROVED";
		String obstacles = random.nextInt(100) < 15 ? OBSTACLES.get(random.nextInt(OBSTACLES.size())) : null;
		Long id = jdbc.queryForObject("""
				INSERT INTO village_report (village_id, period, status, sessions_held, residents_guided, households_visited,
				  obstacles, submitted_at, submitted_by, late, reviewed_at, reviewed_by, return_reason, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?) RETURNING id""", Long.class, village.id(),
				month.atDay(1), status, 1 + random.nextInt(4), 10 + random.nextInt(60),
				Math.min(village.households(), 5 + random.nextInt(30)), obstacles, Timestamp.from(sentAt), late,
				"APPROVED".equals(status) || returned ? Timestamp.from(sentAt.plusSeconds(86_400)) : null,
				"APPROVED".equals(status) || returned ? reviewer : null,
				returned ? "Số liệu chưa khớp với sổ theo dõi của thôn, đề nghị kiểm tra lại." : null,
				Timestamp.from(sentAt));
		if (obstacles != null) {
			String state = back > 3 ? "RESOLVED" : back > 1 ? "ANSWERED" : "OPEN";
			Long obstacle = jdbc.queryForObject("""
					INSERT INTO obstacle (unit_id, period, source, source_id, text, status, raised_at, resolved_at)
					VALUES (?, ?, 'VILLAGE_REPORT', ?, ?, ?, ?, ?) RETURNING id""", Long.class, village.id(), month.atDay(1), id,
					obstacles, state, Timestamp.from(sentAt),
					"RESOLVED".equals(state) ? Timestamp.from(sentAt.plusSeconds(20 * 86_400L)) : null);
			if (!"OPEN".equals(state) && reviewer != null) {
				jdbc.update("""
						INSERT INTO obstacle_answer (obstacle_id, author_id, author_name, author_role, text, answered_at)
						VALUES (?, ?, 'Phạm Văn Đức', 'COMMUNE_CHAIR', ?, ?)""", obstacle, reviewer,
						"Xã đã ghi nhận và làm việc với đơn vị liên quan; sẽ thông báo kết quả trong tháng tới.",
						Timestamp.from(sentAt.plusSeconds(3 * 86_400L)));
			}
		}
		for (IndicatorSummary indicator : reported) {
			int value;
			if (indicator.kind() == IndicatorKind.STOCK) {
				int base = indicator.denominator() == Denominator.HOUSEHOLDS ? village.households() : village.adults();
				value = (int) Math.round(base * level.get(indicator.id()));
			}
			else {
				value = random.nextInt(25);
			}
			values.add(new Object[] { id, indicator.id(), value });
		}
	}

}
