package vn.cnscd.portal.area;

import java.time.LocalDate;

/**
 * A unit as the rest of the portal sees it. {@code path} is the unit's subtree prefix ("/1/2/5/"): a unit U
 * is under unit X when U's path starts with X's path.
 */
public record UnitSummary(long id, Long parentId, UnitLevel level, UnitKind kind, String code, String name,
		Integer households, Integer adults, LocalDate validFrom, LocalDate validTo, String path, long version) {

	public boolean closed() {
		return validTo != null;
	}

	public boolean isUnder(String ancestorPath) {
		return path.startsWith(ancestorPath);
	}

	/**
	 * The SQL LIKE pattern of every path under {@code path}, its own unit's included:
	 * {@code u.subtree_path LIKE :pattern} selects a subtree, {@code u.ancestor_path LIKE :pattern} the units
	 * below it. Paths hold only ids and slashes; the escaping is for safety's sake.
	 */
	public static String likeUnder(String path) {
		return path.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
	}

	/** The address of the unit's page: /communes/5. */
	public String url() {
		return "/" + level.segment() + "/" + id;
	}

	/** The message key of the kind, for "Xã Đại Sơn" as {@code #{unit.kind.XA}} + name. */
	public String kindKey() {
		return "unit.kind." + kind.name();
	}

}
