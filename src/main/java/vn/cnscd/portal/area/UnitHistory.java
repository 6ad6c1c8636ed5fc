package vn.cnscd.portal.area;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The versions of units (table unit_version): which parent, path, kind, code and name a unit had on any date.
 * A version is in force from its valid_from up to the day before its valid_to.
 */
@Component
class UnitHistory {

	private static final String COLUMNS = """
			v.unit_id, v.valid_from, v.valid_to, v.parent_id, v.level, v.kind, v.code, v.name, v.subtree_path,
			u.households, u.adults, u.valid_from AS unit_from, u.valid_to AS unit_to, u.version""";

	private final JdbcClient jdbc;

	UnitHistory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A unit's state from {@code validFrom} up to the day before {@code validTo} (null: still in force). */
	record Version(UnitSummary unit, LocalDate validFrom, LocalDate validTo) {

		boolean inForceOn(LocalDate date) {
			return !validFrom.isAfter(date) && (validTo == null || validTo.isAfter(date));
		}

	}

	List<Version> versions(long unitId) {
		return jdbc.sql("SELECT " + COLUMNS + """
				 FROM unit_version v JOIN unit u ON u.id = v.unit_id
				WHERE v.unit_id = :unit ORDER BY v.valid_from""")
			.param("unit", unitId)
			.query(UnitHistory::version)
			.list();
	}

	Optional<Version> at(long unitId, LocalDate on) {
		return jdbc.sql("SELECT " + COLUMNS + """
				 FROM unit_version v JOIN unit u ON u.id = v.unit_id
				WHERE v.unit_id = :unit AND v.valid_from <= :on AND (v.valid_to IS NULL OR v.valid_to > :on)""")
			.param("unit", unitId)
			.param("on", on)
			.query(UnitHistory::version)
			.optional();
	}

	/** The units of a level in force on a date whose path then was under the path given, by code. */
	List<UnitSummary> under(String path, UnitLevel level, LocalDate on) {
		return jdbc.sql("SELECT " + COLUMNS + """
				 FROM unit_version v JOIN unit u ON u.id = v.unit_id
				WHERE v.ancestor_path LIKE :under AND v.level = :level
				  AND v.valid_from <= :on AND (v.valid_to IS NULL OR v.valid_to > :on)
				ORDER BY v.code, v.name, v.unit_id""")
			.param("under", UnitSummary.likeUnder(path))
			.param("level", level.name())
			.param("on", on)
			.query((rs, n) -> version(rs, n).unit())
			.list();
	}

	/**
	 * The units of a level that were under the path given at some time from {@code from} to {@code to}, each as
	 * it stood the last day it was there, by code.
	 */
	List<UnitSummary> underThrough(String path, UnitLevel level, LocalDate from, LocalDate to) {
		return jdbc.sql("SELECT DISTINCT ON (v.unit_id) " + COLUMNS + """
				 FROM unit_version v JOIN unit u ON u.id = v.unit_id
				WHERE v.ancestor_path LIKE :under AND v.level = :level
				  AND v.valid_from <= :to AND (v.valid_to IS NULL OR v.valid_to > :from)
				ORDER BY v.unit_id, v.valid_from DESC""")
			.param("under", UnitSummary.likeUnder(path))
			.param("level", level.name())
			.param("from", from)
			.param("to", to)
			.query((rs, n) -> version(rs, n).unit())
			.list()
			.stream()
			.sorted(Comparator.comparing(UnitSummary::code, Comparator.nullsLast(Comparator.naturalOrder()))
				.thenComparing(UnitSummary::name))
			.toList();
	}

	/** The villages of some communes in force on a date, by commune and code. */
	List<UnitSummary> villagesOf(Collection<Long> communeIds, LocalDate on) {
		return jdbc.sql("SELECT " + COLUMNS + """
				 FROM unit_version v JOIN unit u ON u.id = v.unit_id
				WHERE v.parent_id = ANY (:communes) AND v.level = 'VILLAGE'
				  AND v.valid_from <= :on AND (v.valid_to IS NULL OR v.valid_to > :on)
				ORDER BY v.parent_id, v.code, v.name, v.unit_id""")
			.param("communes", communeIds.toArray(Long[]::new))
			.param("on", on)
			.query((rs, n) -> version(rs, n).unit())
			.list();
	}

