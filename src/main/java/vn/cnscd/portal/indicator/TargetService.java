package vn.cnscd.portal.indicator;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.cnscd.portal.area.Actor;
import vn.cnscd.portal.area.Role;
import vn.cnscd.portal.area.StaleEditException;
import vn.cnscd.portal.area.UnitLevel;
import vn.cnscd.portal.area.UnitService;
import vn.cnscd.portal.area.UnitSummary;
import vn.cnscd.portal.audit.AuditLog;

/**
 * Targets per indicator, unit and year. An officer sets the targets of the district's communes, a
 * commune chair splits the commune's over its villages, each in one grid saved at once. A target of a
 * percentage indicator is a percentage (0 to 100) of the unit's adults or households; any other target is
 * a count: for a STOCK the level to reach by the end of the year, for a FLOW the year's total.
 */
@Service
@Transactional(readOnly = true)
public class TargetService {

	static final String TARGET = "TARGET";

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	/**
	 * The first key of the PostgreSQL advisory lock that makes two saves of one grid wait for each other (the
	 * second key is the grid's unit), so that both cannot pass the fingerprint check.
	 */
	private static final int GRID_LOCK = 7;

	private final TargetRepository targets;

	private final IndicatorService indicators;

	private final UnitService units;

	private final JdbcClient jdbc;

	private final AuditLog audit;

	TargetService(TargetRepository targets, IndicatorService indicators, UnitService units, JdbcClient jdbc,
			AuditLog audit) {
		this.targets = targets;
		this.indicators = indicators;
		this.units = units;
		this.jdbc = jdbc;
		this.audit = audit;
	}

	// --- reading, for other modules (no area check: for code that has made its own) ----------------------

