package vn.cnscd.portal.area;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import vn.cnscd.portal.area.ReorganisationPlan.NewUnit;
import vn.cnscd.portal.area.ReorganisationPlan.Step;
import vn.cnscd.portal.area.ReorganisationPlan.StepKind;
import vn.cnscd.portal.area.ReorganisationService.Reorganisation;

/**
 * What the reorganisation pages show and offer: the units of the draft's area on its date that the forms let
 * the officer choose (the same lists the controller checks a choice against), the draft's steps in words, and
 * what became of closed units for the search and unit pages.
 */
@Component
class ReorganisationViews {

	private final UnitService units;

	ReorganisationViews(UnitService units) {
		this.units = units;
	}

	/** A unit one may choose: an id, or the negative reference of a unit the draft opens. */
	record Option(long value, UnitName name, UnitLevel level) {
	}

	/** A step of the plan in words: the units it takes, where they go, what a renamed unit becomes. */
	record StepView(int index, StepKind kind, List<UnitName> units, UnitName target, boolean targetIsNew, UnitName from,
			UnitName after, boolean waiting, List<Option> villages) {
	}

	/** What a closed unit went into (or a unit was made of), named where the reader may see it. */
	record Link(UnitName name, String url, SuccessionKind kind, LocalDate effectiveOn, String basisNumber,
			LocalDate basisDate) {
	}

	/**
	 * The units of a draft's area as they stand on its date, by level, and the units the draft opens: what its
	 * forms offer, and all a choice sent back may be.
	 */
	final class Candidates {

		private final LocalDate on;

		/** Units are named as they stood before the change: on its date until it is applied, the day before after. */
		private final LocalDate namedOn;

		private final Map<UnitLevel, List<Option>> existing = new LinkedHashMap<>();

		private final Map<UnitLevel, List<Option>> opened = new LinkedHashMap<>();

		private final Map<Long, UnitName> names = new HashMap<>();

		Candidates(Reorganisation reorganisation) {
			this.on = reorganisation.basis().effectiveOn();
			this.namedOn = reorganisation.status() == ReorganisationService.Status.IN_FORCE ? on.minusDays(1) : on;
			UnitSummary area = units.get(reorganisation.areaId());
			Optional<UnitSummary> then = units.at(area.id(), on);
			for (UnitLevel level : List.of(UnitLevel.PROVINCE, UnitLevel.DISTRICT, UnitLevel.COMMUNE)) {
				List<Option> options = new ArrayList<>();
				then.filter(unit -> unit.level() == level).ifPresent(unit -> options.add(option(unit)));
				if (then.isPresent()) {
					units.unitsOn(then.get(), level, on).forEach(unit -> options.add(option(unit)));
				}
				existing.put(level, options);
			}
			for (NewUnit unit : reorganisation.plan().opens()) {
				UnitName name = new UnitName(unit.kind(), unit.name(), unit.code());
				names.put(unit.ref(), name);
				opened.computeIfAbsent(unit.kind().level(), level -> new ArrayList<>())
					.add(new Option(unit.ref(), name, unit.kind().level()));
			}
		}

		private Option option(UnitSummary unit) {
			UnitName name = new UnitName(unit.kind(), unit.name(), unit.code());
			names.put(unit.id(), name);
			return new Option(unit.id(), name, unit.level());
		}

		LocalDate on() {
			return on;
		}

		/** Units of the level in force on the date, in the area. */
		List<Option> existing(UnitLevel level) {
			return existing.getOrDefault(level, List.of());
		}

		/** Those and the units of the level the draft opens. */
		List<Option> all(UnitLevel level) {
			List<Option> all = new ArrayList<>(existing(level));
			all.addAll(opened.getOrDefault(level, List.of()));
			return all;
		}

		/** What may hold a unit of the level: existing units and new ones of every level that holds it. */
		List<Option> parentsOf(UnitLevel level) {
			return Arrays.stream(UnitLevel.values()).filter(parent -> parent.holds(level)).flatMap(parent -> all(parent).stream()).toList();
		}

		/** The existing districts and communes, and the area's own unit: what may be renamed or moved. */
		List<Option> movable() {
			List<Option> found = new ArrayList<>(existing(UnitLevel.DISTRICT));
			found.addAll(existing(UnitLevel.COMMUNE));
			return found;
		}

		List<Option> renamable() {
			List<Option> found = new ArrayList<>(existing(UnitLevel.PROVINCE));
			found.addAll(movable());
			return found;
		}

