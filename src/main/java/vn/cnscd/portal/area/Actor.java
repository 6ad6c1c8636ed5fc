package vn.cnscd.portal.area;

import java.util.List;
import java.util.Map;

import vn.cnscd.portal.audit.AuditEntry;

/**
 * The signed-in user as every access check sees them: role, home unit and the subtrees they may see.
 * {@code scopePaths} are unit paths ({@link UnitSummary#path()}); a user sees a unit when its path starts
 * with one of them. Most roles have one, their home unit's; a steering member has one per commune in
 * their charge.
 */
public record Actor(long userId, String username, String fullName, Role role, long homeUnitId,
		List<String> scopePaths) {

	public Actor {
		scopePaths = List.copyOf(scopePaths);
	}

	public boolean covers(UnitSummary unit) {
		return scopePaths.stream().anyMatch(unit::isUnder);
	}

	/**
	 * An SQL condition that selects the units of the area on a column of unit paths ({@code u.subtree_path}),
	 * which the path index serves; its parameters are {@link #scopeParams()}.
	 */
	public String scopeCondition(String pathColumn) {
		return scopes().condition(pathColumn);
	}

	public Map<String, Object> scopeParams() {
		return scopes().params();
	}

	private Subtrees scopes() {
		return new Subtrees(scopePaths);
	}

	public boolean is(Role candidate) {
		return role == candidate;
	}

	public boolean isAny(Role... candidates) {
		for (Role candidate : candidates) {
			if (role == candidate) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether the actor is the officer of the unit, who speaks for it in its documents: an officer of
	 * their committee's unit (a district or a province), a commune chair of their commune.
	 */
	public boolean isOfficerOf(UnitSummary unit) {
		if (homeUnitId != unit.id()) {
			return false;
		}
		return switch (unit.level()) {
			case PROVINCE, DISTRICT -> role == Role.OFFICER;
			case COMMUNE -> role == Role.COMMUNE_CHAIR;
			case VILLAGE -> false;
		};
	}

	/** An audit entry for a change this actor made. */
	public AuditEntry audit(String action, String entityType, long entityId, Long unitId) {
		return AuditEntry.of(userId, username, action, entityType, entityId, unitId);
	}

}
