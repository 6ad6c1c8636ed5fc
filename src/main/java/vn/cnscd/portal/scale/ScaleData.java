package vn.cnscd.portal.scale;

import java.time.YearMonth;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Generates units, a team with its leader for every generated commune and village, and months of village
 * reports at a given scale, in SQL, so that a province's 1,340 villages and their 32,000 reports take
 * seconds. Generated units sit under the seeded province next to the real district, named "Huyện Mẫu 1",
 * "Xã Mẫu 1" and so on (codes starting with M). Run by {@link ScaleDataRunner} and by the benchmarks.
 */
public final class ScaleData {

	public enum Scale {

		/** About a district: 23 communes, 150 villages. */
		DISTRICT(1, 23, 150),
		/** About a province: 235 communes, 1,340 villages. */
		PROVINCE(12, 235, 1_340),
		/** About the country: 10,000 communes, 74,000 villages. */
		NATIONAL(700, 10_000, 74_000);

		private final int districts;

		private final int communes;

		private final int villages;

		Scale(int districts, int communes, int villages) {
			this.districts = districts;
			this.communes = communes;
			this.villages = villages;
		}

	}

	private ScaleData() {
	}

	/** Whether generated units are there already: their codes would collide. */
	public static boolean generated(JdbcTemplate jdbc) {
		return Boolean.TRUE.equals(jdbc.queryForObject(
				"SELECT EXISTS (SELECT 1 FROM unit WHERE level = 'DISTRICT' AND code LIKE 'M%')", Boolean.class));
	}

	/**
	 * Adds the units of the scale, their teams and {@code months} months of approved reports for each generated
	 * village.
	 */
	public static void generate(JdbcTemplate jdbc, Scale scale, YearMonth lastMonth, int months) {
		long province = jdbc.queryForObject("SELECT id FROM unit WHERE parent_id IS NULL", Long.class);
		jdbc.update("""
				INSERT INTO unit (parent_id, level, kind, code, name, search_text, ancestor_path, valid_from)
				SELECT ?, 'DISTRICT', 'HUYEN', 'M' || d, 'Mẫu ' || d, 'huyen mau ' || d, '/' || ? || '/', DATE '2019-12-01'
				FROM generate_series(1, ?) d""", province, province, scale.districts);
		jdbc.update("""
				INSERT INTO unit (parent_id, level, kind, code, name, search_text, ancestor_path, valid_from)
				SELECT d.id, 'COMMUNE', 'XA', 'M' || c, 'Mẫu ' || c, 'xa mau ' || c, d.ancestor_path || d.id || '/',
				       DATE '2019-12-01'
				FROM generate_series(1, ?) c
				JOIN (SELECT id, ancestor_path, row_number() OVER (ORDER BY id) - 1 AS n FROM unit
				      WHERE level = 'DISTRICT' AND code LIKE 'M%') d ON d.n = (c - 1) % ?""", scale.communes,
				scale.districts);
		jdbc.update("""
				INSERT INTO unit (parent_id, level, kind, code, name, search_text, ancestor_path, valid_from, households, adults)
				SELECT c.id, 'VILLAGE', 'THON', 'M' || v, 'Mẫu ' || v, 'thon mau ' || v, c.ancestor_path || c.id || '/',
				       DATE '2019-12-01', 200 + v % 300, 500 + v % 700
				FROM generate_series(1, ?) v
				JOIN (SELECT id, ancestor_path, row_number() OVER (ORDER BY id) - 1 AS n FROM unit
				      WHERE level = 'COMMUNE' AND code LIKE 'M%') c ON c.n = (v - 1) % ?""", scale.villages,
				scale.communes);
		jdbc.update("""
				INSERT INTO team (unit_id, level, name)
				SELECT id, level, 'Tổ Công nghệ số cộng đồng ' || name FROM unit
				WHERE level IN ('COMMUNE', 'VILLAGE') AND code LIKE 'M%'""");
		jdbc.update("""
				INSERT INTO team_member (team_id, full_name, search_text, gender, phone, team_role, affiliation, joined_on)
				SELECT t.id, 'Tổ trưởng ' || t.id, 'to truong ' || t.id, 'MALE', '09' || lpad(CAST(t.id % 100000000 AS text), 8, '0'),
				       'LEADER', 'VILLAGE_HEAD', DATE '2020-01-01'
				FROM team t JOIN unit u ON u.id = t.unit_id AND u.code LIKE 'M%'""");
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
		jdbc.execute("ANALYZE");
	}

}
