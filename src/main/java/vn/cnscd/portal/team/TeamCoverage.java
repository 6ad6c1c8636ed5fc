package vn.cnscd.portal.team;

import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules need to know of the teams of some units, by unit id, each in one indexed statement:
 * whether a unit has an active team (a village with one is expected to report), who leads it, how many people
 * serve in it. The callers have checked the reader's area.
 */
@Service
@Transactional(readOnly = true)
public class TeamCoverage {

	private final JdbcClient jdbc;

	TeamCoverage(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The leader of a unit's active team, whom the commune calls. */
	public record Leader(String fullName, String phone) {
	}

	/**
	 * Those of the units that had a team in force on a date: established by then (or with no date of its
	 * decision) and not dissolved before it. A team dissolved since still counts for the months it served.
	 */
	public Set<Long> withActiveTeam(Collection<Long> unitIds, LocalDate on) {
		Set<Long> found = new HashSet<>();
		if (unitIds.isEmpty()) {
			return found;
		}
		jdbc.sql("""
				SELECT DISTINCT unit_id FROM team WHERE unit_id = ANY (:units)
				  AND (decision_date IS NULL OR decision_date <= :on) AND (dissolved_on IS NULL OR dissolved_on > :on)""")
			.param("units", unitIds.toArray(Long[]::new))
			.param("on", on)
			.query((ResultSet rs) -> {
				found.add(rs.getLong(1));
			});
		return found;
	}

	/** The leader of each unit's active team (of its first team, where a unit has several); units without one are absent. */
	public Map<Long, Leader> leaders(Collection<Long> unitIds) {
		Map<Long, Leader> found = new HashMap<>();
		if (unitIds.isEmpty()) {
			return found;
		}
		jdbc.sql("""
				SELECT DISTINCT ON (t.unit_id) t.unit_id, m.full_name, m.phone
				FROM team t JOIN team_member m ON m.team_id = t.id
				WHERE t.unit_id = ANY (:units) AND t.status = 'ACTIVE' AND m.left_on IS NULL AND m.team_role = 'LEADER'
				ORDER BY t.unit_id, t.id, m.id""")
			.param("units", unitIds.toArray(Long[]::new))
			.query((ResultSet rs) -> {
				found.put(rs.getLong("unit_id"), new Leader(rs.getString("full_name"), rs.getString("phone")));
			});
		return found;
	}

	/**
	 * How many people served on a date in the teams of each commune: its own team's and its villages' as they
	 * stood then; communes without any are absent.
	 */
	public Map<Long, Long> membersByCommune(Collection<Long> communeIds, LocalDate on) {
		Map<Long, Long> found = new HashMap<>();
		if (communeIds.isEmpty()) {
			return found;
		}
		jdbc.sql("""
				SELECT units.commune_id, count(*)
				FROM (SELECT village_id AS unit_id, commune_id FROM area_villages(:communes, :on)
				      UNION ALL SELECT c, c FROM unnest(CAST(:communes AS bigint[])) c) units
				JOIN team t ON t.unit_id = units.unit_id AND (t.decision_date IS NULL OR t.decision_date <= :on)
				     AND (t.dissolved_on IS NULL OR t.dissolved_on > :on)
				JOIN team_member m ON m.team_id = t.id AND m.joined_on <= :on AND (m.left_on IS NULL OR m.left_on > :on)
				GROUP BY units.commune_id""")
			.param("communes", communeIds.toArray(Long[]::new))
			.param("on", on)
			.query((ResultSet rs) -> {
				found.put(rs.getLong(1), rs.getLong(2));
			});
		return found;
	}

}
