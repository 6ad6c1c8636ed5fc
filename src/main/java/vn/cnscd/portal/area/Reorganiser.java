package vn.cnscd.portal.area;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A plan worked through on the tree as it stands on its date, in memory: which units close, open, move or
 * change, and what became of each closed unit, or the problems that stop it. Nothing is written here; the
 * preview and the application read the same outcome, so what is shown is what is done.
 */
final class Reorganiser {

	private Reorganiser() {
	}

	/** A unit's state on the date: a negative id is a unit the plan opens. */
	record Node(long id, Long parent, UnitLevel level, UnitKind kind, String code, String name, boolean closed) {

		Node placed(Long newParent) {
			return new Node(id, newParent, level, kind, code, name, closed);
		}

		Node described(UnitKind newKind, String newCode, String newName) {
			return new Node(id, parent, newKind == null ? level : newKind.level(), newKind == null ? kind : newKind,
					newCode == null ? code : newCode, newName == null ? name : newName, closed);
		}

		Node closing() {
			return new Node(id, parent, level, kind, code, name, true);
		}

	}

	record Successor(long predecessor, long successor, SuccessionKind kind) {
	}

	/** The tree after the plan, with what changed. */
	record Outcome(Map<Long, Node> before, Map<Long, Node> after, List<Successor> successions, List<ReorganisationProblem> problems) {

		List<Node> changed() {
			return after.values().stream().filter(node -> node.id() > 0 && !node.equals(before.get(node.id()))).toList();
		}

		List<Node> opened() {
			return after.values().stream().filter(node -> node.id() < 0).toList();
		}

		List<Node> closed() {
			return after.values().stream().filter(node -> node.closed() && !before.get(node.id()).closed()).toList();
		}

		/** Villages whose commune changes: village id to its commune before and after. */
		Map<Long, Long[]> villagesMoved() {
			Map<Long, Long[]> moved = new LinkedHashMap<>();
			for (Node node : after.values()) {
				Node was = before.get(node.id());
				if (node.level() == UnitLevel.VILLAGE && was != null && !node.closed()
						&& !Objects.equals(was.parent(), node.parent())) {
					moved.put(node.id(), new Long[] { was.parent(), node.parent() });
				}
			}
			return moved;
		}

		/** The successors of each unit that closes. */
		Map<Long, List<Long>> successorsOfClosed() {
			Map<Long, List<Long>> found = new LinkedHashMap<>();
			for (Node node : closed()) {
				found.put(node.id(), successions.stream()
					.filter(s -> s.predecessor() == node.id())
					.map(Successor::successor)
					.distinct()
					.toList());
			}
			return found;
		}

	}