		/** The villages of a commune in force on the date, if it is a commune of the area then. */
		List<UnitSummary> villagesOf(Long commune) {
			if (commune == null || !contains(existing(UnitLevel.COMMUNE), commune)) {
				return List.of();
			}
			List<UnitSummary> villages = units.villagesOn(List.of(commune), on);
			villages.forEach(village -> names.put(village.id(), new UnitName(village.kind(), village.name(), village.code())));
			return villages;
		}

		UnitName name(long id) {
			return names.computeIfAbsent(id, unit -> units.at(unit, namedOn)
				.or(() -> Optional.of(units.get(unit)))
				.map(found -> new UnitName(found.kind(), found.name(), found.code()))
				.orElseThrow());
		}

		static boolean contains(Collection<Option> options, Long value) {
			return value != null && options.stream().anyMatch(option -> option.value() == value);
		}

	}

	Candidates candidates(Reorganisation reorganisation) {
		return new Candidates(reorganisation);
	}

	/** The steps in words; a part transfer still waiting for its villages offers those of its commune. */
	List<StepView> steps(Reorganisation reorganisation, Candidates candidates) {
		List<StepView> views = new ArrayList<>();
		List<Step> steps = reorganisation.plan().steps();
		Set<Long> opened = reorganisation.plan().opens().stream().map(NewUnit::ref).collect(Collectors.toSet());
		for (int i = 0; i < steps.size(); i++) {
			Step step = steps.get(i);
			List<UnitName> named = step.units().stream().map(candidates::name).toList();
			UnitName target = step.target() == null ? null : candidates.name(step.target());
			UnitName from = step.from() == null ? null : candidates.name(step.from());
			UnitName after = null;
			if (step.kind() == StepKind.RENAME && !named.isEmpty()) {
				UnitName was = named.get(0);
				after = new UnitName(step.newKind() == null ? was.kind() : step.newKind(),
						step.newName() == null || step.newName().isBlank() ? was.name() : step.newName(),
						step.newCode() == null || step.newCode().isBlank() ? was.code() : step.newCode());
			}
			boolean waiting = step.kind() == StepKind.TRANSFER && step.units().isEmpty();
			List<Option> villages = List.of();
			if (waiting && reorganisation.status() == ReorganisationService.Status.DRAFT) {
				villages = candidates.villagesOf(step.from())
					.stream()
					.map(village -> new Option(village.id(), candidates.name(village.id()), UnitLevel.VILLAGE))
					.toList();
			}
			views.add(new StepView(i, step.kind(), named, target, step.target() != null && opened.contains(step.target()),
					from, after, waiting, villages));
		}
		return views;
	}

	/**
	 * What became of the units of the list that closed into others or gave some of their villages away, by unit
	 * id: the units they went into, named where the reader may see them.
	 */
	Map<Long, List<Link>> successors(Actor actor, Collection<UnitSummary> found) {
		List<Long> ids = found.stream().map(UnitSummary::id).toList();
		Map<Long, List<Link>> links = new HashMap<>();
		units.successions(ids).forEach((unit, successions) -> links.put(unit, successions.stream()
			.map(s -> link(actor, s.successorId(), s.kind(), s.effectiveOn(), s.basisNumber(), s.basisDate()))
			.toList()));
		return links;
	}

	/** What a unit was made of: the units that went into it, whole or in part. */
	List<Link> predecessors(Actor actor, UnitSummary unit) {
		return units.predecessors(List.of(unit.id()))
			.getOrDefault(unit.id(), List.of())
			.stream()
			.map(p -> link(actor, p.predecessorId(), p.kind(), p.effectiveOn(), p.basisNumber(), p.basisDate()))
			.toList();
	}

	/**
	 * The unit as it was named on the day of the change (a successor renamed by the same decision has its new
	 * name), with a link where the reader may open it; a unit outside the reader's area is left unnamed.
	 */
	private Link link(Actor actor, long id, SuccessionKind kind, LocalDate on, String basisNumber, LocalDate basisDate) {
		UnitSummary now = units.get(id);
		if (!units.canView(actor, now)) {
			return new Link(null, null, kind, on, basisNumber, basisDate);
		}
		UnitSummary then = units.at(id, on).or(() -> units.at(id, on.minusDays(1))).orElse(now);
		return new Link(new UnitName(then.kind(), then.name(), then.code()), now.url(), kind, on, basisNumber, basisDate);
	}

}
