package vn.cnscd.portal.reporting;

import java.sql.ResultSet;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.cnscd.portal.indicator.IndicatorKind;
import vn.cnscd.portal.indicator.IndicatorSummary;

/**
 * Figures of an area for a month, from its villages' sent reports: a FLOW indicator is the sum of the
 * month's values; a STOCK indicator is the sum of each village's latest value up to that month.
 */
@Service
@Transactional(readOnly = true)
public class ReportFigures {

	private final JdbcClient jdbc;

	ReportFigures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public record Figures(Map<Long, Long> flow, Map<Long, Long> stock, long sessionsHeld, long residentsGuided,
			long householdsVisited, long reports) {

		/** The figure of an indicator: its STOCK level or its FLOW total; null when no village reported it. */
		public Long value(IndicatorSummary indicator) {
			return (indicator.kind() == IndicatorKind.STOCK ? stock : flow).get(indicator.id());
		}

	}

	public Figures under(String path, YearMonth period) {
		Map<Long, Long> flow = new HashMap<>();
		Map<Long, Long> stock = new HashMap<>();
		jdbc.sql("""
				SELECT v.indicator_id, sum(v.value) AS total
				FROM village_report r JOIN village_report_value v ON v.report_id = r.id JOIN unit u ON u.id = r.village_id
				WHERE r.period = :period AND r.status IN ('SUBMITTED', 'APPROVED')
				  AND u.subtree_path LIKE :path
				GROUP BY v.indicator_id""")
			.param("period", period.atDay(1))
			.param("path", path + "%")
			.query((ResultSet rs) -> {
				flow.put(rs.getLong("indicator_id"), rs.getLong("total"));
			});
		jdbc.sql("""
				SELECT indicator_id, sum(value) AS total FROM (
				  SELECT DISTINCT ON (r.village_id, v.indicator_id) v.indicator_id, v.value
				  FROM village_report r JOIN village_report_value v ON v.report_id = r.id JOIN unit u ON u.id = r.village_id
				  WHERE r.period <= :period AND r.status IN ('SUBMITTED', 'APPROVED')
				    AND u.subtree_path LIKE :path
				  ORDER BY r.village_id, v.indicator_id, r.period DESC) latest
				GROUP BY indicator_id""")
			.param("period", period.atDay(1))
			.param("path", path + "%")
			.query((ResultSet rs) -> {
				stock.put(rs.getLong("indicator_id"), rs.getLong("total"));
			});
		return jdbc.sql("""
				SELECT coalesce(sum(r.sessions_held), 0) AS sessions, coalesce(sum(r.residents_guided), 0) AS guided,
				       coalesce(sum(r.households_visited), 0) AS visited, count(*) AS reports
				FROM village_report r JOIN unit u ON u.id = r.village_id
				WHERE r.period = :period AND r.status IN ('SUBMITTED', 'APPROVED')
				  AND u.subtree_path LIKE :path""")
			.param("period", period.atDay(1))
			.param("path", path + "%")
			.query((rs, row) -> new Figures(flow, stock, rs.getLong("sessions"), rs.getLong("guided"),
					rs.getLong("visited"), rs.getLong("reports")))
			.single();
	}

}
