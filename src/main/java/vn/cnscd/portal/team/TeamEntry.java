package vn.cnscd.portal.team;

import vn.cnscd.portal.area.UnitLevel;

/**
 * A team as other modules see it: its name, its unit, and the commune it belongs to (its own unit for a
 * commune team, the village's commune for a village team), since names of village teams repeat.
 */
public record TeamEntry(long id, String name, UnitLevel level, long unitId, long communeId, String communeName,
		boolean active) {
}
