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
