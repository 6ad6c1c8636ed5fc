package vn.cnscd.portal.area;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import vn.cnscd.portal.area.ReorganisationPlan.NewUnit;
import vn.cnscd.portal.area.ReorganisationPlan.Step;
import vn.cnscd.portal.area.ReorganisationPlan.StepKind;

/** The changes an officer makes to a draft's plan, one step at a time, as the draft page sends them. */
final class PlanEdits {

	private PlanEdits() {
	}

	/**
	 * The plan with one more step. Part transfers go before every other step: the villages an officer ticks
	 * are those of the commune on the date, which a merge later in the plan may close; the transfer takes
	 * them out first, and the merge the rest.
	 */
	static ReorganisationPlan adding(ReorganisationPlan plan, Step step) {
		if (step.kind() != StepKind.TRANSFER) {
			return plan.with(step);
		}
		List<Step> steps = new ArrayList<>(plan.steps());
		int at = 0;
		while (at < steps.size() && steps.get(at).kind() == StepKind.TRANSFER) {
			at++;
		}
		steps.add(at, step);
		return new ReorganisationPlan(plan.opens(), steps, plan.accounts());
	}

	/** The plan with a new unit that the units merge into. */
	static ReorganisationPlan mergingIntoNew(ReorganisationPlan plan, List<Long> units, long parent, UnitKind kind,
			String code, String name) {
		long ref = plan.nextRef();
		ReorganisationPlan opened = plan.opening(new NewUnit(ref, parent, kind, blankToNull(code), name.strip()));
		return adding(opened, Step.merge(units, ref));
	}

	/** The part transfer at {@code index} over the villages the officer ticked. */
	static ReorganisationPlan choosing(ReorganisationPlan plan, int index, List<Long> villages) {
		List<Step> steps = new ArrayList<>(plan.steps());
		steps.set(index, steps.get(index).over(villages));
		return new ReorganisationPlan(plan.opens(), steps, plan.accounts());
	}

	/** The plan without the step, and without the new units that nothing refers to any more. */
	static ReorganisationPlan removing(ReorganisationPlan plan, int index) {
		ReorganisationPlan fewer = plan.without(index);
		List<NewUnit> opens = new ArrayList<>(fewer.opens());
		boolean dropped = true;
		while (dropped) {
			Set<Long> used = new HashSet<>();
			for (Step step : fewer.steps()) {
				used.addAll(step.units());
				if (step.target() != null) {
					used.add(step.target());
				}
				if (step.from() != null) {
					used.add(step.from());
				}
			}
			opens.forEach(unit -> used.add(unit.parent()));
			dropped = opens.removeIf(unit -> !used.contains(unit.ref()));
		}
		return new ReorganisationPlan(opens, fewer.steps(), fewer.accounts());
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

}
