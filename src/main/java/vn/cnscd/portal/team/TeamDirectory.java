package vn.cnscd.portal.team;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.cnscd.portal.area.Actor;
import vn.cnscd.portal.area.SearchText;
import vn.cnscd.portal.area.UnitLevel;
import vn.cnscd.portal.area.UnitSummary;

/**
 * What other modules may read of teams and their members: the module's tables are read here and nowhere
 * else. Each method is one statement (two for a page), whatever the number of teams or members asked for.
 * Methods that take an {@link Actor} keep to the actor's area; the others answer for any id, and the caller
 * checks that the actor may see the unit ({@link TeamEntry#unitId()}, {@link MemberEntry#unitId()}).
 */
@Service
@Transactional(readOnly = true)
public class TeamDirectory {

	private static final String TEAMS = """
			SELECT t.id, t.name, t.level, t.unit_id, t.status = 'ACTIVE' AS active,
			       CASE WHEN u.level = 'COMMUNE' THEN u.id ELSE c.id END AS commune_id,
			       CASE WHEN u.level = 'COMMUNE' THEN u.name ELSE c.name END AS commune_name
			FROM team t JOIN unit u ON u.id = t.unit_id LEFT JOIN unit c ON c.id = u.parent_id
			""";

	/** Communes by code, each commune's own team before its villages' teams, villages by code. */
	private static final String TEAM_ORDER = " ORDER BY CASE WHEN u.level = 'COMMUNE' THEN u.code ELSE c.code END, t.level,"
			+ " u.code, t.id";

	private static final String MEMBERS = """
			SELECT m.id, m.full_name, m.phone, m.team_role, m.joined_on, m.left_on, m.team_id, t.name AS team_name,
			       t.unit_id
			FROM team_member m JOIN team t ON t.id = m.team_id
			""";

	/** Longer queries are cut: no name and phone together are longer, and each word costs a condition. */
	static final int MAX_QUERY = 100;

	private final JdbcClient jdbc;

	TeamDirectory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// --- teams ---------------------------------------------------------------------------------------------

	public Optional<TeamEntry> team(long teamId) {
		return jdbc.sql(TEAMS + " WHERE t.id = :id").param("id", teamId).query(TeamDirectory::team).optional();
	}

	/** The teams of these ids, by id; ids of no team are left out. */
	public Map<Long, TeamEntry> teams(Collection<Long> teamIds) {
		if (teamIds.isEmpty()) {
			return Map.of();
		}
		return byId(jdbc.sql(TEAMS + " WHERE t.id = ANY (:ids)")
			.param("ids", teamIds.stream().distinct().toArray(Long[]::new))
			.query(TeamDirectory::team)
			.list(), TeamEntry::id);
	}

	/** The active teams of the actor's area. */
	public List<TeamEntry> activeTeams(Actor actor) {
		return jdbc.sql(TEAMS + " WHERE t.status = 'ACTIVE' AND " + actor.scopeCondition("u.subtree_path") + TEAM_ORDER)
			.params(actor.scopeParams())
			.query(TeamDirectory::team)
			.list();
	}

	/** The active teams of a unit and the units under it, as far as they are in the actor's area. */
	public List<TeamEntry> activeTeams(Actor actor, UnitSummary under) {
		return jdbc.sql(TEAMS + " WHERE t.status = 'ACTIVE' AND u.subtree_path LIKE :under AND "
				+ actor.scopeCondition("u.subtree_path") + TEAM_ORDER)
			.param("under", UnitSummary.likeUnder(under.path()))
			.params(actor.scopeParams())
			.query(TeamDirectory::team)
			.list();
	}

	/** The active teams of a unit and the units under it, for work done on no one's behalf (demo data). */
	public List<TeamEntry> activeTeamsUnder(UnitSummary under) {
		return jdbc.sql(TEAMS + " WHERE t.status = 'ACTIVE' AND u.subtree_path LIKE :under" + TEAM_ORDER)
			.param("under", UnitSummary.likeUnder(under.path()))
			.query(TeamDirectory::team)
			.list();
	}

	// --- members -------------------------------------------------------------------------------------------

	public Optional<MemberEntry> member(long memberId) {
		return jdbc.sql(MEMBERS + " WHERE m.id = :id").param("id", memberId).query(TeamDirectory::member).optional();
	}

	/** The members of these ids, by id; ids of no member are left out. */
	public Map<Long, MemberEntry> members(Collection<Long> memberIds) {
		if (memberIds.isEmpty()) {
			return Map.of();
		}
		return byId(jdbc.sql(MEMBERS + " WHERE m.id = ANY (:ids)")
			.param("ids", memberIds.stream().distinct().toArray(Long[]::new))
			.query(TeamDirectory::member)
			.list(), MemberEntry::id);
	}

