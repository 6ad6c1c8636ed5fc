package vn.cnscd.portal.team;

import org.springframework.jdbc.core.JdbcTemplate;

/** A team with its leader for every generated commune and village (codes starting with the prefix), in SQL. */
public final class GeneratedTeams {

	private GeneratedTeams() {
	}

	public static void generate(JdbcTemplate jdbc, String prefix) {
		jdbc.update("""
				INSERT INTO team (unit_id, level, name)
				SELECT id, level, 'Tổ Công nghệ số cộng đồng ' || name FROM unit
				WHERE level IN ('COMMUNE', 'VILLAGE') AND code LIKE ? || '%'""", prefix);
		jdbc.update("""
				INSERT INTO team_member (team_id, full_name, search_text, gender, phone, team_role, affiliation, joined_on)
				SELECT t.id, 'Tổ trưởng ' || t.id, 'to truong ' || t.id, 'MALE', '09' || lpad(CAST(t.id % 100000000 AS text), 8, '0'),
				       'LEADER', 'VILLAGE_HEAD', DATE '2020-01-01'
				FROM team t JOIN unit u ON u.id = t.unit_id AND u.code LIKE ? || '%'""", prefix);
	}

}
