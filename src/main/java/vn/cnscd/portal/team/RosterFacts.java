package vn.cnscd.portal.team;

import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.cnscd.portal.area.UnitSummary;

/**
 * What the rosters of an area say of a period, for reports: members on its last day, who joined and who left
 * within it, the teams established by a decision dated within it. Figures are by commune id, a village's
 * teams counted in its commune; an area is a unit's subtree ({@link UnitSummary#path()}).
 */
@Service
@Transactional(readOnly = true)
public class RosterFacts {

	/** A member on a day: joined by then, not left, in a team not dissolved by then. */
	private static final String ACTIVE_ON = """
			(m.joined_on <= :on AND (m.left_on IS NULL OR m.left_on > :on) AND (t.dissolved_on IS NULL OR t.dissolved_on > :on))""";

	private static final String COMMUNE_ID = "CASE WHEN u.level = 'VILLAGE' THEN u.parent_id ELSE u.id END";

	private final JdbcClient jdbc;

	RosterFacts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A commune's members on the period's last day, and how many joined and left within the period. */
	public record CommuneRoster(long members, long joined, long left) {

		public static final CommuneRoster NONE = new CommuneRoster(0, 0, 0);

		public CommuneRoster plus(CommuneRoster other) {
			return new CommuneRoster(members + other.members, joined + other.joined, left + other.left);
		}

	}

	/** A team whose establishment decision is dated within the period, with the unit it serves. */
	public record EstablishedTeam(long unitId, String name, String decisionNumber, LocalDate decisionDate) {
	}

	/** Where a member was on a day: the commune of their team's unit, and whether they were a member then. */
	public record MemberPlace(long communeId, boolean active) {
	}

	/** By commune id, the communes under {@code path} that have any member, from {@code from} to {@code to}. */
	public Map<Long, CommuneRoster> communes(String path, LocalDate from, LocalDate to) {
		Map<Long, CommuneRoster> found = new HashMap<>();
		jdbc.sql("SELECT " + COMMUNE_ID + " AS commune_id, count(*) FILTER (WHERE " + ACTIVE_ON + """
				) AS members,
				       count(*) FILTER (WHERE m.joined_on BETWEEN :from AND :on) AS joined,
				       count(*) FILTER (WHERE m.left_on BETWEEN :from AND :on) AS left_team
				FROM team_member m JOIN team t ON t.id = m.team_id JOIN unit u ON u.id = t.unit_id
				WHERE u.subtree_path LIKE :path
				GROUP BY 1""")
			.param("on", to)
			.param("from", from)
			.param("path", UnitSummary.likeUnder(path))
			.query((ResultSet rs) -> {
				found.put(rs.getLong("commune_id"),
						new CommuneRoster(rs.getLong("members"), rs.getLong("joined"), rs.getLong("left_team")));
			});
		return found;
	}

	/** The teams under {@code path} established within the period, in the order of their decisions. */
	public List<EstablishedTeam> established(String path, LocalDate from, LocalDate to) {
		return jdbc.sql("""
				SELECT t.unit_id, t.name, t.decision_number, t.decision_date
				FROM team t JOIN unit u ON u.id = t.unit_id
				WHERE t.decision_date BETWEEN :from AND :to AND u.subtree_path LIKE :path
				ORDER BY t.decision_date, u.ancestor_path, u.code, t.id""")
			.param("from", from)
			.param("to", to)
			.param("path", UnitSummary.likeUnder(path))
			.query(EstablishedTeam.class)
			.list();
	}

	/**
	 * Of the members named, those of teams under {@code path}, by member id: for counting among them the ones
	 * another module knows (who attended a training) without reading the rosters whole.
	 */
	public Map<Long, MemberPlace> places(String path, Collection<Long> memberIds, LocalDate on) {
		Map<Long, MemberPlace> found = new HashMap<>();
		if (memberIds.isEmpty()) {
			return found;
		}
		jdbc.sql("SELECT m.id, " + COMMUNE_ID + " AS commune_id, " + ACTIVE_ON + """
				 AS active
				FROM team_member m JOIN team t ON t.id = m.team_id JOIN unit u ON u.id = t.unit_id
				WHERE m.id = ANY (:members) AND u.subtree_path LIKE :path""")
			.param("on", on)
			.param("members", memberIds.toArray(Long[]::new))
			.param("path", UnitSummary.likeUnder(path))
			.query((ResultSet rs) -> {
				found.put(rs.getLong("id"), new MemberPlace(rs.getLong("commune_id"), rs.getBoolean("active")));
			});
		return found;
	}

}
