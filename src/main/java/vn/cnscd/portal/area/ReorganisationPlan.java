package vn.cnscd.portal.area;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a reorganisation changes, in the order the decision takes it: the units it opens (each with a negative
 * reference other steps may use before it has an id), its steps, and the officer's choice for each account
 * whose home unit closes (a new home, or 0 to disable it). Stored as JSON with the reorganisation.
 */
public record ReorganisationPlan(List<NewUnit> opens, List<Step> steps, Map<Long, Long> accounts) {

	public ReorganisationPlan {
		opens = List.copyOf(opens);
		steps = List.copyOf(steps);
		accounts = Map.copyOf(accounts);
	}

	public static ReorganisationPlan empty() {
		return new ReorganisationPlan(List.of(), List.of(), Map.of());
	}

	/** A unit the reorganisation opens: {@code ref} is negative, {@code parent} a unit id or another ref. */
	public record NewUnit(long ref, long parent, UnitKind kind, String code, String name) {
	}

	public enum StepKind {

		/** The units merge into the target (an existing unit, one of them or not, or a new one). */
		MERGE,
		/** The villages go to the target commune; the commune they leave carries on. */
		TRANSFER,
		/** The unit takes another name, code or kind (thị trấn → xã); a null keeps it. */
		RENAME,
		/** The units go under the target. */
		MOVE,
		/** The unit's level is done away with there: its units go to its parent and it closes. */
		ABOLISH

	}

	/**
	 * One change: {@code units} are ids (or refs); {@code target} the unit they go to, where the kind has one;
	 * {@code from}, for a part transfer, the commune the villages leave, known before they are chosen (a file
	 * names the commune, the officer picks its villages later).
	 */
	public record Step(StepKind kind, List<Long> units, Long target, UnitKind newKind, String newCode, String newName,
			Long from) {

		public Step {
			units = List.copyOf(units);
		}

		public Step(StepKind kind, List<Long> units, Long target, UnitKind newKind, String newCode, String newName) {
			this(kind, units, target, newKind, newCode, newName, null);
		}

		public static Step merge(List<Long> units, long target) {
			return new Step(StepKind.MERGE, units, target, null, null, null);
		}

		public static Step transfer(List<Long> villages, long target) {
			return new Step(StepKind.TRANSFER, villages, target, null, null, null);
		}

		/** Villages of one commune going to another; none yet while the officer has still to choose them. */
		public static Step transfer(long from, List<Long> villages, long target) {
			return new Step(StepKind.TRANSFER, villages, target, null, null, null, from);
		}

		/** The same step over other units: the villages the officer chose for a part transfer. */
		public Step over(List<Long> chosen) {
			return new Step(kind, chosen, target, newKind, newCode, newName, from);
		}

		public static Step rename(long unit, UnitKind kind, String code, String name) {
			return new Step(StepKind.RENAME, List.of(unit), null, kind, code, name);
		}

		public static Step move(List<Long> units, long target) {
			return new Step(StepKind.MOVE, units, target, null, null, null);
		}

		public static Step abolish(long unit) {
			return new Step(StepKind.ABOLISH, List.of(unit), null, null, null, null);
		}

	}

	public ReorganisationPlan opening(NewUnit unit) {
		List<NewUnit> more = new ArrayList<>(opens);
		more.add(unit);
		return new ReorganisationPlan(more, steps, accounts);
	}

	public ReorganisationPlan with(Step step) {
		List<Step> more = new ArrayList<>(steps);
		more.add(step);
		return new ReorganisationPlan(opens, more, accounts);
	}

	public ReorganisationPlan without(int stepIndex) {
		List<Step> fewer = new ArrayList<>(steps);
		fewer.remove(stepIndex);
		return new ReorganisationPlan(opens, fewer, accounts);
	}

	public ReorganisationPlan deciding(Map<Long, Long> decisions) {
		return new ReorganisationPlan(opens, steps, new TreeMap<>(decisions));
	}

	/** The next free reference for a new unit. */
	public long nextRef() {
		return opens.stream().mapToLong(NewUnit::ref).min().orElse(0) - 1;
	}

}
