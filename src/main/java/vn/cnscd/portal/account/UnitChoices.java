package vn.cnscd.portal.account;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import vn.cnscd.portal.area.SearchText;
import vn.cnscd.portal.area.UnitLevel;
import vn.cnscd.portal.area.UnitSummary;

/**
 * The home units a creator may give a new account, as the form offers them without any script: the units above
 * communes first, then each commune with its villages, by code. Where there are many villages the form asks for
 * a commune first and then lists that commune's villages; a search by name (diacritics left out) lists the
 * matches of every level instead.
 *
 * @param upper the province or districts that may be chosen
 * @param groups communes, each with the units of it that may be chosen (itself, its villages)
 * @param communes every commune with something to choose, for the first step
 * @param stepped whether the villages wait for a commune to be chosen
 */
record UnitChoices(List<UnitSummary> upper, List<Group> groups, List<UnitSummary> communes, boolean stepped) {

	/** More villages than this and the form asks for the commune first. */
	static final int VILLAGES_AT_ONCE = 60;

	/** At most this many matches of a search are listed. */
	static final int MATCHES = 100;

	record Group(UnitSummary commune, List<UnitSummary> units) {
	}

	/**
	 * @param choosable every unit the creator may choose
	 * @param parents the communes of the choosable villages, by id
	 * @param communeId the commune chosen in the first step, or null
	 * @param search what was typed to find a unit, or null
	 */
	static UnitChoices of(List<UnitSummary> choosable, Map<Long, UnitSummary> parents, Long communeId, String search) {
		Comparator<UnitSummary> byCode = Comparator.comparing(UnitSummary::code, Comparator.nullsLast(Comparator.naturalOrder()))
			.thenComparing(UnitSummary::name);
		List<UnitSummary> upper = choosable.stream()
			.filter(unit -> unit.level() == UnitLevel.PROVINCE || unit.level() == UnitLevel.DISTRICT)
			.sorted(Comparator.comparing(UnitSummary::level).thenComparing(byCode))
			.toList();
		Map<Long, UnitSummary> communes = new LinkedHashMap<>();
		choosable.stream().filter(unit -> unit.level() == UnitLevel.COMMUNE).forEach(unit -> communes.put(unit.id(), unit));
		choosable.stream()
			.filter(unit -> unit.level() == UnitLevel.VILLAGE)
			.map(unit -> parents.get(unit.parentId()))
			.filter(Objects::nonNull)
			.forEach(commune -> communes.putIfAbsent(commune.id(), commune));
		List<UnitSummary> sortedCommunes = communes.values().stream().sorted(byCode).toList();
		Map<Long, List<UnitSummary>> byCommune = choosable.stream()
			.filter(unit -> unit.level() == UnitLevel.COMMUNE || unit.level() == UnitLevel.VILLAGE)
			.collect(Collectors.groupingBy(unit -> unit.level() == UnitLevel.COMMUNE ? unit.id() : unit.parentId()));
		// a commune before its villages, each by code
		Function<UnitSummary, List<UnitSummary>> within = commune -> byCommune.getOrDefault(commune.id(), List.of())
			.stream()
			.sorted(Comparator.comparing((UnitSummary unit) -> unit.level() != UnitLevel.COMMUNE).thenComparing(byCode))
			.toList();

		List<String> words = SearchText.words(search);
		if (!words.isEmpty()) {
			List<UnitSummary> upperMatches = upper.stream().filter(unit -> matches(unit, words)).toList();
			List<Group> groups = new ArrayList<>();
			int listed = upperMatches.size();
			for (UnitSummary commune : sortedCommunes) {
				List<UnitSummary> found = within.apply(commune).stream().filter(unit -> matches(unit, words)).toList();
				if (!found.isEmpty() && listed < MATCHES) {
					found = found.subList(0, Math.min(found.size(), MATCHES - listed));
					listed += found.size();
					groups.add(new Group(commune, found));
				}
			}
			return new UnitChoices(upperMatches, groups, sortedCommunes, false);
		}
		UnitSummary chosen = communeId == null ? null : communes.get(communeId);
		if (chosen != null) {
			return new UnitChoices(upper, List.of(new Group(chosen, within.apply(chosen))), sortedCommunes, true);
		}
		long villages = choosable.stream().filter(unit -> unit.level() == UnitLevel.VILLAGE).count();
		if (villages > VILLAGES_AT_ONCE) {
			// the communes alone; their villages come once one is chosen
			List<Group> groups = sortedCommunes.stream()
				.map(commune -> new Group(commune, within.apply(commune).stream()
					.filter(unit -> unit.level() == UnitLevel.COMMUNE)
					.toList()))
				.filter(group -> !group.units().isEmpty())
				.toList();
			return new UnitChoices(upper, groups, sortedCommunes, true);
		}
		return new UnitChoices(upper, sortedCommunes.stream().map(commune -> new Group(commune, within.apply(commune)))
			.toList(), sortedCommunes, false);
	}

	private static boolean matches(UnitSummary unit, List<String> words) {
		String folded = SearchText.fold(unit.kind().vietnameseWord() + " " + unit.name() + " " + unit.code());
		return words.stream().allMatch(folded::contains);
	}

}