	/**
	 * Works the plan through. {@code before} holds every unit the plan touches, with all units under them, as
	 * they stand on the date; {@code openCodes} are the codes already used by open units of each level elsewhere.
	 */
	static Outcome apply(Map<Long, Node> before, ReorganisationPlan plan, Map<UnitLevel, Set<String>> openCodes) {
		Map<Long, Node> after = new LinkedHashMap<>(before);
		List<Successor> successions = new ArrayList<>();
		List<ReorganisationProblem> problems = new ArrayList<>();
		for (ReorganisationPlan.NewUnit unit : plan.opens()) {
			after.put(unit.ref(), new Node(unit.ref(), unit.parent(), unit.kind().level(), unit.kind(),
					blankToNull(unit.code()), unit.name().strip(), false));
		}
		for (ReorganisationPlan.NewUnit unit : plan.opens()) {
			Node parent = after.get(unit.parent());
			if (parent == null || parent.closed()) {
				problems.add(new ReorganisationProblem("reorganisation.problem.parent", List.of(unit.name())));
			}
			else if (!parent.level().holds(unit.kind().level())) {
				problems.add(new ReorganisationProblem("reorganisation.problem.level", List.of(unit.name(), parent.name())));
			}
		}
		for (ReorganisationPlan.Step step : plan.steps()) {
			List<Node> units = new ArrayList<>();
			for (long id : step.units()) {
				Node node = after.get(id);
				if (node == null || node.closed()) {
					problems.add(new ReorganisationProblem("reorganisation.problem.unit", List.of(String.valueOf(id))));
				}
				else {
					units.add(node);
				}
			}
			Node target = step.target() == null ? null : after.get(step.target());
			if (step.target() != null && (target == null || target.closed())) {
				problems.add(new ReorganisationProblem("reorganisation.problem.target", List.of(String.valueOf(step.target()))));
				continue;
			}
			switch (step.kind()) {
				case MERGE -> {
					for (Node unit : units) {
						if (unit.id() == target.id()) {
							continue;
						}
						if (unit.level() != target.level()) {
							problems.add(new ReorganisationProblem("reorganisation.problem.mergeLevel", List.of(unit.name(), target.name())));
							continue;
						}
						if (isUnder(after, target.id(), unit.id())) {
							problems.add(new ReorganisationProblem("reorganisation.problem.cycle", List.of(unit.name(), target.name())));
							continue;
						}
						childrenOf(after, unit.id()).forEach(child -> after.put(child.id(), child.placed(target.id())));
						after.put(unit.id(), after.get(unit.id()).closing());
						successions.add(new Successor(unit.id(), target.id(), SuccessionKind.MERGED));
					}
				}
				case TRANSFER -> {
					if (target.level() != UnitLevel.COMMUNE) {
						problems.add(new ReorganisationProblem("reorganisation.problem.transferTarget", List.of(target.name())));
						continue;
					}
					Node from = step.from() == null ? null : after.get(step.from());
					if (step.from() != null && (from == null || from.closed())) {
						problems.add(new ReorganisationProblem("reorganisation.problem.unit", List.of(String.valueOf(step.from()))));
						continue;
					}
					if (step.units().isEmpty()) {
						problems.add(new ReorganisationProblem("reorganisation.problem.transferEmpty",
								List.of(from == null ? "" : from.name(), target.name())));
						continue;
					}
					Set<Long> left = new LinkedHashSet<>();
					for (Node unit : units) {
						if (unit.level() != UnitLevel.VILLAGE) {
							problems.add(new ReorganisationProblem("reorganisation.problem.transferUnit", List.of(unit.name())));
							continue;
						}
						if (from != null && !Objects.equals(unit.parent(), from.id())) {
							problems.add(new ReorganisationProblem("reorganisation.problem.transferFrom",
									List.of(unit.name(), from.name())));
							continue;
						}
						if (Objects.equals(unit.parent(), target.id())) {
							continue;
						}
						left.add(unit.parent());
						after.put(unit.id(), unit.placed(target.id()));
					}
					left.forEach(commune -> successions.add(new Successor(commune, target.id(), SuccessionKind.PART)));
				}
				case RENAME -> {
					for (Node unit : units) {
						if (step.newKind() != null && step.newKind().level() != unit.level()) {
							problems.add(new ReorganisationProblem("reorganisation.problem.kind", List.of(unit.name())));
							continue;
						}
						after.put(unit.id(), unit.described(step.newKind(), blankToNull(step.newCode()),
								step.newName() == null || step.newName().isBlank() ? null : step.newName().strip()));
					}
				}
				case MOVE -> {
					for (Node unit : units) {
						if (!target.level().holds(unit.level())) {
							problems.add(new ReorganisationProblem("reorganisation.problem.level", List.of(unit.name(), target.name())));
						}
						else if (isUnder(after, target.id(), unit.id())) {
							problems.add(new ReorganisationProblem("reorganisation.problem.cycle", List.of(unit.name(), target.name())));
						}
						else {
							after.put(unit.id(), unit.placed(target.id()));
						}
					}
				}
				case ABOLISH -> {
					for (Node unit : units) {
						Node parent = unit.parent() == null ? null : after.get(unit.parent());
						List<Node> children = childrenOf(after, unit.id());
						if (parent == null || children.stream().anyMatch(child -> !parent.level().holds(child.level()))) {
							problems.add(new ReorganisationProblem("reorganisation.problem.abolish", List.of(unit.name())));
							continue;
						}
						children.forEach(child -> after.put(child.id(), child.placed(parent.id())));
						after.put(unit.id(), unit.closing());
						successions.add(new Successor(unit.id(), parent.id(), SuccessionKind.ABOLISHED));
					}
				}
			}
		}
		for (Node node : after.values()) {
			if (node.closed() && !childrenOf(after, node.id()).isEmpty()) {
				problems.add(new ReorganisationProblem("reorganisation.problem.orphans", List.of(node.name())));
			}
		}
		problems.addAll(codeClashes(before, after, openCodes));
		return new Outcome(before, after, List.copyOf(new LinkedHashSet<>(successions)), problems);
	}

	/** Two open units of a level with one code, on the date: the plan's own, or one of the plan's and another. */
	private static List<ReorganisationProblem> codeClashes(Map<Long, Node> before, Map<Long, Node> after,
			Map<UnitLevel, Set<String>> openCodes) {
		List<ReorganisationProblem> problems = new ArrayList<>();
		Map<String, Node> seen = new HashMap<>();
		for (Node node : after.values()) {
			if (node.closed() || node.code() == null) {
				continue;
			}
			Node other = seen.put(node.level() + ":" + node.code(), node);
			if (other != null) {
				problems.add(new ReorganisationProblem("reorganisation.problem.code", List.of(node.code(), other.name(), node.name())));
			}
			Node was = before.get(node.id());
			boolean codeIsNew = was == null || was.closed() || !node.code().equals(was.code());
			if (codeIsNew && openCodes.getOrDefault(node.level(), Set.of()).contains(node.code())) {
				problems.add(new ReorganisationProblem("reorganisation.problem.codeTaken", List.of(node.code(), node.name())));
			}
		}
		return problems;
	}

	static List<Node> childrenOf(Map<Long, Node> tree, long parent) {
		return tree.values().stream().filter(node -> !node.closed() && Objects.equals(node.parent(), parent)).toList();
	}

	/** Whether {@code unit} is {@code ancestor} or under it, in the tree as it now stands. */
	private static boolean isUnder(Map<Long, Node> tree, long unit, long ancestor) {
		Set<Long> visited = new HashSet<>();
		Long current = unit;
		while (current != null && visited.add(current)) {
			if (current == ancestor) {
				return true;
			}
			Node node = tree.get(current);
			current = node == null ? null : node.parent();
		}
		return false;
	}

	/** The ids the plan names directly: its steps' units and targets and its new units' parents. */
	static Set<Long> named(ReorganisationPlan plan) {
		Set<Long> ids = new LinkedHashSet<>();
		plan.steps().forEach(step -> {
			ids.addAll(step.units());
			if (step.target() != null) {
				ids.add(step.target());
			}
			if (step.from() != null) {
				ids.add(step.from());
			}
		});
		plan.opens().forEach(unit -> ids.add(unit.parent()));
		ids.removeIf(id -> id < 0);
		return ids;
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

}
