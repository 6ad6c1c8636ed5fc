package vn.cnscd.portal.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

import vn.cnscd.portal.IntegrationTest;

/**
 * The database keeps {@code village_figure} current by rebuilding only the rows a change can move. Random
 * changes made straight in SQL, as a generator or a fixture would make them (reports inserted in any order of
 * months, sent, returned, moved to another month or village, removed; values added, edited, removed; several
 * rows in one statement), must leave the rows equal to a computation from scratch after every statement. The
 * computation here is written without the triggers' window functions: each value's "until" is the next month
 * the village sent the indicator, its year to date the sum of the year's sent values up to it.
 */
@IntegrationTest
@Transactional
class VillageFigureTriggerTests {

	private static final List<String> STATUSES = List.of("DRAFT", "SUBMITTED", "APPROVED", "RETURNED");

	private static final LocalDate FIRST = LocalDate.of(2040, 1, 1);

	@Autowired
	JdbcClient jdbc;

	List<Long> villages;

	List<Long> indicators;

	@BeforeEach
	void threeVillagesWithoutReports() {
		villages = jdbc.sql("SELECT id FROM unit WHERE level = 'VILLAGE' ORDER BY id LIMIT 3").query(Long.class).list();
		indicators = jdbc.sql("SELECT id FROM indicator WHERE active AND village_reported ORDER BY id LIMIT 3")
			.query(Long.class)
			.list();
		jdbc.sql("DELETE FROM village_report_value WHERE report_id IN (SELECT id FROM village_report WHERE village_id IN (:v))")
			.param("v", villages)
			.update();
		jdbc.sql("DELETE FROM village_report WHERE village_id IN (:v)").param("v", villages).update();
	}

	@Test
	void everyStatementLeavesTheFiguresAsAFromScratchComputation() {
		Random random = new Random(65);
		for (int step = 0; step < 500; step++) {
			String what = change(random);
			assertThat(actual()).as("after step %d: %s", step, what).isEqualTo(expected());
		}
		assertThat(jdbc.sql("SELECT count(*) FROM village_figure WHERE village_id IN (:v)")
			.param("v", villages)
			.query(Long.class)
			.single()).as("the history played sent some values").isPositive();
	}

	private String change(Random random) {
		long village = villages.get(random.nextInt(villages.size()));
		LocalDate period = FIRST.plusMonths(random.nextInt(30));
		List<Long> reports = jdbc.sql("SELECT id FROM village_report WHERE village_id IN (:v) ORDER BY id")
			.param("v", villages)
			.query(Long.class)
			.list();
		int choice = reports.isEmpty() ? 0 : random.nextInt(10);
		long report = reports.isEmpty() ? 0 : reports.get(random.nextInt(reports.size()));
		long indicator = indicators.get(random.nextInt(indicators.size()));
		String status = STATUSES.get(random.nextInt(STATUSES.size()));
		switch (choice) {
			case 0, 1 -> {
				jdbc.sql("""
						INSERT INTO village_report (village_id, period, status, submitted_at)
						VALUES (:village, :period, :status, now()) ON CONFLICT DO NOTHING""")
					.param("village", village)
					.param("period", period)
					.param("status", status)
					.update();
				return "report of " + village + " at " + period + " " + status;
			}
			case 2 -> {
				jdbc.sql("UPDATE village_report SET status = :status WHERE id = :id")
					.param("status", status)
					.param("id", report)
					.update();
				return "report " + report + " " + status;
			}
			case 3 -> {
				jdbc.sql("""
						UPDATE village_report SET status = :status
						WHERE village_id = :village AND period BETWEEN :period AND :period + interval '8 months'""")
					.param("status", status)
					.param("village", village)
					.param("period", period)
					.update();
				return "reports of " + village + " from " + period + " " + status;
			}
			case 4 -> {
				jdbc.sql("""
						UPDATE village_report SET period = :period, village_id = :village WHERE id = :id
						AND NOT EXISTS (SELECT 1 FROM village_report o WHERE o.village_id = :village AND o.period = :period)""")
					.param("period", period)
					.param("village", village)
					.param("id", report)
					.update();
				return "report " + report + " moved to " + village + " at " + period;
			}
			case 5 -> {
				jdbc.sql("DELETE FROM village_report_value WHERE report_id = :id").param("id", report).update();
				jdbc.sql("DELETE FROM village_report WHERE id = :id").param("id", report).update();
				return "report " + report + " removed";
			}
			case 6 -> {
				jdbc.sql("""
						INSERT INTO village_report_value (report_id, indicator_id, value)
						SELECT r.id, :indicator, :value FROM village_report r WHERE r.village_id = :village
						ON CONFLICT (report_id, indicator_id) DO UPDATE SET value = excluded.value""")
					.param("indicator", indicator)
					.param("value", random.nextInt(50))
					.param("village", village)
					.update();
				return "indicator " + indicator + " in every report of " + village;
			}
			case 7 -> {
				jdbc.sql("""
						INSERT INTO village_report_value (report_id, indicator_id, value) VALUES (:id, :indicator, :value)
						ON CONFLICT DO NOTHING""")
					.param("id", report)
					.param("indicator", indicator)
					.param("value", random.nextInt(50))
					.update();
				return "value of " + indicator + " in report " + report;
			}
			case 8 -> {
				jdbc.sql("UPDATE village_report_value SET value = :value WHERE report_id = :id")
					.param("value", random.nextInt(50))
					.param("id", report)
					.update();
				return "values of report " + report + " edited";
			}
			default -> {
				jdbc.sql("DELETE FROM village_report_value WHERE report_id = :id AND indicator_id = :indicator")
					.param("id", report)
					.param("indicator", indicator)
					.update();
				return "value of " + indicator + " removed from report " + report;
			}
		}
	}

	private List<String> actual() {
		return jdbc.sql("""
				SELECT concat_ws(' ', village_id, indicator_id, period, value, until, year_to_date) FROM village_figure
				WHERE village_id IN (:v) ORDER BY village_id, indicator_id, period""")
			.param("v", villages)
			.query(String.class)
			.list();
	}

	private List<String> expected() {
		return jdbc.sql("""
				WITH sent AS (
				  SELECT r.village_id, v.indicator_id, r.period, v.value
				  FROM village_report r JOIN village_report_value v ON v.report_id = r.id
				  WHERE r.village_id IN (:v) AND r.status IN ('SUBMITTED', 'APPROVED'))
				SELECT concat_ws(' ', s.village_id, s.indicator_id, s.period, s.value,
				  coalesce((SELECT min(n.period) FROM sent n WHERE n.village_id = s.village_id
				            AND n.indicator_id = s.indicator_id AND n.period > s.period), DATE 'infinity'),
				  (SELECT sum(y.value) FROM sent y WHERE y.village_id = s.village_id AND y.indicator_id = s.indicator_id
				   AND y.period <= s.period AND extract(year FROM y.period) = extract(year FROM s.period)))
				FROM sent s ORDER BY s.village_id, s.indicator_id, s.period""")
			.param("v", villages)
			.query(String.class)
			.list();
	}

}
