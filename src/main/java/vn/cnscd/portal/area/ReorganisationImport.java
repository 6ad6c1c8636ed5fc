package vn.cnscd.portal.area;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import vn.cnscd.portal.area.ReorganisationFile.Problem;
import vn.cnscd.portal.area.ReorganisationFile.Round;
import vn.cnscd.portal.area.ReorganisationFile.Row;
import vn.cnscd.portal.area.ReorganisationFile.Share;
import vn.cnscd.portal.area.ReorganisationPlan.NewUnit;
import vn.cnscd.portal.area.ReorganisationPlan.Step;

/**
 * Turns a round of a reorganisation file into the plan of a draft, on the tree as it stood the day before the
 * round's date: each group of rows with one new code becomes a merge into a new unit under the parent the
 * officer chose, or, where one of the old units already has that code and kind and stays under that parent,
 * into that unit, renamed as the file says; each {@code part} row becomes a part transfer whose villages the
 * officer then ticks (a resolution gives areas, not villages); and, if asked, every district the round leaves
 * without a commune is abolished. Old units are found by code among the units of the officer's area, and must
 * have the name the file gives them (diacritics aside).
 */
@Component
class ReorganisationImport {

	private static final String ERROR = "reorganisation.import.error.";

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private final UnitService units;

	ReorganisationImport(UnitService units) {
		this.units = units;
	}

	/** The plan of the round, or what stops it: rows whose units are not in the area as the file says. */
	record Planned(ReorganisationPlan plan, List<Problem> problems, int transfers) {
	}

	/** The units that may hold the units of a round: those of the area that hold communes, open today. */
	List<UnitSummary> parents(Actor actor) {
		List<UnitSummary> found = new ArrayList<>();
		UnitSummary home = units.get(actor.homeUnitId());
		if (!home.closed() && home.level().holds(UnitLevel.COMMUNE)) {
			found.add(home);
		}
		for (UnitLevel level : List.of(UnitLevel.PROVINCE, UnitLevel.DISTRICT)) {
			units.openUnits(actor, level).stream().filter(unit -> unit.id() != home.id()).forEach(found::add);
		}
		return found;
	}

	Planned plan(Actor actor, Round round, UnitSummary parent, boolean abolishEmpty) {
		LocalDate eve = round.effectiveOn().minusDays(1);
		List<Problem> problems = new ArrayList<>();
		Map<String, UnitSummary> old = oldUnits(actor, round, eve, problems);
		if (!problems.isEmpty()) {
			return new Planned(null, problems, 0);
		}
		Map<String, List<Row>> groups = new LinkedHashMap<>();
		round.rows().forEach(row -> groups.computeIfAbsent(key(row.newKind().level(), row.newCode()), k -> new ArrayList<>())
			.add(row));
		ReorganisationPlan plan = ReorganisationPlan.empty();
		List<Step> transfers = new ArrayList<>();
		List<Step> merges = new ArrayList<>();
		List<Step> renames = new ArrayList<>();
		for (List<Row> group : groups.values()) {
			Row first = group.get(0);
			List<Row> wholes = group.stream().filter(row -> row.share() != Share.PART).toList();
			UnitSummary kept = wholes.stream()
				.map(row -> old.get(key(row.oldKind().level(), row.oldCode())))
				.filter(unit -> unit.code() != null && unit.code().equals(first.newCode()) && unit.kind() == first.newKind()
						&& Objects.equals(unit.parentId(), parent.id()))
				.findFirst()
				.orElse(null);
			long target;
			if (kept != null) {
				target = kept.id();
				if (!kept.name().equals(first.newName())) {
					renames.add(Step.rename(kept.id(), null, null, first.newName()));
				}
			}
			else {
				target = plan.nextRef();
				plan = plan.opening(new NewUnit(target, parent.id(), first.newKind(), first.newCode(), first.newName()));
			}
			List<Long> merged = wholes.stream()
				.map(row -> old.get(key(row.oldKind().level(), row.oldCode())).id())
				.filter(id -> id != target)
				.toList();
			if (!merged.isEmpty()) {
				merges.add(Step.merge(merged, target));
			}
			for (Row part : group) {
				if (part.share() == Share.PART) {
					transfers.add(Step.transfer(old.get(key(part.oldKind().level(), part.oldCode())).id(), List.of(), target));
				}
			}
		}
		List<Step> steps = new ArrayList<>(transfers);
		steps.addAll(merges);
		steps.addAll(renames);
		if (abolishEmpty) {
			emptied(old.values(), parent, eve).forEach(district -> steps.add(Step.abolish(district)));
		}
		for (Step step : steps) {
			plan = plan.with(step);
		}
		return new Planned(plan, List.of(), transfers.size());
	}

	/**
	 * The old unit of every row, as it stood the day before: found by level and code among the units of the
	 * actor's area, with the kind and name the file gives it. A unit elsewhere is reported as not found, as is
	 * one that does not exist, so that a file tells nothing of other areas.
	 */
	private Map<String, UnitSummary> oldUnits(Actor actor, Round round, LocalDate eve, List<Problem> problems) {
		Map<UnitLevel, Set<String>> codes = new HashMap<>();
		round.rows().forEach(row -> codes.computeIfAbsent(row.oldKind().level(), level -> new LinkedHashSet<>()).add(row.oldCode()));
		Map<String, UnitSummary> found = new HashMap<>();
		codes.forEach((level, wanted) -> units.withCodes(level, wanted, eve)
			.stream()
			.filter(actor::covers)
			.forEach(unit -> found.put(key(level, unit.code()), unit)));
		for (Row row : round.rows()) {
			UnitSummary unit = found.get(key(row.oldKind().level(), row.oldCode()));
			if (unit == null) {
				problems.add(new Problem(row.line(), "old_code", row.oldCode(), ERROR + "notFound",
						List.of(row.oldCode(), DAY.format(eve))));
			}
			else if (unit.kind() != row.oldKind()) {
				problems.add(new Problem(row.line(), "old_kind", row.oldKind().name(), ERROR + "kindDiffers",
						List.of(row.oldCode(), unit.kind().name(), DAY.format(eve))));
			}
			else if (!ReorganisationFile.sameName(unit.name(), row.oldName())) {
				problems.add(new Problem(row.line(), "old_name", row.oldName(), ERROR + "nameDiffers",
						List.of(row.oldCode(), unit.name(), DAY.format(eve))));
			}
		}
		return found;
	}

	/**
	 * The districts the round leaves with no unit under them: the parents of its old units (other than the
	 * units' new parent) all of whose units on the day before go into the round's units.
	 */
	private List<Long> emptied(Iterable<UnitSummary> old, UnitSummary parent, LocalDate eve) {
		Set<Long> leaving = new LinkedHashSet<>();
		Set<Long> parents = new LinkedHashSet<>();
		for (UnitSummary unit : old) {
			leaving.add(unit.id());
			if (unit.parentId() != null && unit.parentId() != parent.id()) {
				parents.add(unit.parentId());
			}
		}
		List<Long> emptied = new ArrayList<>();
		for (long id : parents) {
			UnitSummary district = units.at(id, eve).orElse(null);
			if (district == null || district.level() != UnitLevel.DISTRICT) {
				continue;
			}
			Set<Long> children = units.unitsOn(district, UnitLevel.COMMUNE, eve)
				.stream()
				.filter(child -> Objects.equals(child.parentId(), id))
				.map(UnitSummary::id)
				.collect(Collectors.toSet());
			if (leaving.containsAll(children)) {
				emptied.add(id);
			}
		}
		return emptied;
	}

	private static String key(UnitLevel level, String code) {
		return level + "|" + code;
	}

}
