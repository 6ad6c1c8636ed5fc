package vn.cnscd.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.cnscd.portal.area.Actor;
import vn.cnscd.portal.area.Role;
import vn.cnscd.portal.area.SearchText;
import vn.cnscd.portal.area.UnitLevel;
import vn.cnscd.portal.area.UnitService;
import vn.cnscd.portal.area.UnitSummary;
import vn.cnscd.portal.dashboard.Dashboard;
import vn.cnscd.portal.dashboard.DashboardService;
import vn.cnscd.portal.dashboard.Progress;
import vn.cnscd.portal.indicator.IndicatorKind;
import vn.cnscd.portal.reporting.Deadlines;

/**
 * Issue #12 item 4: the demo data tells a story that could have happened, checked on the data as generated
 * (every test of the portal starts on it): no time after now by the portal's clock, late exactly when sent after
 * the due date, targets a real plan would set, and ad hoc requests asking for the figures they are about.
 */
@IntegrationTest
@Order(1)
class DemoDataTests {

	/**
	 * Dates that are meant to lie ahead: a request's deadline, and the month until which a village's figure is its
	 * latest (a date far ahead while no later report replaces it). Every other date and time column of the demo
	 * tables is something that has happened.
	 */
	static final Set<String> MAY_BE_AHEAD = Set.of("adhoc_request.deadline", "village_figure.until");

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Autowired
	Deadlines deadlines;

	@Autowired
	UnitService units;

	@Autowired
	DashboardService dashboards;

	@Test
	void nothingHappensAfterNow() {
		Instant now = clock.instant();
		LocalDate today = LocalDate.now(clock);
		List<Map<String, Object>> columns = jdbc.sql("""
				SELECT table_name, column_name, data_type FROM information_schema.columns
				WHERE table_schema = 'public' AND data_type IN ('date', 'timestamp with time zone')
				  AND table_name NOT LIKE 'flyway%' AND table_name NOT LIKE 'spring_session%'
				ORDER BY table_name, column_name""").query().listOfRows();
		assertThat(columns).hasSizeGreaterThan(15);
		List<String> ahead = new ArrayList<>();
		for (Map<String, Object> column : columns) {
			String name = column.get("table_name") + "." + column.get("column_name");
			if (MAY_BE_AHEAD.contains(name)) {
				continue;
			}
			Object latest = jdbc.sql("SELECT max(" + column.get("column_name") + ") FROM " + column.get("table_name"))
				.query()
				.singleColumn()
				.get(0);
			if (latest instanceof Timestamp time && time.toInstant().isAfter(now)) {
				ahead.add(name + " " + time.toInstant());
			}
			if (latest instanceof java.sql.Date date && date.toLocalDate().isAfter(today)) {
				ahead.add(name + " " + date);
			}
		}
		assertThat(ahead).as("dates and times after now (%s)", now).isEmpty();
		assertThat(jdbc.sql("SELECT count(*) FROM village_report WHERE reviewed_at < submitted_at")
			.query(Long.class).single()).isZero();
		assertThat(jdbc.sql("""
				SELECT count(*) FROM obstacle_answer a JOIN obstacle o ON o.id = a.obstacle_id WHERE a.answered_at < o.raised_at""")
			.query(Long.class).single()).isZero();
	}

	@Test
	void lateMeansSentAfterTheDueDate() {
		List<String> wrong = new ArrayList<>();
		jdbc.sql("SELECT id, period, submitted_at, late FROM village_report WHERE submitted_at IS NOT NULL")
			.query((rs, row) -> {
				YearMonth month = YearMonth.from(rs.getObject("period", LocalDate.class));
				boolean late = deadlines.isLate(rs.getTimestamp("submitted_at").toInstant(), deadlines.villageDue(month));
				if (late != rs.getBoolean("late")) {
					wrong.add("village report " + rs.getLong("id") + " of " + month);
				}
				return null;
			})
			.list();
		jdbc.sql("""
				SELECT s.id, s.submitted_at, s.late, r.deadline FROM adhoc_response s JOIN adhoc_request r ON r.id = s.request_id""")
			.query((rs, row) -> {
				boolean late = deadlines.isLate(rs.getTimestamp("submitted_at").toInstant(),
						rs.getObject("deadline", LocalDate.class));
				if (late != rs.getBoolean("late")) {
					wrong.add("ad hoc answer " + rs.getLong("id"));
				}
				return null;
			})
			.list();
		assertThat(jdbc.sql("SELECT count(*) FROM village_report WHERE late").query(Long.class).single()).isPositive();
		assertThat(wrong).isEmpty();
	}

	/**
	 * The district's year to date against its targets, on the dashboard's month: a STOCK between 60 % and
	 * 110 % of its target, a FLOW on 60 % to 110 % of the pace its year's target asks by that month.
	 */
	@Test
	void targetsAreThoseOfARealPlan() {
		UnitSummary district = units.findOpen(UnitLevel.DISTRICT, "298").orElseThrow();
		Actor officer = new Actor(0, "district", "District", Role.OFFICER, district.id(),
				List.of(district.path()));
		YearMonth month = dashboards.defaultMonth();
		Dashboard dashboard = dashboards.dashboard(officer, district, month);
		List<Progress> targeted = dashboard.total().progress().stream().filter(p -> p.ratio() != null).toList();
		assertThat(targeted).hasSizeGreaterThan(5);
		List<String> implausible = new ArrayList<>();
		for (Progress progress : targeted) {
			double pace = progress.indicator().kind() == IndicatorKind.STOCK ? progress.ratio()
					: progress.ratio() / (month.getMonthValue() / 12.0);
			if (pace < 0.6 || pace > 1.1) {
				implausible.add("%s %.1f %% (%s of %s by %s)".formatted(progress.indicator().code(),
						progress.ratio() * 100, progress.achieved(), progress.targetCount(), month));
			}
		}
		assertThat(implausible).isEmpty();
	}

	/** A request about the Zalo groups asks for the Zalo figure: title and indicator share a run of words. */
	@Test
	void eachAdhocRequestAsksForTheFigureItIsAbout() {
		List<Map<String, Object>> asked = jdbc.sql("""
				SELECT r.title, i.code, i.name_vi FROM adhoc_request r
				JOIN adhoc_request_indicator a ON a.request_id = r.id JOIN indicator i ON i.id = a.indicator_id
				ORDER BY r.id, i.code""").query().listOfRows();
		assertThat(asked).isNotEmpty();
		for (Map<String, Object> row : asked) {
			assertThat(sharesThreeWords((String) row.get("title"), (String) row.get("name_vi")))
				.as("%s asks for %s %s", row.get("title"), row.get("code"), row.get("name_vi"))
				.isTrue();
		}
	}

	static boolean sharesThreeWords(String one, String other) {
		List<String> words = Arrays.asList(SearchText.fold(one).split(" "));
		String folded = " " + SearchText.fold(other) + " ";
		for (int i = 0; i + 3 <= words.size(); i++) {
			if (folded.contains(" " + String.join(" ", words.subList(i, i + 3)) + " ")) {
				return true;
			}
		}
		return false;
	}

}
