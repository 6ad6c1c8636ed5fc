package vn.cnscd.portal.area;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What a reorganisation does to units, as the modules that follow it see it: the units that close, each with
 * the units it went into (a negative id is a unit the reorganisation opens, in a preview); the villages that
 * change commune (village id to its commune before and after); the names of every unit involved, for the
 * preview; and the officer's choice for each account whose home closes (a unit id, or 0 to disable it).
 */
public record UnitsReorganised(long reorganisationId, LocalDate effectiveOn, Map<Long, List<Long>> successors,
		Map<Long, Long[]> villagesMoved, Map<Long, String> names, Map<Long, Long> accountDecisions) {

	/** A unit's name, as plain text. */
	public String name(long unitId) {
		return names.getOrDefault(unitId, String.valueOf(unitId));
	}

	/** The same change with the units it opened named by their ids instead of their references. */
	UnitsReorganised resolving(Map<Long, Long> ids) {
		java.util.function.LongUnaryOperator id = unit -> unit < 0 ? ids.get(unit) : unit;
		Map<Long, List<Long>> resolvedSuccessors = new java.util.LinkedHashMap<>();
		successors.forEach((closed, next) -> resolvedSuccessors.put(id.applyAsLong(closed),
				next.stream().map(id::applyAsLong).toList()));
		Map<Long, Long[]> moved = new java.util.LinkedHashMap<>();
		villagesMoved.forEach((village, communes) -> moved.put(village,
				new Long[] { communes[0], id.applyAsLong(communes[1]) }));
		Map<Long, String> resolvedNames = new java.util.HashMap<>();
		names.forEach((unit, name) -> resolvedNames.put(id.applyAsLong(unit), name));
		Map<Long, Long> decisions = new java.util.HashMap<>();
		accountDecisions.forEach((account, home) -> decisions.put(account, home == 0 ? 0 : id.applyAsLong(home)));
		return new UnitsReorganised(reorganisationId, effectiveOn, resolvedSuccessors, moved, resolvedNames, decisions);
	}

}
