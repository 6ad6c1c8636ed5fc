package vn.cnscd.portal.area;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.cnscd.portal.audit.AuditLog;
import vn.cnscd.portal.audit.AuditLog.FieldChange;

/**
 * The units tree and who may see and change which part of it. Every method that takes an {@link Actor}
 * checks the actor's area itself, whatever the caller already checked.
 */
@Service
@Transactional(readOnly = true)
public class UnitService {

	private final UnitRepository units;

	private final UnitHistory history;

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final Clock clock;

	UnitService(UnitRepository units, UnitHistory history, JdbcClient jdbc, AuditLog audit, Clock clock) {
		this.units = units;
		this.history = history;
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	public UnitSummary get(long id) {
		return load(id).summary();
	}

	public Map<Long, UnitSummary> getAll(Collection<Long> ids) {
		return units.findAllById(ids).stream().collect(Collectors.toMap(Unit::getId, Unit::summary));
	}

	/** The unit, if the actor may see it: inside their area, or their own home unit. */
	public UnitSummary view(Actor actor, long id) {
		UnitSummary unit = get(id);
		if (!canView(actor, unit)) {
			throw new AccessDeniedException("Unit " + id + " is outside the area of " + actor.username());
		}
		return unit;
	}

	/**
	 * The unit at an address of a committee's pages ({@code /provinces/1/teams}, {@code /districts/2/teams}), if
	 * the actor may see it: the segment must name the unit's level, and the level must be one a committee sits at.
	 */
	public UnitSummary committee(Actor actor, String segment, long id) {
		UnitSummary unit = view(actor, id);
		if (!unit.level().isCommittee() || unit.level() != UnitLevel.ofSegment(segment)) {
			throw new UnitNotFoundException(id);
		}
		return unit;
	}

	public boolean canView(Actor actor, UnitSummary unit) {
		return actor.covers(unit) || unit.id() == actor.homeUnitId();
	}

	/**
	 * Whether the actor may add, rename or close units of this one's level, and count a village's
	 * households: officers for communes and villages of their area, commune chairs for the villages
	 * of their commune.
	 */
	public boolean canManage(Actor actor, UnitSummary unit) {
		return switch (unit.level()) {
			case COMMUNE -> actor.is(Role.OFFICER) && actor.covers(unit);
			case VILLAGE -> actor.isAny(Role.OFFICER, Role.COMMUNE_CHAIR) && actor.covers(unit);
			default -> false;
		};
	}

	/** Whether the actor may add children to this unit. */
	public boolean canAddChild(Actor actor, UnitSummary parent) {
		return switch (parent.level()) {
			case PROVINCE, DISTRICT -> actor.is(Role.OFFICER) && actor.covers(parent);
			case COMMUNE -> actor.isAny(Role.OFFICER, Role.COMMUNE_CHAIR) && actor.covers(parent);
			default -> false;
		};
	}

	/** The children of a unit that the actor may see, each with the totals of its open villages. */
	public List<UnitRow> children(Actor actor, long parentId, boolean withClosed) {
		view(actor, parentId);
		List<UnitSummary> children = units.findChildren(parentId, withClosed)
			.stream()
			.map(Unit::summary)
			.filter(actor::covers)
			.toList();
		// each open village under the parent counts for the child its path goes through, found in one index range
		String parentPath = get(parentId).path();
		Map<Long, Totals> totals = jdbc.sql("""
				SELECT CAST(split_part(substr(v.subtree_path, :from), '/', 1) AS bigint) AS id, count(*) AS villages,
				       coalesce(sum(v.households), 0) AS households, coalesce(sum(v.adults), 0) AS adults
				FROM unit v
				WHERE v.level = 'VILLAGE' AND v.valid_to IS NULL AND v.ancestor_path LIKE :under
				GROUP BY 1""")
			.param("from", parentPath.length() + 1)
			.param("under", UnitSummary.likeUnder(parentPath))
			.query(Totals.class)
			.list()
			.stream()
			.collect(Collectors.toMap(Totals::id, Function.identity()));
		return children.stream().map(child -> {
			Totals total = totals.getOrDefault(child.id(), new Totals(child.id(), 0, 0, 0));
			return new UnitRow(child, total.villages(), total.households(), total.adults());
		}).toList();
	}

	private record Totals(long id, long villages, long households, long adults) {
	}

	/** The open children of a unit, by code; no area check, for code that has made its own. */
	public List<UnitSummary> openChildren(long parentId) {
		return units.findChildren(parentId, false).stream().map(Unit::summary).toList();
	}

	/** The unit's ancestors, root first. */
	public List<UnitSummary> ancestors(UnitSummary unit) {
		List<Long> ids = Arrays.stream(unit.path().split("/"))
			.filter(part -> !part.isEmpty())
			.map(Long::valueOf)
			.filter(id -> id != unit.id())
			.toList();
		return ids.isEmpty() ? List.of() : units.findAllByIdIn(ids).stream().map(Unit::summary).toList();
	}

	/** Open and closed units in the actor's area whose kind, name or code contain every word of the query. */
	public List<UnitSummary> search(Actor actor, String query, int limit) {
		List<String> words = SearchText.words(query);
		if (words.isEmpty()) {
			return List.of();
		}
		StringBuilder sql = new StringBuilder("""
				SELECT id FROM unit
				WHERE """ + actor.scopeCondition("subtree_path"));
		List<String> patterns = new ArrayList<>();
		for (int i = 0; i < words.size(); i++) {
			sql.append(" AND search_text LIKE :w").append(i);
			patterns.add("%" + escapeLike(words.get(i)) + "%");
		}
		sql.append(" ORDER BY level, valid_to NULLS FIRST, code, name LIMIT :limit");
		JdbcClient.StatementSpec statement = jdbc.sql(sql.toString())
			.params(actor.scopeParams())
			.param("limit", limit);
		for (int i = 0; i < patterns.size(); i++) {
			statement = statement.param("w" + i, patterns.get(i));
		}
		List<Long> ids = statement.query(Long.class).list();
		Map<Long, UnitSummary> found = units.findAllById(ids)
			.stream()
			.collect(Collectors.toMap(Unit::getId, Unit::summary));
		return ids.stream().map(found::get).toList();
	}

	private static String escapeLike(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	/** Open units of a level in the actor's area, for choosing a home unit, say. */
	public List<UnitSummary> openUnits(Actor actor, UnitLevel level) {
		List<Long> ids = jdbc.sql("""
				SELECT id FROM unit
				WHERE level = :level AND valid_to IS NULL AND %s
				ORDER BY ancestor_path, code, name""".formatted(actor.scopeCondition("subtree_path")))
			.param("level", level.name())
			.params(actor.scopeParams())
			.query(Long.class)
			.list();
		Map<Long, UnitSummary> found = units.findAllById(ids)
			.stream()
			.collect(Collectors.toMap(Unit::getId, Unit::summary));
		return ids.stream().map(found::get).toList();
	}

	/**
	 * The open communes in the actor's area, each with the totals of its open villages: the communes in a
	 * steering member's charge, which may sit under different districts of their province. Villages are the
	 * communes' children, so one grouped query counts them all.
	 */
	public List<UnitRow> openCommunes(Actor actor) {
		List<UnitSummary> open = openUnits(actor, UnitLevel.COMMUNE);
		if (open.isEmpty()) {
			return List.of();
		}
		Map<Long, Totals> totals = jdbc.sql("""
				SELECT v.parent_id AS id, count(*) AS villages, coalesce(sum(v.households), 0) AS households,
				       coalesce(sum(v.adults), 0) AS adults
				FROM unit v
				WHERE v.level = 'VILLAGE' AND v.valid_to IS NULL AND v.parent_id = ANY (:communes)
				GROUP BY v.parent_id""")
			.param("communes", open.stream().map(UnitSummary::id).toArray(Long[]::new))
			.query(Totals.class)
			.list()
			.stream()
			.collect(Collectors.toMap(Totals::id, Function.identity()));
		return open.stream().map(unit -> {
			Totals total = totals.getOrDefault(unit.id(), new Totals(unit.id(), 0, 0, 0));
			return new UnitRow(unit, total.villages(), total.households(), total.adults());
		}).toList();
	}

	/**
	 * The unit as it stood on a date (its parent, path, kind, code and name then), if it was in force. A unit
	 * is in force from its valid_from up to the day before its valid_to.
	 */
	public Optional<UnitSummary> at(long id, LocalDate on) {
		return history.at(id, on).map(UnitHistory.Version::unit);
	}

	/** The communes under a unit (or the unit itself, if it is one) as they stood on a date, by code. */
	public List<UnitSummary> communesOn(UnitSummary under, LocalDate on) {
		Optional<UnitSummary> then = at(under.id(), on);
		if (then.isEmpty()) {
			return List.of();
		}
		if (under.level() == UnitLevel.COMMUNE) {
			return List.of(then.get());
		}
		return history.under(then.get().path(), UnitLevel.COMMUNE, on);
	}

	/**
	 * The communes that were under a unit (or the unit itself) at some time from {@code from} to {@code to},
	 * each as it stood the last day it was there, by code.
	 */
	public List<UnitSummary> communesThrough(UnitSummary under, LocalDate from, LocalDate to) {
		Map<Long, UnitSummary> found = new LinkedHashMap<>();
		for (UnitHistory.Version version : history.versions(under.id())) {
			LocalDate start = version.validFrom().isAfter(from) ? version.validFrom() : from;
			LocalDate end = version.validTo() == null || version.validTo().isAfter(to) ? to
					: version.validTo().minusDays(1);
			if (start.isAfter(end)) {
				continue;
			}
			if (under.level() == UnitLevel.COMMUNE) {
				found.put(under.id(), version.unit());
			}
			else {
				history.underThrough(version.unit().path(), UnitLevel.COMMUNE, start, end)
					.forEach(commune -> found.put(commune.id(), commune));
			}
		}
		return found.values()
			.stream()
			.sorted(Comparator.comparing(UnitSummary::code, Comparator.nullsLast(Comparator.naturalOrder()))
				.thenComparing(UnitSummary::name))
			.toList();
	}

	/** The units of a level under a unit as they stood on a date, by code. */
	public List<UnitSummary> unitsOn(UnitSummary under, UnitLevel level, LocalDate on) {
		Optional<UnitSummary> then = at(under.id(), on);
		if (then.isEmpty()) {
			return List.of();
		}
		return history.under(then.get().path(), level, on);
	}

	/** The units of a level that had one of the codes on a date, as they stood then; no area check. */
	public List<UnitSummary> withCodes(UnitLevel level, Collection<String> codes, LocalDate on) {
		return history.withCodes(level, codes, on);
	}

	/** The villages of some communes as they stood on a date, by commune and code. */
	public List<UnitSummary> villagesOn(Collection<Long> communeIds, LocalDate on) {
		if (communeIds.isEmpty()) {
			return List.of();
		}
		return history.villagesOf(communeIds, on);
	}

	/** The reorganisations that changed the unit, its units or its predecessors from {@code from} to {@code to}. */
	public List<UnitChange> changes(UnitSummary area, LocalDate from, LocalDate to) {
		return history.changes(history.lineagePaths(List.of(area.id())), from, to);
	}

	/**
	 * The units that merged into each of the units given, however far back (a unit that was itself made of others
	 * brings its own predecessors); units without any are absent.
	 */
	public Map<Long, Set<Long>> mergedPredecessors(Collection<Long> unitIds) {
		return history.mergedPredecessors(unitIds);
	}

	/** The households and adults of the villages each unit had on its last day in force, by unit id. */
	public Map<Long, long[]> lastTotals(Collection<Long> unitIds) {
		return history.lastTotals(unitIds);
	}

	/** What became of closed units, by unit id: the units each went into, earliest first. */
	public Map<Long, List<Succession>> successions(Collection<Long> unitIds) {
		return history.successions(unitIds);
	}

	/** What units were made of, by unit id: the units that went into each (whole or in part), earliest first. */
	public Map<Long, List<Predecessor>> predecessors(Collection<Long> unitIds) {
		return history.predecessors(unitIds);
	}

	/**
	 * The names, codes and kinds a unit had before the ones it has now, latest first, each with the days it
	 * was in force: Xã Kỳ Sơn was Xã Tái Sơn until 31/12/2024.
	 */
	public List<FormerName> formerNames(long unitId) {
		List<UnitHistory.Version> versions = history.versions(unitId);
		if (versions.isEmpty()) {
			return List.of();
		}
		UnitSummary last = versions.get(versions.size() - 1).unit();
		UnitName now = new UnitName(last.kind(), last.name(), last.code());
		List<FormerName> former = new ArrayList<>();
		for (UnitHistory.Version version : versions) {
			UnitName name = new UnitName(version.unit().kind(), version.unit().name(), version.unit().code());
			if (name.equals(now)) {
				continue;
			}
			FormerName previous = former.isEmpty() ? null : former.get(former.size() - 1);
			if (previous != null && previous.name().equals(name) && version.validFrom().equals(previous.until().plusDays(1))) {
				former.set(former.size() - 1, new FormerName(name, previous.from(), version.validTo().minusDays(1)));
			}
			else if (version.validTo() != null) {
				former.add(new FormerName(name, version.validFrom(), version.validTo().minusDays(1)));
			}
		}
		Collections.reverse(former);
		return former;
	}

	public Optional<UnitSummary> findOpen(UnitLevel level, String code) {
		return units.findByLevelAndCodeAndValidToIsNull(level, code).map(Unit::summary);
	}

	/** Which of the codes (compared in capitals) are those of open units of the level: one query for many. */
	public Set<String> openCodes(UnitLevel level, Collection<String> codes) {
		if (codes.isEmpty()) {
			return Set.of();
		}
		return Set.copyOf(jdbc.sql("""
				SELECT upper(code) FROM unit WHERE level = :level AND valid_to IS NULL AND upper(code) = ANY (:codes)""")
			.param("level", level.name())
			.param("codes", codes.stream().map(code -> code.toUpperCase(Locale.ROOT)).distinct().toArray(String[]::new))
			.query(String.class)
			.list());
	}

	public UnitSummary root() {
		return units.findByParentIdIsNull().map(Unit::summary).orElseThrow();
	}

	/**
	 * The subtree paths a user of this role and home unit may see: the home unit's, or a steering member's
	 * communes', each with every path it had and the paths of every unit that closed into it, however far
	 * back. This is the one rule of who reads what across a reorganisation: the chair of a commune made of
	 * others reads their past; a user whose home was re-homed elsewhere reads nothing more of the old one.
	 */
	public List<String> scopePaths(Role role, long homeUnitId, Collection<Long> assignedCommuneIds) {
		if (role == Role.STEERING_MEMBER) {
			List<String> committee = history.lineagePaths(List.of(homeUnitId));
			List<Long> communes = units.findAllByIdIn(assignedCommuneIds.isEmpty() ? List.of(-1L) : assignedCommuneIds)
				.stream()
				.map(Unit::summary)
				.filter(commune -> commune.level() == UnitLevel.COMMUNE
						&& committee.stream().anyMatch(commune::isUnder))
				.map(UnitSummary::id)
				.toList();
			return history.lineagePaths(communes);
		}
		return history.lineagePaths(List.of(homeUnitId));
	}

	@Transactional
	public UnitSummary create(Actor actor, long parentId, UnitDraft draft) {
		Unit parent = load(parentId);
		if (!canAddChild(actor, parent.summary())) {
			throw new AccessDeniedException(actor.username() + " may not add units under " + parentId);
		}
		Unit unit = new Unit(parent, draft.kind(), draft.code(), draft.name(), LocalDate.now(clock));
		if (unit.getLevel() == UnitLevel.VILLAGE) {
			unit.count(draft.households(), draft.adults());
		}
		units.saveAndFlush(unit);
		audit.record(actor.audit("UNIT_CREATED", "UNIT", unit.getId(), unit.getId())
			.withChange("name", null, unit.summary().name()));
		return unit.summary();
	}

	@Transactional
	public UnitSummary update(Actor actor, long id, UnitDraft draft, long expectedVersion) {
		Unit unit = loadManaged(actor, id, expectedVersion);
		UnitSummary before = unit.summary();
		unit.describe(draft.kind(), draft.code(), draft.name());
		if (unit.getLevel() == UnitLevel.VILLAGE) {
			unit.count(draft.households(), draft.adults());
		}
		units.saveAndFlush(unit);
		UnitSummary after = unit.summary();
		history.correct(after);
		audit.recordChanges(actor.audit("UNIT_UPDATED", "UNIT", id, id),
				List.of(FieldChange.of("kind", before.kind(), after.kind()), FieldChange.of("code", before.code(), after.code()),
						FieldChange.of("name", before.name(), after.name()),
						FieldChange.of("households", before.households(), after.households()),
						FieldChange.of("adults", before.adults(), after.adults())));
		return after;
	}

	@Transactional
	public UnitSummary close(Actor actor, long id, LocalDate on, long expectedVersion) {
		Unit unit = loadManaged(actor, id, expectedVersion);
		unit.close(on);
		units.saveAndFlush(unit);
		history.end(id, on);
		audit.record(actor.audit("UNIT_CLOSED", "UNIT", id, id).withChange("validTo", null, on.toString()));
		return unit.summary();
	}

	private Unit loadManaged(Actor actor, long id, long expectedVersion) {
		Unit unit = load(id);
		if (!canManage(actor, unit.summary())) {
			throw new AccessDeniedException(actor.username() + " may not change unit " + id);
		}
		if (unit.isClosed()) {
			throw new AccessDeniedException("Unit " + id + " is closed");
		}
		if (unit.getVersion() != expectedVersion) {
			throw new StaleEditException();
		}
		return unit;
	}

	private Unit load(long id) {
		return units.findById(id).orElseThrow(() -> new UnitNotFoundException(id));
	}

}
