package vn.cnscd.portal.reporting;

import java.time.YearMonth;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Months of approved reports for every generated village (codes starting with M), in SQL: each report's values
 * in one statement, so that the database works out the villages' figures once for all of them.
 */
public final class GeneratedReports {

	private GeneratedReports() {
	}

	public static void generate(JdbcTemplate jdbc, YearMonth lastMonth, int months) {
		jdbc.update("""
				INSERT INTO village_report (village_id, period, status, sessions_held, residents_guided, households_visited,
				  submitted_at, late, updated_at)
				SELECT u.id, m.period, 'APPROVED', 2, 30, 10, m.period + interval '1 month 3 days', (u.id + m.n) % 9 = 0,
				       m.period + interval '1 month 3 days'
				FROM unit u
				CROSS JOIN (SELECT (CAST(? AS date) - make_interval(months => n))::date AS period, n
				            FROM generate_series(0, ? - 1) n) m
				WHERE u.level = 'VILLAGE' AND u.code LIKE 'M%'""", lastMonth.atDay(1), months);
		jdbc.update("""
				INSERT INTO village_report_value (report_id, indicator_id, value)
				SELECT r.id, i.id, CASE WHEN i.kind = 'STOCK' THEN LEAST(u.households, 50 + (r.id % 100)) ELSE r.id % 20 END
				FROM village_report r
				JOIN unit u ON u.id = r.village_id AND u.code LIKE 'M%'
				CROSS JOIN indicator i WHERE i.active AND i.village_reported""");
	}

	/** How many village reports there are in all. */
	public static long count(JdbcTemplate jdbc) {
		return jdbc.queryForObject("SELECT count(*) FROM village_report", Long.class);
	}

}