	/**
	 * The members of these teams, team by team, active ones first, each team's leader, then deputies, then
	 * the others, in the order they were added; those who left only if {@code withFormer}.
	 */
	public List<MemberEntry> membersOf(Collection<Long> teamIds, boolean withFormer) {
		if (teamIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(MEMBERS + """
				 WHERE m.team_id = ANY (:teams) AND (:withFormer OR m.left_on IS NULL)
				ORDER BY m.team_id, m.left_on NULLS FIRST,
				         CASE m.team_role WHEN 'LEADER' THEN 0 WHEN 'DEPUTY' THEN 1 ELSE 2 END, m.id""")
			.param("teams", teamIds.stream().distinct().toArray(Long[]::new))
			.param("withFormer", withFormer)
			.query(TeamDirectory::member)
			.list();
	}

	/** Those of these members whose team is in the actor's area. */
	public List<Long> inArea(Actor actor, Collection<Long> memberIds) {
		if (memberIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT m.id FROM team_member m JOIN team t ON t.id = m.team_id JOIN unit u ON u.id = t.unit_id"
				+ " WHERE m.id = ANY (:ids) AND " + actor.scopeCondition("u.subtree_path") + " ORDER BY m.id")
			.param("ids", memberIds.stream().distinct().toArray(Long[]::new))
			.params(actor.scopeParams())
			.query(Long.class)
			.list();
	}

	/**
	 * Members of the actor's area whose name or phone contain every word of the query (typed with or without
	 * diacritics), active ones first, by name; at most {@code limit}.
	 */
	public List<MemberEntry> search(Actor actor, String query, int limit) {
		List<String> words = words(query);
		if (words.isEmpty()) {
			return List.of();
		}
		JdbcClient.StatementSpec statement = jdbc.sql(MEMBERS + " JOIN unit u ON u.id = t.unit_id WHERE "
				+ actor.scopeCondition("u.subtree_path") + matching(words)
				+ " ORDER BY m.left_on NULLS FIRST, m.full_name, m.id LIMIT :limit")
			.params(actor.scopeParams())
			.param("limit", limit);
		return withWords(statement, words).query(TeamDirectory::member).list();
	}

	/**
	 * One page of the members of these ids, by team name, then name: those whose name or phone contain every
	 * word of the query, or all of them when it has none; {@code offset} counts from 0.
	 */
	public MemberPage page(Collection<Long> memberIds, String query, long offset, int limit) {
		if (memberIds.isEmpty()) {
			return new MemberPage(List.of(), 0);
		}
		List<String> words = words(query);
		Long[] ids = memberIds.stream().distinct().toArray(Long[]::new);
		String where = " WHERE m.id = ANY (:ids)" + matching(words);
		long total = withWords(jdbc.sql("SELECT count(*) FROM team_member m" + where).param("ids", ids), words)
			.query(Long.class)
			.single();
		if (offset >= total) {
			return new MemberPage(List.of(), total);
		}
		List<MemberEntry> members = withWords(jdbc.sql(MEMBERS + where
				+ " ORDER BY t.name, m.full_name, m.id LIMIT :limit OFFSET :offset")
			.param("ids", ids)
			.param("limit", limit)
			.param("offset", offset), words)
			.query(TeamDirectory::member)
			.list();
		return new MemberPage(members, total);
	}

	private static List<String> words(String query) {
		return SearchText.words(query == null || query.length() <= MAX_QUERY ? query : query.substring(0, MAX_QUERY));
	}

	/** That the member's folded name and phone hold every word. */
	private static String matching(List<String> words) {
		StringBuilder sql = new StringBuilder();
		for (int i = 0; i < words.size(); i++) {
			sql.append(" AND m.search_text LIKE :w").append(i);
		}
		return sql.toString();
	}

	private static JdbcClient.StatementSpec withWords(JdbcClient.StatementSpec statement, List<String> words) {
		for (int i = 0; i < words.size(); i++) {
			statement = statement.param("w" + i, "%" + words.get(i) + "%");
		}
		return statement;
	}

	private static <T> Map<Long, T> byId(List<T> found, Function<T, Long> id) {
		return found.stream().collect(Collectors.toMap(id, Function.identity()));
	}

	private static TeamEntry team(ResultSet rs, int row) throws SQLException {
		return new TeamEntry(rs.getLong("id"), rs.getString("name"), UnitLevel.valueOf(rs.getString("level")),
				rs.getLong("unit_id"), rs.getLong("commune_id"), rs.getString("commune_name"), rs.getBoolean("active"));
	}

	private static MemberEntry member(ResultSet rs, int row) throws SQLException {
		return new MemberEntry(rs.getLong("id"), rs.getString("full_name"), rs.getString("phone"),
				TeamRole.valueOf(rs.getString("team_role")), rs.getObject("joined_on", LocalDate.class),
				rs.getObject("left_on", LocalDate.class), rs.getLong("team_id"), rs.getString("team_name"),
				rs.getLong("unit_id"));
	}

}