	/**
	 * The subtree paths, at every time they had one, of the units given and of every unit that closed into them
	 * (merged, abolished, or split between them and others), however far back: what a user of those units may
	 * read of the past. Paths under another of the list are left out.
	 */
	List<String> lineagePaths(Collection<Long> unitIds) {
		if (unitIds.isEmpty()) {
			return List.of();
		}
		List<String> paths = jdbc.sql("""
				WITH RECURSIVE lineage (id) AS (
				    SELECT unnest(CAST(:units AS bigint[]))
				    UNION
				    SELECT s.predecessor_id FROM lineage l
				    JOIN unit_succession s ON s.successor_id = l.id
				    JOIN unit p ON p.id = s.predecessor_id AND p.valid_to IS NOT NULL
				)
				SELECT DISTINCT v.subtree_path FROM unit_version v WHERE v.unit_id IN (SELECT id FROM lineage)
				ORDER BY 1""")
			.param("units", unitIds.toArray(Long[]::new))
			.query(String.class)
			.list();
		List<String> kept = new ArrayList<>();
		for (String path : paths) {
			if (kept.stream().noneMatch(path::startsWith)) {
				kept.add(path);
			}
		}
		return kept;
	}

	/** The reorganisations that opened versions of units under the paths from {@code from} to {@code to}. */
	List<UnitChange> changes(List<String> paths, LocalDate from, LocalDate to) {
		Subtrees subtrees = new Subtrees(paths);
		return jdbc.sql("""
				SELECT DISTINCT r.id, r.effective_on, r.basis_number, r.basis_date
				FROM unit_version v JOIN reorganisation r ON r.id = v.reorganisation_id
				WHERE v.valid_from BETWEEN :from AND :to AND %s
				ORDER BY r.effective_on, r.id""".formatted(subtrees.condition("v.subtree_path")))
			.params(subtrees.params())
			.param("from", from)
			.param("to", to)
			.query((rs, n) -> new UnitChange(rs.getLong("id"), rs.getObject("effective_on", LocalDate.class),
					rs.getString("basis_number"), rs.getObject("basis_date", LocalDate.class)))
			.list();
	}

	Map<Long, Set<Long>> mergedPredecessors(Collection<Long> unitIds) {
		Map<Long, Set<Long>> found = new HashMap<>();
		if (unitIds.isEmpty()) {
			return found;
		}
		jdbc.sql("""
				WITH RECURSIVE merged (unit_id, predecessor_id) AS (
				    SELECT successor_id, predecessor_id FROM unit_succession
				    WHERE successor_id = ANY (:units) AND kind = 'MERGED'
				    UNION
				    SELECT m.unit_id, s.predecessor_id FROM merged m
				    JOIN unit_succession s ON s.successor_id = m.predecessor_id AND s.kind = 'MERGED'
				)
				SELECT unit_id, predecessor_id FROM merged""")
			.param("units", unitIds.toArray(Long[]::new))
			.query((ResultSet rs) -> {
				found.computeIfAbsent(rs.getLong(1), id -> new HashSet<>()).add(rs.getLong(2));
			});
		return found;
	}

	Map<Long, long[]> lastTotals(Collection<Long> unitIds) {
		Map<Long, long[]> found = new HashMap<>();
		if (unitIds.isEmpty()) {
			return found;
		}
		jdbc.sql("""
				SELECT c.id, coalesce(sum(v.households), 0), coalesce(sum(v.adults), 0)
				FROM unit c
				JOIN unit_version vv ON vv.parent_id = c.id AND vv.level = 'VILLAGE'
				     AND vv.valid_from < coalesce(c.valid_to, DATE 'infinity')
				     AND (vv.valid_to IS NULL OR vv.valid_to >= coalesce(c.valid_to, DATE 'infinity'))
				JOIN unit v ON v.id = vv.unit_id
				WHERE c.id = ANY (:units)
				GROUP BY c.id""")
			.param("units", unitIds.toArray(Long[]::new))
			.query((ResultSet rs) -> {
				found.put(rs.getLong(1), new long[] { rs.getLong(2), rs.getLong(3) });
			});
		return found;
	}

	/** What became of closed units: predecessor id to its successions, earliest first. */
	Map<Long, List<Succession>> successions(Collection<Long> unitIds) {
		Map<Long, List<Succession>> found = new HashMap<>();
		if (unitIds.isEmpty()) {
			return found;
		}
		jdbc.sql("""
				SELECT s.predecessor_id, s.successor_id, s.kind, s.effective_on, r.basis_number, r.basis_date
				FROM unit_succession s LEFT JOIN reorganisation r ON r.id = s.reorganisation_id
				WHERE s.predecessor_id = ANY (:units)
				ORDER BY s.effective_on, s.kind, s.successor_id""")
			.param("units", unitIds.toArray(Long[]::new))
			.query((ResultSet rs) -> {
				found.computeIfAbsent(rs.getLong("predecessor_id"), id -> new ArrayList<>())
					.add(new Succession(rs.getLong("successor_id"), SuccessionKind.valueOf(rs.getString("kind")),
							rs.getObject("effective_on", LocalDate.class), rs.getString("basis_number"),
							rs.getObject("basis_date", LocalDate.class)));
			});
		return found;
	}

