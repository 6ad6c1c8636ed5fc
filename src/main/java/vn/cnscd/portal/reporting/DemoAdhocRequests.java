package vn.cnscd.portal.reporting;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
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
import vn.cnscd.portal.indicator.IndicatorService;
import vn.cnscd.portal.indicator.IndicatorSummary;

/**
 * Demo data of a local run: two ad hoc requests of the committee (the district, or the city of 2025). One
 * went to every commune with villages and its deadline has passed: most communes answered, some late, the demo
 * chair's commune (11074) not yet (its chair sees it on the home page). The other goes to that commune's
 * villages and is still open: a few answered, the demo village head's
 * village not yet. Loaded once.
 */
@Component
@Profile("!prod")
@ConditionalOnBooleanProperty(name = "portal.demo-data", matchIfMissing = true)
@Order(60)
class DemoAdhocRequests implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoAdhocRequests.class);

	private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

	private final JdbcTemplate jdbc;

	private final UnitService units;

	private final IndicatorService indicators;

	private final Deadlines deadlines;

	DemoAdhocRequests(JdbcTemplate jdbc, UnitService units, IndicatorService indicators, Deadlines deadlines) {
		this.jdbc = jdbc;
		this.units = units;
		this.indicators = indicators;
		this.deadlines = deadlines;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		// the demo's committee and its officer: the district of 2022, or the city it became part of in 2025
		UnitSummary committee = units.findOpen(UnitLevel.DISTRICT, "298").orElseGet(units::root);
		UnitSummary township = units.findOpen(UnitLevel.COMMUNE, "11074").orElse(null);
		Long officer = jdbc.query("SELECT id FROM app_user WHERE username IN ('city', 'district') ORDER BY username",
				rs -> rs.next() ? rs.getLong(1) : null);
		Integer existing = jdbc.queryForObject("SELECT count(*) FROM adhoc_request", Integer.class);
		if (township == null || officer == null || existing == null || existing > 0) {
			return;
		}
		// each request asks for the figure its questions are about: smartphones, then households in the Zalo group
		IndicatorSummary smartphones = indicator("XHS01");
		IndicatorSummary zaloGroup = indicator("XHS07");
		if (smartphones == null || zaloGroup == null) {
			return;
		}
		Random random = new Random(2023);
		LocalDate today = deadlines.today();

		LocalDate pastDeadline = today.minusDays(10);
		long survey = request(committee, officer, "Rà soát người dân chưa có điện thoại thông minh",
				"""
						1. Số hộ trên địa bàn chưa có điện thoại thông minh là bao nhiêu?
						2. Xã có đề xuất hỗ trợ thiết bị cho hộ nghèo, hộ cận nghèo không?
						3. Những khó khăn khi hướng dẫn người cao tuổi sử dụng ứng dụng số.""",
				pastDeadline, List.of(smartphones));
		// the communes the demo has villages in (the city's others are names only)
		List<UnitSummary> communes = units.openChildren(committee.id())
			.stream()
			.filter(commune -> !units.openChildren(commune.id()).isEmpty())
			.toList();
		int answered = 0;
		for (int i = 0; i < communes.size(); i++) {
			UnitSummary commune = communes.get(i);
			address(survey, commune);
			if (commune.id() == township.id() || i % 4 == 3) {
				continue;
			}
			LocalDate sentOn = i % 5 == 1 ? pastDeadline.plusDays(1 + random.nextInt(5))
					: pastDeadline.minusDays(random.nextInt(6));
			long adults = units.openChildren(commune.id()).stream().mapToLong(village -> village.adults()).sum();
			answer(survey, commune, sentOn, deadlines.now(), pastDeadline, random,
					Map.of(smartphones, Math.round(adults * (0.75 + random.nextDouble() * 0.15))),
					"1. Khoảng " + (20 + random.nextInt(80)) + " hộ chưa có điện thoại thông minh.\n"
							+ "2. Đề nghị hỗ trợ thiết bị cho các hộ nghèo.\n"
							+ "3. Người cao tuổi khó nhớ mật khẩu, cần hướng dẫn nhiều lần.");
			answered++;
		}

		long zalo = request(committee, officer, "Báo cáo nhanh tình hình nhóm Zalo của thôn",
				"""
						1. Nhóm Zalo của thôn đã có bao nhiêu hộ tham gia?
						2. Ai là quản trị nhóm?""",
				today.plusDays(10), List.of(zaloGroup));
		List<UnitSummary> villages = units.openChildren(township.id());
		for (int i = 0; i < villages.size(); i++) {
			UnitSummary village = villages.get(i);
			address(zalo, village);
			if (i % 2 == 1 && !"11074-01".equals(village.code())) {
				answer(zalo, village, today.minusDays(1), deadlines.now(), today.plusDays(10), random,
						Map.of(zaloGroup, Math.round(village.households() * (0.7 + random.nextDouble() * 0.25))),
						"1. Đa số hộ đã tham gia nhóm.\n2. Trưởng thôn quản trị nhóm.");
				answered++;
			}
		}
		log.info("Demo data: 2 ad hoc requests, {} answers", answered);
	}

	private long request(UnitSummary committee, long officer, String title, String questions, LocalDate deadline,
			List<IndicatorSummary> asked) {
		Instant createdAt = deadline.minusDays(14).atTime(LocalTime.of(8, 30)).atZone(ZONE).toInstant();
		Long id = jdbc.queryForObject("""
				INSERT INTO adhoc_request (district_id, title, questions, deadline, created_by, created_at)
				VALUES (?, ?, ?, ?, ?, ?) RETURNING id""", Long.class, committee.id(), title, questions, deadline, officer,
				Timestamp.from(createdAt.isAfter(deadlines.now()) ? deadlines.now() : createdAt));
		asked.forEach(indicator -> jdbc.update("INSERT INTO adhoc_request_indicator (request_id, indicator_id) VALUES (?, ?)",
				id, indicator.id()));
		return id;
	}

	private void address(long request, UnitSummary unit) {
		jdbc.update("INSERT INTO adhoc_request_unit (request_id, unit_id) VALUES (?, ?)", request, unit.id());
	}

	/** An answer sent on the day (never after now), late only if after the deadline, with its figures. */
	private void answer(long request, UnitSummary unit, LocalDate sentOn, Instant now, LocalDate deadline,
			Random random, Map<IndicatorSummary, Long> values, String text) {
		Instant sentAt = sentOn.atTime(LocalTime.of(8 + random.nextInt(10), random.nextInt(60))).atZone(ZONE).toInstant();
		if (sentAt.isAfter(now)) {
			sentAt = now;
		}
		Long id = jdbc.queryForObject("""
				INSERT INTO adhoc_response (request_id, unit_id, answers, submitted_at, submitted_by, late)
				VALUES (?, ?, ?, ?, NULL, ?) RETURNING id""", Long.class, request, unit.id(), text,
				Timestamp.from(sentAt), deadlines.isLate(sentAt, deadline));
		values.forEach((indicator, value) -> jdbc.update(
				"INSERT INTO adhoc_response_value (response_id, indicator_id, value) VALUES (?, ?, ?)", id, indicator.id(),
				value));
	}

	private IndicatorSummary indicator(String code) {
		return indicators.villageReportIndicators()
			.stream()
			.filter(indicator -> indicator.code().equals(code))
			.findFirst()
			.orElse(null);
	}

}
