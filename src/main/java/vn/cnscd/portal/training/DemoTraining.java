package vn.cnscd.portal.training;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

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
import vn.cnscd.portal.team.MemberEntry;
import vn.cnscd.portal.team.TeamDirectory;
import vn.cnscd.portal.team.TeamEntry;
import vn.cnscd.portal.team.TeamRole;

/**
 * Demo training data of a local run: a few sessions of the committee (the district, or the city of 2025)
 * from 2022 to 2026, each attended by part of the members; this year's plan for every team but one in six, so
 * that the committee's list of missing plans has something to show; and three commendation proposals, one waiting, one approved, one rejected. Never
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

	private final TeamDirectory teams;

	private final Clock clock;

	DemoTraining(JdbcClient jdbc, UnitService units, TeamDirectory teams, Clock clock) {
		this.jdbc = jdbc;
		this.units = units;
		this.teams = teams;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		// the demo's committee: the district of 2022, or the city it became part of in 2025
		UnitSummary committee = units.findOpen(UnitLevel.DISTRICT, "298").orElseGet(units::root);
		if (jdbc.sql("SELECT count(*) FROM training_session").query(Long.class).single() > 0) {
			return;
		}
		List<TeamEntry> active = teams.activeTeamsUnder(committee);
		if (active.isEmpty()) {
			return;
		}
		List<MemberEntry> members = teams.membersOf(active.stream().map(TeamEntry::id).toList(), true);
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
				.param("district", committee.id())
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
			int part = i;
			boolean first = i == 0;
			Long[] attendees = members.stream()
				.filter(member -> member.memberOn(session.heldOn()))
				.filter(member -> (first && member.role() == TeamRole.LEADER) || member.id() % 5 == part)
				.map(MemberEntry::id)
				.toArray(Long[]::new);
			jdbc.sql("""
					INSERT INTO training_attendance (session_id, member_id)
					SELECT :session, member FROM unnest(:members) AS member""")
				.param("session", id)
				.param("members", attendees)
				.update();
		}
		int year = today.getYear();
		// the first active member of each team by role (leader, deputy, others) is in charge of its plan
		Map<Long, String> inCharge = new LinkedHashMap<>();
		members.stream().filter(MemberEntry::active).forEach(member -> inCharge.putIfAbsent(member.teamId(), member.fullName()));
		List<Long> planned = active.stream().map(TeamEntry::id).filter(team -> team % 6 != 0).sorted().toList();
		for (long team : planned) {
			long plan = jdbc.sql("INSERT INTO activity_plan (team_id, year, version) VALUES (:team, :year, 1) RETURNING id")
				.param("team", team)
				.param("year", year)
				.query(Long.class)
				.single();
			for (int i = 0; i < ACTIVITIES.size(); i++) {
				jdbc.sql("""
						INSERT INTO activity_plan_item (plan_id, position, month, activity, person_in_charge, status)
						VALUES (:plan, :position, :month, :activity, :person, :status)""")
					.param("plan", plan)
					.param("position", i)
					.param("month", MONTHS[i])
					.param("activity", ACTIVITIES.get(i))
					.param("person", inCharge.get(team))
					.param("status", status(MONTHS[i], today, team).name())
					.update();
			}
		}
		commendations(active, members, year);
		log.info("Demo data: {} training sessions, {} activity plans for {}", sessions, planned.size(), year);
	}

	private static PlanItemStatus status(int month, LocalDate today, long team) {
		if (month < today.getMonthValue()) {
			return team % 9 == 0 ? PlanItemStatus.CANCELLED : PlanItemStatus.DONE;
		}
		return month == today.getMonthValue() ? PlanItemStatus.IN_PROGRESS : PlanItemStatus.PLANNED;
	}

	/** Proposed and decided now, by the portal's clock: demo data never tells of a later time. */
	private void commendations(List<TeamEntry> active, List<MemberEntry> members, int year) {
		Timestamp now = Timestamp.from(clock.instant());
		List<TeamEntry> communeTeams = Stream.of("11074", "11083")
			.flatMap(code -> units.findOpen(UnitLevel.COMMUNE, code).stream())
			.flatMap(commune -> active.stream()
				.filter(team -> team.level() == UnitLevel.COMMUNE && team.unitId() == commune.id())
				.findFirst()
				.stream())
			.toList();
		if (communeTeams.size() < 2) {
			return;
		}
		TeamEntry first = communeTeams.get(0);
		jdbc.sql("""
				INSERT INTO commendation (team_id, unit_id, reason, period, proposed_by_name, proposed_at)
				VALUES (:team, :unit, 'Hoàn thành xuất sắc nhiệm vụ hướng dẫn người dân sử dụng dịch vụ công trực tuyến.',
				        :period, 'Phạm Văn Đức', :now)""")
			.param("now", now)
			.param("team", first.id())
			.param("unit", first.unitId())
			.param("period", "Năm " + year)
			.update();
		members.stream()
			.filter(member -> member.teamId() == first.id() && member.active())
			.min(Comparator.comparing(MemberEntry::id))
			.ifPresent(member -> jdbc.sql("""
					INSERT INTO commendation (team_id, unit_id, member_id, reason, period, proposed_by_name, status,
					                          decision_note, decided_by_name, decided_at, version, proposed_at)
					VALUES (:team, :unit, :member, 'Hướng dẫn hơn 200 hộ dân cài đặt ứng dụng định danh điện tử.', :period,
					        'Phạm Văn Đức', 'APPROVED', 'Tặng Giấy khen của Chủ tịch UBND huyện.', 'Nguyễn Thị Hương', :now, 1,
					        :now)""")
				.param("now", now)
				.param("team", first.id())
				.param("unit", first.unitId())
				.param("member", member.id())
				.param("period", "Quý II/" + year)
				.update());
		TeamEntry second = communeTeams.get(1);
		jdbc.sql("""
				INSERT INTO commendation (team_id, unit_id, reason, period, proposed_by_name, status, decision_note,
				                          decided_by_name, decided_at, version, proposed_at)
				VALUES (:team, :unit, 'Duy trì sinh hoạt tổ đều đặn hằng tháng.', :period, 'Nguyễn Thị Hương', 'REJECTED',
				        'Chưa có kết quả cụ thể; đề xuất lại vào cuối năm.', 'Nguyễn Thị Hương', :now, 1, :now)""")
			.param("now", now)
			.param("team", second.id())
			.param("unit", second.unitId())
			.param("period", "Quý I/" + year)
			.update();
	}

}
