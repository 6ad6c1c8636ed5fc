package vn.cnscd.portal.dashboard;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.cnscd.portal.area.UnitKind;
import vn.cnscd.portal.area.UnitSummary;
import vn.cnscd.portal.reporting.ReportStatus;

/**
 * The few read-only queries behind a district's dashboard. Each selects the district's units with
 * {@code u.ancestor_path LIKE '<district path>%'}, which the prefix index on ancestor_path answers, so a
 * dashboard costs what its district holds whatever the size of the country.
 */
@Component
class DashboardQueries {

	private final JdbcClient jdbc;

	DashboardQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Commune(UnitSummary unit, boolean hasTeam) {
	}

	/** A village with whether it has an active team and that team's leader, whom the commune calls. */
	record Village(UnitSummary unit, boolean hasTeam, String headName, String headPhone) {
	}

	record Report(long villageId, ReportStatus status, Boolean late) {

		boolean sent() {
			return status.sent();
		}

	}

	List<Commune> communes(String districtPath) {
		return jdbc.sql("""
				SELECT u.*, EXISTS (SELECT 1 FROM team t WHERE t.unit_id = u.id AND t.level = 'COMMUNE'
				                    AND t.status = 'ACTIVE') AS has_team
				FROM unit u
				WHERE u.level = 'COMMUNE' AND u.valid_to IS NULL AND u.ancestor_path LIKE :path
				ORDER BY u.code, u.name""")
			.param("path", UnitSummary.likeUnder(districtPath))
			.query((rs, row) -> new Commune(unit(rs), rs.getBoolean("has_team")))
			.list();
	}

	List<Village> villages(String districtPath) {
		return jdbc.sql("""
				SELECT u.*, head.full_name, head.phone,
				       EXISTS (SELECT 1 FROM team t WHERE t.unit_id = u.id AND t.status = 'ACTIVE') AS has_team
				FROM unit u
				LEFT JOIN LATERAL (
				  SELECT m.full_name, m.phone FROM team t JOIN team_member m ON m.team_id = t.id
				  WHERE t.unit_id = u.id AND t.status = 'ACTIVE' AND m.left_on IS NULL AND m.team_role = 'LEADER'
				  ORDER BY t.id, m.id LIMIT 1) head ON true
				WHERE u.level = 'VILLAGE' AND u.valid_to IS NULL AND u.ancestor_path LIKE :path
				ORDER BY u.code, u.name""")
			.param("path", UnitSummary.likeUnder(districtPath))
			.query((rs, row) -> new Village(unit(rs), rs.getBoolean("has_team"), rs.getString("full_name"),
					rs.getString("phone")))
			.list();
	}

	/**
	 * A commune's villages counted for a month: all open villages, those with an active team, and of these
	 * the ones whose report was sent and sent on time; with the villages' households and adults, which
	 * percentage targets are shares of.
	 */
	record Counts(int villages, int villagesWithTeam, int sent, int onTime, long households, long adults) {

		static final Counts NONE = new Counts(0, 0, 0, 0, 0, 0);

	}

	/**
	 * {@link Counts} per commune id, counted by the database: a province's summary needs these few numbers
	 * per commune, not its 74,000 villages.
	 */
	Map<Long, Counts> counts(String districtPath, YearMonth month) {
		Map<Long, Counts> found = new HashMap<>();
		jdbc.sql("""
				SELECT u.parent_id, count(*) AS villages,
				       count(*) FILTER (WHERE team.active) AS with_team,
				       count(*) FILTER (WHERE team.active AND r.status IN ('SUBMITTED', 'APPROVED')) AS sent,
				       count(*) FILTER (WHERE team.active AND r.status IN ('SUBMITTED', 'APPROVED')
				                          AND r.late IS NOT TRUE) AS on_time,
				       coalesce(sum(u.households), 0) AS households, coalesce(sum(u.adults), 0) AS adults
				FROM unit u
				CROSS JOIN LATERAL (SELECT EXISTS (SELECT 1 FROM team t WHERE t.unit_id = u.id
				                                   AND t.status = 'ACTIVE') AS active) team
				LEFT JOIN village_report r ON r.village_id = u.id AND r.period = :period
				WHERE u.level = 'VILLAGE' AND u.valid_to IS NULL AND u.ancestor_path LIKE :path
				GROUP BY u.parent_id""")
			.param("period", month.atDay(1))
			.param("path", UnitSummary.likeUnder(districtPath))
			.query((ResultSet rs) -> {
				found.put(rs.getLong("parent_id"), new Counts(rs.getInt("villages"), rs.getInt("with_team"),
						rs.getInt("sent"), rs.getInt("on_time"), rs.getLong("households"), rs.getLong("adults")));
			});
		return found;
	}

	/** The villages' reports of a month, by village id; a village without one is absent. */
	Map<Long, Report> reports(String districtPath, YearMonth month) {
		Map<Long, Report> found = new HashMap<>();
		jdbc.sql("""
				SELECT r.village_id, r.status, r.late FROM village_report r JOIN unit u ON u.id = r.village_id
				WHERE r.period = :period AND u.ancestor_path LIKE :path""")
			.param("period", month.atDay(1))
			.param("path", UnitSummary.likeUnder(districtPath))
			.query((ResultSet rs) -> {
				found.put(rs.getLong("village_id"), new Report(rs.getLong("village_id"),
						ReportStatus.valueOf(rs.getString("status")), (Boolean) rs.getObject("late")));
			});
		return found;
	}