	/** The units of a level in force on a date that then had one of the codes given. */
	List<UnitSummary> withCodes(UnitLevel level, Collection<String> codes, LocalDate on) {
		if (codes.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT " + COLUMNS + """
				 FROM unit_version v JOIN unit u ON u.id = v.unit_id
				WHERE v.level = :level AND v.code = ANY (:codes)
				  AND v.valid_from <= :on AND (v.valid_to IS NULL OR v.valid_to > :on)
				ORDER BY v.code, v.unit_id""")
			.param("level", level.name())
			.param("codes", codes.toArray(String[]::new))
			.param("on", on)
			.query((rs, n) -> version(rs, n).unit())
			.list();
	}

	/** What the units given were made of: successor id to the units that went into it, earliest first. */
	Map<Long, List<Predecessor>> predecessors(Collection<Long> unitIds) {
		Map<Long, List<Predecessor>> found = new HashMap<>();
		if (unitIds.isEmpty()) {
			return found;
		}
		jdbc.sql("""
				SELECT s.successor_id, s.predecessor_id, s.kind, s.effective_on, r.basis_number, r.basis_date
				FROM unit_succession s LEFT JOIN reorganisation r ON r.id = s.reorganisation_id
				WHERE s.successor_id = ANY (:units)
				ORDER BY s.effective_on, s.kind, s.predecessor_id""")
			.param("units", unitIds.toArray(Long[]::new))
			.query((ResultSet rs) -> {
				found.computeIfAbsent(rs.getLong("successor_id"), id -> new ArrayList<>())
					.add(new Predecessor(rs.getLong("predecessor_id"), SuccessionKind.valueOf(rs.getString("kind")),
							rs.getObject("effective_on", LocalDate.class), rs.getString("basis_number"),
							rs.getObject("basis_date", LocalDate.class)));
			});
		return found;
	}

	/** Every unit in force on a date whose path then was under the path given. */
	List<UnitSummary> allUnder(String path, LocalDate on) {
		return jdbc.sql("SELECT " + COLUMNS + """
				 FROM unit_version v JOIN unit u ON u.id = v.unit_id
				WHERE v.ancestor_path LIKE :under AND v.valid_from <= :on AND (v.valid_to IS NULL OR v.valid_to > :on)
				ORDER BY v.ancestor_path, v.code, v.unit_id""")
			.param("under", UnitSummary.likeUnder(path))
			.param("on", on)
			.query((rs, n) -> version(rs, n).unit())
			.list();
	}

	/** Of the codes given, those that units other than {@code excluded} of the same level have on a date. */
	Map<UnitLevel, Set<String>> codesInForce(LocalDate on, Map<UnitLevel, Set<String>> codes, Set<Long> excluded) {
		Map<UnitLevel, Set<String>> taken = new HashMap<>();
		codes.forEach((level, wanted) -> taken.put(level, new HashSet<>(jdbc.sql("""
				SELECT code FROM unit_version
				WHERE level = :level AND code = ANY (:codes) AND NOT unit_id = ANY (:excluded)
				  AND valid_from <= :on AND (valid_to IS NULL OR valid_to > :on)""")
			.param("level", level.name())
			.param("codes", wanted.toArray(String[]::new))
			.param("excluded", excluded.toArray(Long[]::new))
			.param("on", on)
			.query(String.class)
			.list())));
		return taken;
	}

	/** Those of the units that have a version beginning after the date: a change recorded for later on. */
	List<Long> laterVersions(Collection<Long> unitIds, LocalDate on) {
		return jdbc.sql("SELECT DISTINCT unit_id FROM unit_version WHERE unit_id = ANY (:units) AND valid_from > :on")
			.param("units", unitIds.toArray(Long[]::new))
			.param("on", on)
			.query(Long.class)
			.list();
	}

	/** A unit a reorganisation opens on a date; its path is set once its place in the new tree is known. */
	long insertUnit(long parent, UnitKind kind, String code, String name, LocalDate on) {
		return jdbc.sql("""
				INSERT INTO unit (parent_id, level, kind, code, name, search_text, ancestor_path, valid_from)
				VALUES (:parent, :level, :kind, :code, :name, :search, '/0/', :on) RETURNING id""")
			.param("parent", parent)
			.param("level", kind.level().name())
			.param("kind", kind.name())
			.param("code", code)
			.param("name", name)
			.param("search", searchText(kind, name, code))
			.param("on", on)
			.query(Long.class)
			.single();
	}

	/**
	 * A version from a date, opened by a reorganisation; a unit it opens already has its first version (made
	 * when its row was), which this completes with its place in the new tree.
	 */
	void openVersion(long unitId, LocalDate from, Long parent, UnitKind kind, String code, String name,
			String ancestors, long reorganisationId) {
		jdbc.sql("""
				INSERT INTO unit_version (unit_id, valid_from, parent_id, level, kind, code, name, ancestor_path,
				                          reorganisation_id)
				VALUES (:unit, :from, :parent, :level, :kind, :code, :name, :ancestors, :reorganisation)
				ON CONFLICT (unit_id, valid_from) DO UPDATE SET parent_id = EXCLUDED.parent_id,
				    ancestor_path = EXCLUDED.ancestor_path, reorganisation_id = EXCLUDED.reorganisation_id""")
			.param("unit", unitId)
			.param("from", from)
			.param("parent", parent)
			.param("level", kind.level().name())
			.param("kind", kind.name())
			.param("code", code)
			.param("name", name)
			.param("ancestors", ancestors)
			.param("reorganisation", reorganisationId)
			.update();
	}

	/**
	 * The unit as it stands today, after a reorganisation: its place, kind, code and name; its search text keeps
	 * the names and codes it had, so that a search by an old name finds it.
	 */
	void placeUnit(long unitId, Long parent, UnitKind kind, String code, String name, String ancestors) {
		String fresh = searchText(kind, name, code);
		jdbc.sql("""
				UPDATE unit SET parent_id = :parent, ancestor_path = :ancestors, level = :level, kind = :kind,
				       code = :code, name = :name,
				       search_text = CASE WHEN search_text = :fresh OR search_text LIKE :fresh || ' %' THEN search_text
				                          ELSE left(:fresh || ' ' || search_text, 400) END,
				       version = version + 1
				WHERE id = :unit""")
			.param("unit", unitId)
			.param("parent", parent)
			.param("ancestors", ancestors)
			.param("level", kind.level().name())
			.param("kind", kind.name())
			.param("code", code)
			.param("name", name)
			.param("fresh", fresh)
			.update();
	}

	private static String searchText(UnitKind kind, String name, String code) {
		return SearchText.fold(kind.vietnameseWord() + " " + name + " " + (code == null ? "" : code)).strip();
	}

	/** The version in force on {@code on} ends the day before: the unit closes, or a new version follows. */
	void end(long unitId, LocalDate on) {
		jdbc.sql("""
				UPDATE unit_version SET valid_to = :on
				WHERE unit_id = :unit AND valid_from < :on AND (valid_to IS NULL OR valid_to > :on)""")
			.param("unit", unitId)
			.param("on", on)
			.update();
		// a version that would begin that day or later is of a state that never came
		jdbc.sql("DELETE FROM unit_version WHERE unit_id = :unit AND valid_from >= :on")
			.param("unit", unitId)
			.param("on", on)
			.update();
	}

	/** The latest version corrected in place: a typing mistake in a name or code, not a change in the world. */
	void correct(UnitSummary unit) {
		jdbc.sql("""
				UPDATE unit_version SET kind = :kind, code = :code, name = :name
				WHERE unit_id = :unit AND valid_to IS NULL""")
			.param("unit", unit.id())
			.param("kind", unit.kind().name())
			.param("code", unit.code())
			.param("name", unit.name())
			.update();
	}

	private static Version version(ResultSet rs, int row) throws SQLException {
		UnitKind kind = UnitKind.valueOf(rs.getString("kind"));
		UnitSummary unit = new UnitSummary(rs.getLong("unit_id"), (Long) rs.getObject("parent_id"), kind.level(), kind,
				rs.getString("code"), rs.getString("name"), (Integer) rs.getObject("households"),
				(Integer) rs.getObject("adults"), rs.getObject("unit_from", LocalDate.class),
				rs.getObject("unit_to", LocalDate.class), rs.getString("subtree_path"), rs.getLong("version"));
		return new Version(unit, rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class));
	}

}
