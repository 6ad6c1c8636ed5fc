package vn.cnscd.portal.reporting;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
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
 * Demo data of a local run: two ad hoc requests of the district. One went to every commune and its deadline
 * has passed: most communes answered, some late, Thị trấn Tứ Kỳ not yet (its chair sees it on the home page).
 * The other goes to the villages of Thị trấn Tứ Kỳ and is still open: a few answered, the demo village head's
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
		UnitSummary district = units.findOpen(UnitLevel.DISTRICT, "298").orElse(null);
		UnitSummary township = units.findOpen(UnitLevel.COMMUNE, "11074").orElse(null);
		Long officer = jdbc.query("SELECT id FROM app_user WHERE username = 'district'", rs -> rs.next() ? rs.getLong(1) : null);
		Integer existing = jdbc.queryForObject("SELECT count(*) FROM adhoc_request", Integer.class);
		if (district == null || township == null || officer == null || existing == null || existing > 0) {
			return;
		}
		// counts a commune or a village can give at once, not shares of its households
		List<IndicatorSummary> counted = indicators.villageReportIndicators()
			.stream()
			.filter(indicator -> !indicator.percentage())
			.toList();
		Random random = new Random(2023);
		LocalDate today = deadlines.today();

		LocalDate pastDeadline = today.minusDays(10);
		long survey = request(district, officer, "Rà soát người dân chưa có điện thoại thông minh",
				"""
						1. Số hộ trên địa bàn chưa có điện thoại thông minh là bao nhiêu?
						2. Xã có đề xuất hỗ trợ thiết bị cho hộ nghèo, hộ cận nghèo không?
						3. Những khó khăn khi hướng dẫn người cao tuổi sử dụng ứng dụng số.""",
				pastDeadline, counted.stream().limit(2).toList());
		List<UnitSummary> communes = units.openChildren(district.id());
		int answered = 0;
		for (int i = 0; i < communes.size(); i++) {
			UnitSummary commune = communes.get(i);
			address(survey, commune);
			if (commune.id() == township.id() || i % 4 == 3) {
				continue;
			}
			boolean late = i % 5 == 1;
			LocalDate sentOn = late ? pastDeadline.plusDays(1 + random.nextInt(5)) : pastDeadline.minusDays(random.nextInt(6));
			answer(survey, commune, sentOn, late, random, counted.stream().limit(2).toList(),
					"1. Khoảng " + (20 + random.nextInt(80)) + " hộ chưa có điện thoại thông minh.\n"
							+ "2. Đề nghị hỗ trợ thiết bị cho các hộ nghèo.\n"
							+ "3. Người cao tuổi khó nhớ mật khẩu, cần hướng dẫn nhiều lần.");
			answered++;
		}

		long zalo = request(district, officer, "Báo cáo nhanh tình hình nhóm Zalo của thôn",
				"""
						1. Nhóm Zalo của thôn đã có bao nhiêu hộ tham gia?
						2. Ai là quản trị nhóm?""",
				today.plusDays(10), counted.stream().limit(1).toList());
		List<UnitSummary> villages = units.openChildren(township.id());
		for (int i = 0; i < villages.size(); i++) {
			UnitSummary village = villages.get(i);
			address(zalo, village);
			if (i % 2 == 1 && !"11074-01".equals(village.code())) {
				answer(zalo, village, today.minusDays(1), false, random, counted.stream().limit(1).toList(),
						"1. Đa số hộ đã tham gia nhóm.\n2. Trưởng thôn quản trị nhóm.");
				answered++;
			}
		}
		log.info("Demo data: 2 ad hoc requests, {} answers", answered);
	}

	private long request(UnitSummary district, long officer, String title, String questions, LocalDate deadline,
			List<IndicatorSummary> asked) {
		Instant createdAt = deadline.minusDays(14).atTime(LocalTime.of(8, 30)).atZone(ZONE).toInstant();
		Long id = jdbc.queryForObject("""
				INSERT INTO adhoc_request (district_id, title, questions, deadline, created_by, created_at)
				VALUES (?, ?, ?, ?, ?, ?) RETURNING id""", Long.class, district.id(), title, questions, deadline, officer,
				Timestamp.from(createdAt.isAfter(deadlines.now()) ? deadlines.now() : createdAt));
		asked.forEach(indicator -> jdbc.update("INSERT INTO adhoc_request_indicator (request_id, indicator_id) VALUES (?, ?)",
				id, indicator.id()));
		return id;
	}

	private void address(long request, UnitSummary unit) {
		jdbc.update("INSERT INTO adhoc_request_unit (request_id, unit_id) VALUES (?, ?)", request, unit.id());
	}

	private void answer(long request, UnitSummary unit, LocalDate sentOn, boolean late, Random random,
			List<IndicatorSummary> asked, String text) {
		Instant sentAt = sentOn.atTime(LocalTime.of(8 + random.nextInt(10), random.nextInt(60))).atZone(ZONE).toInstant();
		Long id = jdbc.queryForObject("""
				INSERT INTO adhoc_response (request_id, unit_id, answers, submitted_at, submitted_by, late)
				VALUES (?, ?, ?, ?, NULL, ?) RETURNING id""", Long.class, request, unit.id(), text,
				Timestamp.from(sentAt), late);
		asked.forEach(indicator -> jdbc.update(
				"INSERT INTO adhoc_response_value (response_id, indicator_id, value) VALUES (?, ?, ?)", id, indicator.id(),
				10 + random.nextInt(200)));
	}

}
