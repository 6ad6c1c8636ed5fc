package vn.cnscd.portal.export;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.cnscd.portal.area.Actor;
import vn.cnscd.portal.area.UnitKind;
import vn.cnscd.portal.area.UnitSummary;
import vn.cnscd.portal.dashboard.CommuneFigures;
import vn.cnscd.portal.dashboard.Dashboard;
import vn.cnscd.portal.dashboard.DashboardService;
import vn.cnscd.portal.dashboard.Quarter;
import vn.cnscd.portal.reporting.Deadlines;

/**
 * Gathers a quarterly summary: the dashboards of its months, then the few figures the dashboard does not
 * show (members, obstacles and proposals of the quarter), each in one query on the district's rows.
 */
@Component
@Transactional(readOnly = true)
class SummarySource {

	private final DashboardService dashboards;

	private final JdbcClient jdbc;

	private final Deadlines deadlines;

	SummarySource(DashboardService dashboards, JdbcClient jdbc, Deadlines deadlines) {
		this.dashboards = dashboards;
		this.jdbc = jdbc;
		this.deadlines = deadlines;
	}

	Summary load(Actor actor, UnitSummary area, Quarter quarter) {
		Map<YearMonth, Dashboard> months = new LinkedHashMap<>();
		for (YearMonth month : quarter.months()) {
			months.put(month, dashboards.figures(actor, area, month));
		}
		Dashboard end = months.get(quarter.last());
		Map<Long, Map<Long, Long>> before = quarter.number() == 1 ? null
				: Summary.achieved(dashboards.figures(actor, area, quarter.first().minusMonths(1)));
		String path = UnitSummary.likeUnder(end.district().path());
		Map<Long, Long> members = new HashMap<>();
		jdbc.sql("""
				SELECT CASE WHEN u.level = 'VILLAGE' THEN u.parent_id ELSE u.id END AS commune_id, count(*) AS members
				FROM team_member m JOIN team t ON t.id = m.team_id JOIN unit u ON u.id = t.unit_id
				WHERE t.status = 'ACTIVE' AND m.left_on IS NULL AND u.ancestor_path LIKE :path
				GROUP BY 1""")
			.param("path", path)
			.query((ResultSet rs) -> {
				members.put(rs.getLong("commune_id"), rs.getLong("members"));
			});
		Map<Long, UnitSummary> communeUnits = end.ranking()
			.stream()
			.map(CommuneFigures::commune)
			.collect(Collectors.toMap(UnitSummary::id, unit -> unit));
		List<Summary.Note> obstacles = jdbc.sql("""
				SELECT u.*, o.period, o.text, o.status FROM obstacle o JOIN unit u ON u.id = o.unit_id
				WHERE o.period BETWEEN :first AND :last AND u.ancestor_path LIKE :path
				ORDER BY o.period, u.ancestor_path, u.code, o.id""")
			.param("first", quarter.first().atDay(1))
			.param("last", quarter.last().atDay(1))
			.param("path", path)
			.query((rs, row) -> note(rs, communeUnits, rs.getString("text"), rs.getString("status")))
			.stream()
			// units of communes outside the actor's area have no commune here
			.filter(note -> note.commune() != null)
			.toList();
		List<Summary.Note> proposals = jdbc.sql("""
				SELECT u.*, r.period, r.proposals FROM village_report r JOIN unit u ON u.id = r.village_id
				WHERE r.period BETWEEN :first AND :last AND r.status IN ('SUBMITTED', 'APPROVED')
				  AND length(trim(r.proposals)) > 0 AND u.ancestor_path LIKE :path
				ORDER BY r.period, u.ancestor_path, u.code""")
			.param("first", quarter.first().atDay(1))
			.param("last", quarter.last().atDay(1))
			.param("path", path)
			.query((rs, row) -> note(rs, communeUnits, rs.getString("proposals"), null))
			.stream()
			.filter(note -> note.commune() != null)
			.toList();
		return new Summary(area, quarter, deadlines.today(), months, end, before, members, obstacles, proposals);
	}

	/** The summary has no village lines: a province's would not all fit in memory four times over. */
	private static Summary.Note note(ResultSet rs, Map<Long, UnitSummary> communes, String text, String status)
			throws SQLException {
		UnitKind kind = UnitKind.valueOf(rs.getString("kind"));
		long id = rs.getLong("id");
		UnitSummary unit = new UnitSummary(id, rs.getLong("parent_id"), kind.level(), kind, rs.getString("code"),
				rs.getString("name"), null, null, rs.getObject("valid_from", LocalDate.class), null,
				rs.getString("ancestor_path") + id + "/", rs.getLong("version"));
		UnitSummary commune = communes.getOrDefault(id, communes.get(unit.parentId()));
		return new Summary.Note(unit, commune, YearMonth.from(rs.getObject("period", LocalDate.class)), text, status);
	}

}