	/** One unit's targets of a year: indicator id to value. */
	public Map<Long, BigDecimal> targets(long unitId, int year) {
		return jdbc.sql("SELECT indicator_id, value FROM target WHERE unit_id = :unit AND year = :year")
			.param("unit", unitId)
			.param("year", year)
			.query((rs, row) -> Map.entry(rs.getLong("indicator_id"), rs.getBigDecimal("value")))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	/**
	 * The targets of a year of some communes: commune id to indicator id to value. A commune that another
	 * reorganisation made of others has, until an officer sets its own, its predecessors' targets for the year
	 * carried over: counts added up, percentages weighted by the predecessors' households or adults.
	 */
	public Map<Long, Map<Long, BigDecimal>> communeTargets(Collection<Long> communeIds, int year) {
		Map<Long, Set<Long>> predecessors = units.mergedPredecessors(communeIds);
		Set<Long> all = new java.util.HashSet<>(communeIds);
		predecessors.values().forEach(all::addAll);
		Map<Long, Map<Long, BigDecimal>> stored = stored(all, year);
		Map<Long, long[]> totals = predecessors.isEmpty() ? Map.of()
				: units.lastTotals(predecessors.values().stream().flatMap(Set::stream).toList());
		Map<Long, IndicatorSummary> byId = indicators.all()
			.stream()
			.collect(Collectors.toMap(IndicatorSummary::id, Function.identity()));
		Map<Long, Map<Long, BigDecimal>> found = new HashMap<>();
		for (long commune : communeIds) {
			Map<Long, BigDecimal> own = new HashMap<>(stored.getOrDefault(commune, Map.of()));
			Map<Long, BigDecimal[]> carried = new HashMap<>();
			for (long predecessor : predecessors.getOrDefault(commune, Set.of())) {
				stored.getOrDefault(predecessor, Map.of()).forEach((indicatorId, value) -> {
					IndicatorSummary indicator = byId.get(indicatorId);
					long[] total = totals.getOrDefault(predecessor, new long[2]);
					BigDecimal weight = !indicator.percentage() ? BigDecimal.ONE
							: BigDecimal.valueOf(indicator.denominator() == Denominator.HOUSEHOLDS ? total[0] : total[1]);
					BigDecimal[] sum = carried.computeIfAbsent(indicatorId, id -> new BigDecimal[] { BigDecimal.ZERO,
							BigDecimal.ZERO });
					sum[0] = sum[0].add(value.multiply(weight));
					sum[1] = sum[1].add(weight);
				});
			}
			carried.forEach((indicatorId, sum) -> own.computeIfAbsent(indicatorId, id -> {
				if (!byId.get(id).percentage()) {
					return sum[0];
				}
				return sum[1].signum() == 0 ? BigDecimal.ZERO
						: sum[0].divide(sum[1], 2, java.math.RoundingMode.HALF_UP);
			}));
			if (!own.isEmpty()) {
				found.put(commune, own);
			}
		}
		return found;
	}

	private Map<Long, Map<Long, BigDecimal>> stored(Collection<Long> unitIds, int year) {
		Map<Long, Map<Long, BigDecimal>> found = new HashMap<>();
		if (unitIds.isEmpty()) {
			return found;
		}
		jdbc.sql("SELECT t.unit_id, t.indicator_id, t.value FROM target t WHERE t.year = :year AND t.unit_id = ANY (:units)")
			.param("year", year)
			.param("units", unitIds.toArray(Long[]::new))
			.query((rs, row) -> found.computeIfAbsent(rs.getLong("unit_id"), unit -> new HashMap<>())
				.put(rs.getLong("indicator_id"), rs.getBigDecimal("value")))
			.list();
		return found;
	}

	// --- the grids ---------------------------------------------------------------------------------------

	/**
	 * Who changes a grid: an officer the communes of a committee's province or district in their area, the chair of a
	 * commune its villages. Everyone else who may see the unit reads it.
	 */
	public boolean canEdit(Actor actor, UnitSummary parent) {
		if (parent.closed() || !actor.covers(parent)) {
			return false;
		}
		if (parent.level().isCommittee()) {
			return actor.is(Role.OFFICER);
		}
		return parent.level() == UnitLevel.COMMUNE && actor.is(Role.COMMUNE_CHAIR);
	}

	/**
	 * The grid of a committee's province or district (every commune of its subtree) or of a commune (its
	 * villages), with the rows the actor may see. A committee's columns are the active indicators; a commune's those villages report, the only ones a
	 * village's target means something for.
	 */
	TargetSheet sheet(Actor actor, long parentId, int year) {
		return load(actor, units.view(actor, parentId), year);
	}

	private TargetSheet load(Actor actor, UnitSummary parent, int year) {
		List<UnitSummary> rows;
		List<IndicatorSummary> columns;
		if (parent.level().isCommittee()) {
			// a province of 2025 holds its communes, one of 2022 through districts
			rows = units.openUnits(actor, UnitLevel.COMMUNE).stream().filter(commune -> commune.isUnder(parent.path())).toList();
			columns = indicators.active();
		}
		else if (parent.level() == UnitLevel.COMMUNE) {
			rows = units.openChildren(parent.id()).stream().filter(actor::covers).toList();
			columns = indicators.villageReportIndicators();
		}
		else {
			throw new IllegalArgumentException("Only committees and communes have a target grid");
		}
		List<StoredTarget> stored = rows.isEmpty() || columns.isEmpty() ? List.of() : jdbc.sql("""
				SELECT id, indicator_id, unit_id, value, version FROM target
				WHERE year = :year AND unit_id = ANY (:units) AND indicator_id = ANY (:indicators)""")
			.param("year", year)
			.param("units", rows.stream().map(UnitSummary::id).toArray(Long[]::new))
			.param("indicators", columns.stream().map(IndicatorSummary::id).toArray(Long[]::new))
			.query(StoredTarget.class)
			.list();
		return TargetSheet.of(parent, year, rows, columns, stored, canEdit(actor, parent));
	}

	/** A cell of a grid as saved: no value means no target. */
	record Cell(long unitId, long indicatorId, BigDecimal value) {
	}

	/**
	 * Saves the cells of a grid at once, or nothing: if any of its targets changed since the page showed
	 * {@code fingerprint}, nothing is saved and a {@link StaleEditException} says so. Cells left out are left
	 * as they are; every target that changes is audited.
	 */
	@Transactional
	void save(Actor actor, long parentId, int year, Collection<Cell> cells, String fingerprint) {
		UnitSummary parent = units.view(actor, parentId);
		if (!canEdit(actor, parent)) {
			throw new AccessDeniedException(actor.username() + " may not set the targets under unit " + parentId);
		}
		jdbc.sql("SELECT pg_advisory_xact_lock(:grid, :parent)")
			.param("grid", GRID_LOCK)
			.param("parent", Long.hashCode(parentId))
			.query((rs, row) -> row)
			.list();
		TargetSheet sheet = load(actor, parent, year);
		if (!sheet.fingerprint().equals(fingerprint)) {
			throw new StaleEditException();
		}
		Map<Long, IndicatorSummary> columns = sheet.indicators()
			.stream()
			.collect(Collectors.toMap(IndicatorSummary::id, Function.identity()));
		Set<Long> rows = sheet.units().stream().map(UnitSummary::id).collect(Collectors.toSet());
		for (Cell cell : cells) {
			if (!rows.contains(cell.unitId()) || !columns.containsKey(cell.indicatorId())) {
				throw new AccessDeniedException("Unit " + cell.unitId() + " and indicator " + cell.indicatorId()
						+ " are not in the grid of unit " + parentId);
			}
			check(columns.get(cell.indicatorId()), cell.value());
		}
		Map<List<Long>, Target> existing = targets
			.findByYearAndUnitIdInAndIndicatorIdIn(year, rows, columns.keySet())
			.stream()
			.collect(Collectors.toMap(target -> List.of(target.getUnitId(), target.getIndicatorId()),
					Function.identity()));
		for (Cell cell : cells) {
			Target target = existing.get(List.of(cell.unitId(), cell.indicatorId()));
			BigDecimal before = target == null ? null : target.getValue();
			if (before == null ? cell.value() == null : cell.value() != null && before.compareTo(cell.value()) == 0) {
				continue;
			}
			if (cell.value() == null) {
				targets.delete(target);
			}
			else if (target == null) {
				target = targets.save(new Target(cell.indicatorId(), cell.unitId(), year, cell.value()));
			}
			else {
				target.set(cell.value());
			}
			audit.record(actor.audit("TARGET_SET", TARGET, target.getId(), cell.unitId())
				.withChange(columns.get(cell.indicatorId()).code(), DecimalText.plain(before),
						DecimalText.plain(cell.value())));
		}
		targets.flush();
	}

	private static void check(IndicatorSummary indicator, BigDecimal value) {
		if (value != null && (value.signum() < 0 || (indicator.percentage() && value.compareTo(HUNDRED) > 0))) {
			throw new IllegalArgumentException("No target of " + indicator.code() + " is " + value);
		}
	}

	/** For each column of a commune's grid, the commune's own target beside what its villages' add up to. */
	List<TargetComparison> comparisons(TargetSheet sheet) {
		if (sheet.parent().level() != UnitLevel.COMMUNE) {
			throw new IllegalArgumentException("Only a commune's targets are split over its villages");
		}
		Map<Long, BigDecimal> own = targets(sheet.parent().id(), sheet.year());
		List<TargetComparison> comparisons = new ArrayList<>();
		for (IndicatorSummary indicator : sheet.indicators()) {
			List<TargetArithmetic.Share> shares = sheet.units()
				.stream()
				.map(village -> new TargetArithmetic.Share(sheet.value(village.id(), indicator.id()),
						indicator.percentage() ? indicator.denominator().of(village) : 0))
				.toList();
			comparisons.add(TargetArithmetic.compare(indicator, own.get(indicator.id()), shares));
		}
		return comparisons;
	}

	/**
	 * A village's targets of a year, if the actor may see the village: one per indicator villages report,
	 * and one per other indicator the village has a target of (a deactivated one, say).
	 */
	List<UnitTarget> villageTargets(Actor actor, UnitSummary village, int year) {
		units.view(actor, village.id());
		Map<Long, BigDecimal> values = targets(village.id(), year);
		return indicators.all()
			.stream()
			.filter(indicator -> (indicator.active() && indicator.villageReported()) || values.containsKey(indicator.id()))
			.map(indicator -> new UnitTarget(indicator, values.get(indicator.id())))
			.toList();
	}

	record UnitTarget(IndicatorSummary indicator, BigDecimal value) {
	}

}
