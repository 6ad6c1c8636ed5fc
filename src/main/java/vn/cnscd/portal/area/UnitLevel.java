package vn.cnscd.portal.area;

public enum UnitLevel {

	PROVINCE, DISTRICT, COMMUNE, VILLAGE;

	/** The plural word for this level in addresses: /communes/5. */
	public String segment() {
		return switch (this) {
			case PROVINCE -> "provinces";
			case DISTRICT -> "districts";
			case COMMUNE -> "communes";
			case VILLAGE -> "villages";
		};
	}

	/**
	 * The level of a path segment ({@link #segment()}): "districts" is {@link #DISTRICT}.
	 *
	 * @throws UnitNotFoundException for a segment that names no level, as an address naming no unit would
	 */
	public static UnitLevel ofSegment(String segment) {
		for (UnitLevel level : values()) {
			if (level.segment().equals(segment)) {
				return level;
			}
		}
		throw new UnitNotFoundException(segment);
	}

	/**
	 * Whether a steering committee and its standing office may sit at a unit of this level: a district, as
	 * until 2025, or a province (city), as since the district level was abolished on 01/07/2025.
	 */
	public boolean isCommittee() {
		return this == PROVINCE || this == DISTRICT;
	}

	/**
	 * The level of this level's children as the tree had them until 2025, or {@code null} for villages. Since
	 * the district level was abolished a province's children are communes: {@link #holds} says what may sit
	 * under a unit.
	 */
	public UnitLevel childLevel() {
		return this == VILLAGE ? null : values()[ordinal() + 1];
	}

	/** Whether a unit of this level may have a child of that level: any lower level but a village's. */
	public boolean holds(UnitLevel child) {
		return child.ordinal() > ordinal() && (child != VILLAGE || this == COMMUNE);
	}

}
