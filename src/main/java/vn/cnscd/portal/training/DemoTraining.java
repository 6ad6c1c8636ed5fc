package vn.cnscd.portal.training;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.cnscd.portal.area.UnitLevel;
import vn.cnscd.portal.area.UnitService;
import vn.cnscd.portal.area.UnitSummary;

/**
 * Demo training data of a local run: a few district sessions from 2022 to 2026, each attended by part of
 * the members; this year's plan for every team but one in six, so that the district's list of missing plans
 * has something to show; and three commendation proposals, one waiting, one approved, one rejected. Never
 * under the prod profile; loaded once, after the demo teams.
 */
@Component
@Profile("!prod")
@ConditionalOnBooleanProperty(name = "portal.demo-data", matchIfMissing = true)
@Order(70)
class DemoTraining implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoTraining.class);

	private record Session(LocalDate heldOn, TrainingMode mode, List<TrainingTopic> topics, String organiser,
			String place) {
	}

	private static final List<Session> SESSIONS = List.of(
			new Session(LocalDate.of(2022, 6, 10), TrainingMode.IN_PERSON,
					List.of(TrainingTopic.PUBLIC_SERVICES, TrainingTopic.EPIDEMIC_APPS), "UBND huyện Tứ Kỳ",
					"Hội trường UBND huyện Tứ Kỳ"),
			new Session(LocalDate.of(2023, 3, 15), TrainingMode.ONLINE,
					List.of(TrainingTopic.E_PAYMENT, TrainingTopic.E_COMMERCE), "Sở Thông tin và Truyền thông tỉnh Hải Dương",
					"https://hop.haiduong.gov.vn/tap-huan-cnscd-2023"),
			new Session(LocalDate.of(2024, 5, 20), TrainingMode.IN_PERSON,
					List.of(TrainingTopic.DIGITAL_STORES, TrainingTopic.E_COMMERCE), "Phòng Văn hóa và Thông tin huyện",
					"Nhà văn hóa thị trấn Tứ Kỳ"),
			new Session(LocalDate.of(2025, 4, 12), TrainingMode.ONLINE,
					List.of(TrainingTopic.HEALTH_RECORDS, TrainingTopic.VIRTUAL_ASSISTANT),
					"Sở Thông tin và Truyền thông tỉnh Hải Dương", "https://hop.haiduong.gov.vn/tap-huan-cnscd-2025"),
			new Session(LocalDate.of(2026, 3, 18), TrainingMode.IN_PERSON,
					List.of(TrainingTopic.PUBLIC_SERVICES, TrainingTopic.E_PAYMENT, TrainingTopic.OTHER),
					"UBND huyện Tứ Kỳ", "Hội trường UBND huyện Tứ Kỳ"));

	private static final List<String> ACTIVITIES = List.of("Họp tổ, phân công thành viên phụ trách từng cụm dân cư",
			"Hướng dẫn người dân cài đặt và kích hoạt tài khoản định danh điện tử",
			"Hỗ trợ hộ kinh doanh mở cửa hàng số trên sàn thương mại điện tử",
			"Hướng dẫn thanh toán không dùng tiền mặt tại chợ và cửa hàng",
			"Tổng kết năm, đề xuất khen thưởng thành viên tiêu biểu");

	private static final int[] MONTHS = { 1, 3, 5, 8, 12 };

	private final JdbcClient jdbc;

	private final UnitService units;

	private final Clock clock;

	DemoTraining(JdbcClient jdbc, UnitService units, Clock clock) {
		this.jdbc = jdbc;
		this.units = units;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		UnitSummary district = units.findOpen(UnitLevel.DISTRICT, "298").orElse(null);
		if (district == null || jdbc.sql("SELECT count(*) FROM team").query(Long.class).single() == 0
				|| jdbc.sql("SELECT count(*) FROM training_session").query(Long.class).single() > 0) {
			return;
		}
		LocalDate today = LocalDate.now(clock);
		int sessions = 0;
		for (int i = 0; i < SESSIONS.size(); i++) {
			Session session = SESSIONS.get(i);
			if (session.heldOn().isAfter(today)) {
				continue;
			}
			sessions++;
			long id = jdbc.sql("""
					INSERT INTO training_session (district_id, held_on, mode, organiser, place)
					VALUES (:district, :heldOn, :mode, :organiser, :place) RETURNING id""")
				.param("district", district.id())
				.param("heldOn", session.heldOn())
				.param("mode", session.mode().name())
				.param("organiser", session.organiser())
				.param("place", session.place())
				.query(Long.class)
				.single();
			for (TrainingTopic topic : session.topics()) {
				jdbc.sql("INSERT INTO training_topic (session_id, topic) VALUES (:session, :topic)")
					.param("session", id)
					.param("topic", topic.name())
					.update();
			}
			// every leader at the first session, then a different part of the members at each, so that some
			// members attend several sessions and some none
			jdbc.sql("""
					INSERT INTO training_attendance (session_id, member_id)
					SELECT :session, m.id FROM team_member m
					WHERE m.joined_on <= :heldOn AND (m.left_on IS NULL OR m.left_on >= :heldOn)
					  AND ((:first AND m.team_role = 'LEADER') OR m.id % 5 = :part)""")
				.param("session", id)
				.param("heldOn", session.heldOn())
				.param("first", i == 0)
				.param("part", i)
				.update();
		}
		int year = today.getYear();
		List<Long> planned = jdbc.sql("SELECT id FROM team WHERE status = 'ACTIVE' AND id % 6 <> 0 ORDER BY id")
			.query(Long.class)
			.list();
		for (long team : planned) {
			long plan = jdbc.sql("INSERT INTO activity_plan (team_id, year, version) VALUES (:team, :year, 1) RETURNING id")
				.param("team", team)
				.param("year", year)
				.query(Long.class)
				.single();
			for (int i = 0; i < ACTIVITIES.size(); i++) {
				jdbc.sql("""
						INSERT INTO activity_plan_item (plan_id, position, month, activity, person_in_charge, status)
						SELECT :plan, :position, :month, :activity,
						       (SELECT full_name FROM team_member WHERE team_id = :team AND left_on IS NULL
						        ORDER BY CASE team_role WHEN 'LEADER' THEN 0 WHEN 'DEPUTY' THEN 1 ELSE 2 END, id LIMIT 1),
						       :status""")
					.param("plan", plan)
					.param("position", i)
					.param("month", MONTHS[i])
					.param("activity", ACTIVITIES.get(i))
					.param("team", team)
					.param("status", status(MONTHS[i], today, team).name())
					.update();
			}
		}
		commendations(year);
		log.info("Demo data: {} training sessions, {} activity plans for {}", sessions, planned.size(), year);
	}

	private static PlanItemStatus status(int month, LocalDate today, long team) {
		if (month < today.getMonthValue()) {
			return team % 9 == 0 ? PlanItemStatus.CANCELLED : PlanItemStatus.DONE;
		}
		return month == today.getMonthValue() ? PlanItemStatus.IN_PROGRESS : PlanItemStatus.PLANNED;
	}

	/** Proposed and decided now, by the portal's clock: demo data never tells of a later time. */
	private void commendations(int year) {
		Timestamp now = Timestamp.from(clock.instant());
		List<Long> communeTeams = jdbc.sql("""
				SELECT t.id FROM team t JOIN unit u ON u.id = t.unit_id
				WHERE t.level = 'COMMUNE' AND t.status = 'ACTIVE' AND u.code IN ('11074', '11083') ORDER BY u.code""")
			.query(Long.class)
			.list();
		if (communeTeams.size() < 2) {
			return;
		}
		jdbc.sql("""
				INSERT INTO commendation (team_id, reason, period, proposed_by_name, proposed_at)
				VALUES (:team, 'Hoàn thành xuất sắc nhiệm vụ hướng dẫn người dân sử dụng dịch vụ công trực tuyến.',
				        :period, 'Phạm Văn Đức', :now)""")
			.param("team", communeTeams.get(0))
			.param("period", "Năm " + year)
			.param("now", now)
			.update();
		jdbc.sql("""
				INSERT INTO commendation (team_id, member_id, reason, period, proposed_by_name, status, decision_note,
				                          decided_by_name, decided_at, version, proposed_at)
				SELECT m.team_id, m.id, 'Hướng dẫn hơn 200 hộ dân cài đặt ứng dụng định danh điện tử.', :period,
				       'Phạm Văn Đức', 'APPROVED', 'Tặng Giấy khen của Chủ tịch UBND huyện.', 'Nguyễn Thị Hương', :now, 1,
				       :now
				FROM team_member m WHERE m.team_id = :team AND m.left_on IS NULL ORDER BY m.id LIMIT 1""")
			.param("team", communeTeams.get(0))
			.param("period", "Quý II/" + year)
			.param("now", now)
			.update();
		jdbc.sql("""
				INSERT INTO commendation (team_id, reason, period, proposed_by_name, status, decision_note, decided_by_name,
				                          decided_at, version, proposed_at)
				VALUES (:team, 'Duy trì sinh hoạt tổ đều đặn hằng tháng.', :period, 'Nguyễn Thị Hương', 'REJECTED',
				        'Chưa có kết quả cụ thể; đề xuất lại vào cuối năm.', 'Nguyễn Thị Hương', :now, 1, :now)""")
			.param("team", communeTeams.get(1))
			.param("period", "Quý I/" + year)
			.param("now", now)
			.update();
	}

}