	/**
	 * What each commune achieved in the year up to the month: commune id to indicator id to value. A FLOW is
	 * the sum of its villages' sent values of the year's months; a STOCK the sum of each village's latest sent
	 * value up to the month.
	 */
	Map<Long, Map<Long, Long>> achieved(String districtPath, YearMonth month) {
		Map<Long, Map<Long, Long>> found = new HashMap<>();
		jdbc.sql("""
				SELECT u.parent_id, v.indicator_id, sum(v.value) AS total
				FROM village_report r JOIN village_report_value v ON v.report_id = r.id
				JOIN unit u ON u.id = r.village_id JOIN indicator i ON i.id = v.indicator_id AND i.kind = 'FLOW'
				WHERE r.period BETWEEN :first AND :period AND r.status IN ('SUBMITTED', 'APPROVED')
				  AND u.ancestor_path LIKE :path
				GROUP BY u.parent_id, v.indicator_id
				UNION ALL
				SELECT parent_id, indicator_id, sum(value) FROM (
				  SELECT DISTINCT ON (r.village_id, v.indicator_id) u.parent_id, v.indicator_id, v.value
				  FROM village_report r JOIN village_report_value v ON v.report_id = r.id
				  JOIN unit u ON u.id = r.village_id JOIN indicator i ON i.id = v.indicator_id AND i.kind = 'STOCK'
				  WHERE r.period <= :period AND r.status IN ('SUBMITTED', 'APPROVED') AND u.ancestor_path LIKE :path
				  ORDER BY r.village_id, v.indicator_id, r.period DESC) latest
				GROUP BY parent_id, indicator_id""")
			.param("first", LocalDate.of(month.getYear(), 1, 1))
			.param("period", month.atDay(1))
			.param("path", UnitSummary.likeUnder(districtPath))
			.query((ResultSet rs) -> {
				found.computeIfAbsent(rs.getLong(1), commune -> new HashMap<>()).put(rs.getLong(2), rs.getLong(3));
			});
		return found;
	}

	/** A sent value of a village: FLOW values summed per commune and month, STOCK values per village. */
	record Value(long communeId, long villageId, long indicatorId, YearMonth month, long value) {
	}

	/**
	 * What the trends need from {@code from} to {@code to}: each commune's FLOW totals per month (villageId 0),
	 * and each village's STOCK values, with the latest before {@code from} (dated the month before) so the first month has a level.
	 */
	List<Value> monthly(String districtPath, YearMonth from, YearMonth to) {
		return jdbc.sql("""
				SELECT u.parent_id, 0 AS village_id, v.indicator_id, r.period, sum(v.value) AS value
				FROM village_report r JOIN village_report_value v ON v.report_id = r.id
				JOIN unit u ON u.id = r.village_id JOIN indicator i ON i.id = v.indicator_id AND i.kind = 'FLOW'
				WHERE r.period BETWEEN :from AND :to AND r.status IN ('SUBMITTED', 'APPROVED')
				  AND u.ancestor_path LIKE :path
				GROUP BY u.parent_id, v.indicator_id, r.period
				UNION ALL
				SELECT u.parent_id, r.village_id, v.indicator_id, r.period, v.value
				FROM village_report r JOIN village_report_value v ON v.report_id = r.id
				JOIN unit u ON u.id = r.village_id JOIN indicator i ON i.id = v.indicator_id AND i.kind = 'STOCK'
				WHERE r.period BETWEEN :from AND :to AND r.status IN ('SUBMITTED', 'APPROVED')
				  AND u.ancestor_path LIKE :path
				UNION ALL
				SELECT * FROM (
				  SELECT DISTINCT ON (r.village_id, v.indicator_id) u.parent_id, r.village_id, v.indicator_id,
				         CAST(:before AS date), v.value
				  FROM village_report r JOIN village_report_value v ON v.report_id = r.id
				  JOIN unit u ON u.id = r.village_id JOIN indicator i ON i.id = v.indicator_id AND i.kind = 'STOCK'
				  WHERE r.period < :from AND r.status IN ('SUBMITTED', 'APPROVED') AND u.ancestor_path LIKE :path
				  ORDER BY r.village_id, v.indicator_id, r.period DESC) before""")
			.param("from", from.atDay(1))
			.param("before", from.minusMonths(1).atDay(1))
			.param("to", to.atDay(1))
			.param("path", UnitSummary.likeUnder(districtPath))
			.query((rs, row) -> new Value(rs.getLong(1), rs.getLong(2), rs.getLong(3),
					YearMonth.from(rs.getObject(4, LocalDate.class)), rs.getLong(5)))
			.list();
	}

	/** Obstacles not resolved yet, per commune: those raised by its villages and by the commune itself. */
	Map<Long, Long> openObstacles(String districtPath) {
		Map<Long, Long> found = new HashMap<>();
		jdbc.sql("""
				SELECT CASE WHEN u.level = 'VILLAGE' THEN u.parent_id ELSE u.id END AS commune_id, count(*) AS open
				FROM obstacle o JOIN unit u ON u.id = o.unit_id
				WHERE o.status <> 'RESOLVED' AND u.ancestor_path LIKE :path
				GROUP BY 1""")
			.param("path", UnitSummary.likeUnder(districtPath))
			.query((ResultSet rs) -> {
				found.put(rs.getLong("commune_id"), rs.getLong("open"));
			});
		return found;
	}

	private static UnitSummary unit(ResultSet rs) throws SQLException {
		UnitKind kind = UnitKind.valueOf(rs.getString("kind"));
		long id = rs.getLong("id");
		return new UnitSummary(id, rs.getLong("parent_id"), kind.level(), kind, rs.getString("code"),
				rs.getString("name"), (Integer) rs.getObject("households"), (Integer) rs.getObject("adults"),
				rs.getObject("valid_from", LocalDate.class), null, rs.getString("ancestor_path") + id + "/",
				rs.getLong("version"));
	}

}
