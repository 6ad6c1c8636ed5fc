package vn.cnscd.portal.reporting;

import java.time.YearMonth;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Months of approved reports for every generated village (codes starting with the prefix), with an obstacle raised
 * in one report in ten, in SQL: each report's values in one statement, so that the database works out the villages'
 * figures once for all of them.
 */
public final class GeneratedReports {

	private GeneratedReports() {
	}

	public static void generate(JdbcTemplate jdbc, String prefix, YearMonth lastMonth, int months) {
		jdbc.update("""
				INSERT INTO village_report (village_id, period, status, sessions_held, residents_guided, households_visited,
				  submitted_at, late, updated_at)
				SELECT u.id, m.period, 'APPROVED', 2, 30, 10, m.period + interval '1 month 3 days', (u.id + m.n) % 9 = 0,
				       m.period + interval '1 month 3 days'
				FROM unit u
				CROSS JOIN (SELECT (CAST(? AS date) - make_interval(months => n))::date AS period, n
				            FROM generate_series(0, ? - 1) n) m
				WHERE u.level = 'VILLAGE' AND u.code LIKE ? || '%'""", lastMonth.atDay(1), months, prefix);
		jdbc.update("""
				INSERT INTO village_report_value (report_id, indicator_id, value)
				SELECT r.id, i.id, CASE WHEN i.kind = 'STOCK' THEN LEAST(u.households, 50 + (r.id % 100)) ELSE r.id % 20 END
				FROM village_report r
				JOIN unit u ON u.id = r.village_id AND u.code LIKE ? || '%'
				CROSS JOIN indicator i WHERE i.active AND i.village_reported""", prefix);
		// one report in ten raises an obstacle, most of them answered or resolved since
		jdbc.update("""
				INSERT INTO obstacle (unit_id, period, source, source_id, text, status, raised_at, resolved_at)
				SELECT r.village_id, r.period, 'VILLAGE_REPORT', r.id, 'Thiếu thiết bị để hướng dẫn người dân',
				       CASE r.id % 3 WHEN 0 THEN 'OPEN' WHEN 1 THEN 'ANSWERED' ELSE 'RESOLVED' END, r.submitted_at,
				       CASE WHEN r.id % 3 = 2 THEN r.submitted_at + interval '20 days' END
				FROM village_report r JOIN unit u ON u.id = r.village_id AND u.code LIKE ? || '%'
				WHERE r.id % 10 = 0""", prefix);
	}

	/** How many village reports there are in all. */
	public static long count(JdbcTemplate jdbc) {
		return jdbc.queryForObject("SELECT count(*) FROM village_report", Long.class);
	}

}
