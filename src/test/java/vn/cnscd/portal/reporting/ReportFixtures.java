package vn.cnscd.portal.reporting;

import java.time.YearMonth;

import org.springframework.jdbc.core.simple.JdbcClient;

/** The demo village head's report of a month, as if it had never been begun: for the browser tests that type one. */
final class ReportFixtures {

	static final String DEMO_VILLAGE = "11074-01";

	private ReportFixtures() {
	}

	static long demoVillage(JdbcClient jdbc) {
		return jdbc.sql("SELECT id FROM unit WHERE code = :code").param("code", DEMO_VILLAGE).query(Long.class).single();
	}

	static void forgetThisMonth(JdbcClient jdbc, YearMonth month) {
		long village = demoVillage(jdbc);
		String report = "SELECT id FROM village_report WHERE village_id = :v AND period = :p";
		jdbc.sql("""
				DELETE FROM obstacle_answer WHERE obstacle_id IN (
				    SELECT id FROM obstacle WHERE source = 'VILLAGE_REPORT' AND source_id IN (%s))""".formatted(report))
			.param("v", village)
			.param("p", month.atDay(1))
			.update();
		jdbc.sql("DELETE FROM obstacle WHERE source = 'VILLAGE_REPORT' AND source_id IN (" + report + ")")
			.param("v", village)
			.param("p", month.atDay(1))
			.update();
		jdbc.sql("DELETE FROM village_report_value WHERE report_id IN (" + report + ")")
			.param("v", village)
			.param("p", month.atDay(1))
			.update();
		jdbc.sql("DELETE FROM village_report WHERE village_id = :v AND period = :p")
			.param("v", village)
			.param("p", month.atDay(1))
			.update();
	}

}
