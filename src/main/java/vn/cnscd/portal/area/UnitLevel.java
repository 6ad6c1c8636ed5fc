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

	/** The level of this level's children, or {@code null} for villages. */
	public UnitLevel childLevel() {
		return this == VILLAGE ? null : values()[ordinal() + 1];
	}

}
