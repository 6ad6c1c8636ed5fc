package vn.cnscd.portal.area;

import java.util.Locale;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Units generated for trying the portal at scale and for the benchmarks, in SQL: districts, communes and
 * villages under the root, named "Huyện Mẫu 1", "Xã Mẫu 1" and so on, with codes starting with M.
 */
public final class GeneratedUnits {

	private GeneratedUnits() {
	}

	/** Whether generated units are there already: their codes would collide. */
	public static boolean present(JdbcTemplate jdbc) {
		return Boolean.TRUE.equals(jdbc.queryForObject(
				"SELECT EXISTS (SELECT 1 FROM unit WHERE level = 'DISTRICT' AND code LIKE 'M%')", Boolean.class));
	}

	/**
	 * Adds the districts, communes and villages, spread evenly over one another, with codes starting with
	 * {@code prefix} (one letter: M for the generated data of the README; another one generates more beside it).
	 */
	public static void generate(JdbcTemplate jdbc, String prefix, int districts, int communes, int villages) {
		String label = prefix.equals("M") ? "" : prefix + "-";
		String folded = label.toLowerCase(Locale.ROOT);
		long province = jdbc.queryForObject("SELECT id FROM unit WHERE parent_id IS NULL", Long.class);
		jdbc.update("""
				INSERT INTO unit (parent_id, level, kind, code, name, search_text, ancestor_path, valid_from)
				SELECT ?, 'DISTRICT', 'HUYEN', ? || d, 'Mẫu ' || ? || d, 'huyen mau ' || ? || d, '/' || ? || '/',
				       DATE '2019-12-01'
				FROM generate_series(1, ?) d""", province, prefix, label, folded, province, districts);
		jdbc.update("""
				INSERT INTO unit (parent_id, level, kind, code, name, search_text, ancestor_path, valid_from)
				SELECT d.id, 'COMMUNE', 'XA', ? || c, 'Mẫu ' || ? || c, 'xa mau ' || ? || c, d.ancestor_path || d.id || '/',
				       DATE '2019-12-01'
				FROM generate_series(1, ?) c
				JOIN (SELECT id, ancestor_path, row_number() OVER (ORDER BY id) - 1 AS n FROM unit
				      WHERE level = 'DISTRICT' AND code LIKE ? || '%') d ON d.n = (c - 1) % ?""", prefix, label, folded,
				communes, prefix, districts);
		jdbc.update("""
				INSERT INTO unit (parent_id, level, kind, code, name, search_text, ancestor_path, valid_from, households, adults)
				SELECT c.id, 'VILLAGE', 'THON', ? || v, 'Mẫu ' || ? || v, 'thon mau ' || ? || v, c.ancestor_path || c.id || '/',
				       DATE '2019-12-01', 200 + v % 300, 500 + v % 700
				FROM generate_series(1, ?) v
				JOIN (SELECT id, ancestor_path, row_number() OVER (ORDER BY id) - 1 AS n FROM unit
				      WHERE level = 'COMMUNE' AND code LIKE ? || '%') c ON c.n = (v - 1) % ?""", prefix, label, folded,
				villages, prefix, communes);
	}

}
