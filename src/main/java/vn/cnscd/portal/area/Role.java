package vn.cnscd.portal.area;

import java.util.EnumSet;
import java.util.Set;

/**
 * The five roles of the portal, each tied to the levels its home unit may have.
 */
public enum Role {

	ADMIN(EnumSet.noneOf(UnitLevel.class)), OFFICER(committeeLevels()), STEERING_MEMBER(committeeLevels()),
	COMMUNE_CHAIR(EnumSet.of(UnitLevel.COMMUNE)), VILLAGE_HEAD(EnumSet.of(UnitLevel.VILLAGE));

	private final Set<UnitLevel> homeLevels;

	Role(Set<UnitLevel> homeLevels) {
		this.homeLevels = Set.copyOf(homeLevels);
	}

	private static Set<UnitLevel> committeeLevels() {
		EnumSet<UnitLevel> levels = EnumSet.noneOf(UnitLevel.class);
		for (UnitLevel level : UnitLevel.values()) {
			if (level.isCommittee()) {
				levels.add(level);
			}
		}
		return levels;
	}

	/** The levels a home unit of this role may have; none for ADMIN, whose home is the root. */
	public Set<UnitLevel> homeLevels() {
		return homeLevels;
	}

	/** Whether a unit may be the home of an account of this role: the root for ADMIN, else a unit of its levels. */
	public boolean fitsHome(UnitSummary home) {
		return this == ADMIN ? home.parentId() == null : homeLevels.contains(home.level());
	}

	public String authority() {
		return "ROLE_" + name();
	}

}
