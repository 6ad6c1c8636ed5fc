package vn.cnscd.portal.area;

/**
 * The five roles of the portal, each tied to the level of its home unit.
 */
public enum Role {

	ADMIN(null), OFFICER(UnitLevel.DISTRICT), STEERING_MEMBER(UnitLevel.DISTRICT),
	COMMUNE_CHAIR(UnitLevel.COMMUNE), VILLAGE_HEAD(UnitLevel.VILLAGE);

	private final UnitLevel homeLevel;

	Role(UnitLevel homeLevel) {
		this.homeLevel = homeLevel;
	}

	/** The level a home unit of this role must have; {@code null} for ADMIN, whose home is the root. */
	public UnitLevel homeLevel() {
		return homeLevel;
	}

	public String authority() {
		return "ROLE_" + name();
	}

}
