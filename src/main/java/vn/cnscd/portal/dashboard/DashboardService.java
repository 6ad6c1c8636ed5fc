package vn.cnscd.portal.dashboard;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.cnscd.portal.area.Actor;
import vn.cnscd.portal.area.Role;
import vn.cnscd.portal.area.UnitChange;
import vn.cnscd.portal.area.UnitLevel;
import vn.cnscd.portal.area.UnitService;
import vn.cnscd.portal.area.UnitSummary;
import vn.cnscd.portal.indicator.IndicatorKind;
import vn.cnscd.portal.indicator.IndicatorService;
import vn.cnscd.portal.indicator.IndicatorSummary;
import vn.cnscd.portal.indicator.TargetService;
import vn.cnscd.portal.reporting.Deadlines;
import vn.cnscd.portal.reporting.ReportFigures;
import vn.cnscd.portal.team.TeamCoverage;

/**
 * The measures of SPEC §5 for a district or one of its communes. Officers see their district and
 * any of its communes; a steering member the communes in their charge (the district's dashboard shows only
 * those); a commune chair their own commune. An administrator also reads a whole province's, for its
 * quarterly summary: the queries then select the province's rows as they would a district's.
 */
@Service
@Transactional(readOnly = true)
public class DashboardService {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private final ReportFigures figures;

	private final TeamCoverage teams;

	private final UnitService units;

	private final IndicatorService indicators;

	private final TargetService targets;

	private final Deadlines deadlines;

	DashboardService(ReportFigures figures, TeamCoverage teams, UnitService units, IndicatorService indicators,
			TargetService targets, Deadlines deadlines) {
		this.figures = figures;
		this.teams = teams;
		this.units = units;
		this.indicators = indicators;
		this.targets = targets;
		this.deadlines = deadlines;
	}

	/** The last month whose village due date has passed: the latest whose figures can be judged. */
	public YearMonth defaultMonth() {
		YearMonth month = deadlines.reportingMonth();
		return deadlines.today().isAfter(deadlines.villageDue(month)) ? month : month.minusMonths(1);
	}

	/** The province, district or commune whose dashboard the actor may read; 403 otherwise, 404 for another level. */
	public UnitSummary area(Actor actor, long unitId, UnitLevel level) {
		UnitSummary unit = units.get(unitId);
		if (unit.level() != level) {
			throw new DashboardNotFoundException();
		}
		if (!mayRead(actor, unit)) {
			throw new AccessDeniedException(actor.username() + " may not read the dashboard of unit " + unitId);
		}
		return unit;
	}

	/** The unit whose dashboard is the actor's own: their committee's province or district, or their commune. */
	public UnitSummary home(Actor actor) {
		return units.get(actor.homeUnitId());
	}

	/** Whether the actor may read the unit's dashboard (or summary): see {@link #area}. */
	public boolean mayRead(Actor actor, UnitSummary unit) {
		return switch (unit.level()) {
			case PROVINCE, DISTRICT -> actor.isAny(Role.ADMIN, Role.OFFICER, Role.STEERING_MEMBER)
					&& units.canView(actor, unit);
			case COMMUNE -> actor.isAny(Role.ADMIN, Role.OFFICER, Role.STEERING_MEMBER, Role.COMMUNE_CHAIR)
					&& actor.covers(unit);
			case VILLAGE -> false;
		};
	}

	/**
	 * What the actor's view of the area covers: a steering member reads only the communes in their charge of a
	 * committee's province or district, which every title and text of that view must say.
	 */
	public Coverage coverage(Actor actor, UnitSummary area) {
		if (area.level() == UnitLevel.COMMUNE || actor.covers(area)) {
			return Coverage.whole(area);
		}
		List<UnitSummary> communes = units.communesOn(area, deadlines.today());
		int shown = (int) communes.stream().filter(actor::covers).count();
		return new Coverage(area, actor.fullName(), shown, communes.size());
	}

	/** The month a summary or page opens on by default, and the quarter holding it. */
	public Quarter defaultQuarter() {
		return Quarter.of(defaultMonth());
	}

	/** A quarter as written in addresses, 2026-Q3; none for a quarter not yet begun. */
	public Optional<Quarter> quarter(String text) {
		return Quarter.parse(text).filter(quarter -> !quarter.first().isAfter(deadlines.currentMonth()));
	}

	/** The dashboard of an area the actor may read ({@link #area}). */
	public Dashboard dashboard(Actor actor, UnitSummary area, YearMonth month) {
		return dashboard(actor, area, month, true);
	}

	/**
	 * The dashboard's figures without its village lines (the chase list), for summaries of large areas: a
	 * province's 74,000 village lines per month would not fit the memory an export should need.
	 */
	public Dashboard figures(Actor actor, UnitSummary area, YearMonth month) {
		return dashboard(actor, area, month, false);
	}

	/**
	 * The reports of a month of the area's communes, by commune id, and their total under the area's id: what a
	 * summary lists for each of its months, without the rest of a dashboard. The communes are those of the area as
	 * it stood in the month, as on its dashboard.
	 */
	public Map<Long, ReportFigures.ReportCounts> reportCounts(Actor actor, UnitSummary unit, YearMonth month) {
		UnitSummary area = units.at(unit.id(), month.atEndOfMonth()).orElse(unit);
		Map<Long, ReportFigures.ReportCounts> counts = new HashMap<>(
				figures.counts(communes(actor, area, month).stream().map(UnitSummary::id).toList(), month));
		counts.put(area.id(), counts.values().stream().reduce(ReportFigures.ReportCounts.NONE,
				ReportFigures.ReportCounts::plus));
		return counts;
	}

	/**
	 * The dashboard's figures of {@code to} (as {@link #figures}) and what the villages of each of its communes did
	 * from {@code from} to {@code to}, months of one year, read together: what a summary of a period shows.
	 */
	public PeriodFigures period(Actor actor, UnitSummary unit, YearMonth from, YearMonth to) {
		return dashboard(actor, unit, from, to, false);
	}

	/**
	 * A dashboard of a month, and each FLOW indicator's sum over a span of months of its year ending with it, by
	 * commune id and the area's total under its id (a STOCK's level is the dashboard's).
	 */
	public record PeriodFigures(Dashboard atEnd, Map<Long, Map<Long, Long>> flows) {
	}

	private Dashboard dashboard(Actor actor, UnitSummary unit, YearMonth month, boolean withVillages) {
		return dashboard(actor, unit, YearMonth.of(month.getYear(), 1), month, withVillages).atEnd();
	}

	private PeriodFigures dashboard(Actor actor, UnitSummary unit, YearMonth from, YearMonth month,
			boolean withVillages) {
		// the area as it stood in the month: its name and code then, and the unit it was under
		LocalDate end = month.atEndOfMonth();
		UnitSummary area = units.at(unit.id(), end).orElse(unit);
		UnitSummary district = area.level() != UnitLevel.COMMUNE ? area
				: units.at(area.parentId(), end).orElseGet(() -> units.get(area.parentId()));
		List<UnitSummary> communes = communes(actor, area, month);
		List<Long> ids = communes.stream().map(UnitSummary::id).toList();
		Set<Long> withTeam = teams.withActiveTeam(ids, month.atEndOfMonth());
		Map<Long, ReportFigures.VillageState> villages = figures.villages(ids, month);
		Map<Long, List<ReportFigures.VillageState>> villagesByCommune = villages.values()
			.stream()
			.collect(Collectors.groupingBy(ReportFigures.VillageState::communeId));
		Map<Long, ReportFigures.Values> achieved = figures.values(ids, from, month);
		Map<Long, Map<Long, BigDecimal>> targetsByCommune = targets.communeTargets(ids, month.getYear());
		Map<Long, Long> obstacles = figures.openObstacles(ids, month.atEndOfMonth());
		List<IndicatorSummary> reported = indicators.villageReportIndicators();

		List<CommuneFigures> lines = new ArrayList<>();
		Map<Long, Map<Long, Long>> flows = new HashMap<>();
		Map<Long, Long> totalFlows = new HashMap<>();
		for (UnitSummary commune : communes) {
			ReportFigures.ReportCounts counts = ReportFigures.ReportCounts
				.of(villagesByCommune.getOrDefault(commune.id(), List.of()));
			ReportFigures.Values done = achieved.getOrDefault(commune.id(), ReportFigures.Values.NONE);
			Map<Long, BigDecimal> aims = targetsByCommune.getOrDefault(commune.id(), Map.of());
			List<Progress> progress = reported.stream()
				.map(indicator -> new Progress(indicator, done.yearToDate().getOrDefault(indicator.id(), 0L),
						targetCount(indicator, aims.get(indicator.id()), done)))
				.toList();
			lines.add(new CommuneFigures(commune, 1, withTeam.contains(commune.id()) ? 1 : 0, counts.villages(),
					counts.expected(), counts.sent(), counts.onTime(), obstacles.getOrDefault(commune.id(), 0L),
					progress));
			Map<Long, Long> own = new HashMap<>();
			for (IndicatorSummary indicator : reported) {
				Long sum = done.byIndicator().get(indicator.id());
				if (indicator.kind() == IndicatorKind.FLOW && sum != null) {
					own.put(indicator.id(), sum);
					totalFlows.merge(indicator.id(), sum, Long::sum);
				}
			}
			flows.put(commune.id(), own);
		}
		flows.put(area.id(), totalFlows);
		List<VillageStatus> villageLines = withVillages ? villageLines(communes, villages, month) : List.of();
		CommuneFigures total = total(area, reported, lines);
		List<CommuneFigures> ranking = lines.stream()
			.sorted(Comparator.comparingDouble(CommuneFigures::score).reversed()
				.thenComparing(line -> line.commune().code(), Comparator.nullsLast(Comparator.naturalOrder())))
			.toList();
		return new PeriodFigures(new Dashboard(district, area, month, deadlines.villageDue(month), total, ranking,
				villageLines), flows);
	}

	/** The communes a dashboard of the area counts in the month: those of the area then, that the actor sees. */
	private List<UnitSummary> communes(Actor actor, UnitSummary area, YearMonth month) {
		return units.communesOn(area, month.atEndOfMonth()).stream().filter(actor::covers).toList();
	}

	/** The status of each village of the communes in the month, for the chase list and the drill-down. */
	private List<VillageStatus> villageLines(List<UnitSummary> communes, Map<Long, ReportFigures.VillageState> states,
			YearMonth month) {
		Map<Long, UnitSummary> communeById = communes.stream()
			.collect(Collectors.toMap(UnitSummary::id, Function.identity()));
		List<UnitSummary> villages = units.villagesOn(communeById.keySet(), month.atEndOfMonth());
		Map<Long, TeamCoverage.Leader> leaders = teams.leaders(villages.stream().map(UnitSummary::id).toList());
		Map<Long, Integer> order = new HashMap<>();
		for (int i = 0; i < communes.size(); i++) {
			order.put(communes.get(i).id(), i);
		}
		return villages.stream()
			.sorted(Comparator.comparing(village -> order.get(village.parentId())))
			.map(village -> {
				ReportFigures.VillageState state = states.get(village.id());
				TeamCoverage.Leader leader = leaders.get(village.id());
				return new VillageStatus(village, communeById.get(village.parentId()), month, state.expected(),
						state.status(), state.late(), leader == null ? null : leader.fullName(),
						leader == null ? null : leader.phone());
			})
			.toList();
	}

	/** The reorganisations that changed the area's units within the months. */
	public List<UnitChange> changes(UnitSummary area, YearMonth from, YearMonth to) {
		return units.changes(area, from.atDay(1), to.atEndOfMonth());
	}

	/**
	 * The monthly values of each reported indicator over {@code months} months up to {@code to}, the villages
	 * grouped as each month's reports were made or as the units stand today.
	 */
	public List<Trend> trends(Actor actor, UnitSummary area, YearMonth to, int months, ReportFigures.View view) {
		YearMonth from = to.minusMonths(months - 1L);
		List<Long> communes = (view == ReportFigures.View.TODAY
				? units.communesOn(area, deadlines.today())
				: units.communesThrough(area, from.atDay(1), to.atEndOfMonth()))
			.stream()
			.filter(actor::covers)
			.map(UnitSummary::id)
			.toList();
		List<YearMonth> window = IntStream.range(0, months).mapToObj(from::plusMonths).toList();
		Map<YearMonth, Map<Long, Long>> totals = figures.monthly(communes, from, to, view, deadlines.today());
		return indicators.villageReportIndicators()
			.stream()
			.map(indicator -> new Trend(indicator, window, window.stream()
				.map(month -> totals.getOrDefault(month, Map.of()).getOrDefault(indicator.id(), 0L))
				.toList()))
			.toList();
	}

	/**
	 * The count a target asks for: a percentage indicator's target is a share of the commune villages' adults
	 * or households (a commune holds no count of its own).
	 */
	private static BigDecimal targetCount(IndicatorSummary indicator, BigDecimal target,
			ReportFigures.Values villages) {
		if (target == null || !indicator.percentage()) {
			return target;
		}
		long base = switch (indicator.denominator()) {
			case HOUSEHOLDS -> villages.households();
			case ADULTS -> villages.adults();
		};
		return target.multiply(BigDecimal.valueOf(base)).divide(HUNDRED);
	}

	/** The area's totals: counts add up; a target is the sum of the communes' that have one. */
	private static CommuneFigures total(UnitSummary area, List<IndicatorSummary> reported, List<CommuneFigures> figures) {
		List<Progress> progress = reported.stream().map(indicator -> {
			long achieved = 0;
			BigDecimal target = null;
			for (CommuneFigures line : figures) {
				Progress own = line.progress().stream().filter(p -> p.indicator().id() == indicator.id()).findFirst()
					.orElseThrow();
				achieved += own.achieved();
				if (own.target() != null) {
					target = target == null ? own.target() : target.add(own.target());
				}
			}
			return new Progress(indicator, achieved, target);
		}).toList();
		return new CommuneFigures(area, figures.size(), sum(figures, CommuneFigures::communesWithTeam),
				sum(figures, CommuneFigures::villages), sum(figures, CommuneFigures::villagesWithTeam),
				sum(figures, CommuneFigures::sent), sum(figures, CommuneFigures::onTime),
				figures.stream().mapToLong(CommuneFigures::openObstacles).sum(), progress);
	}

	private static int sum(List<CommuneFigures> figures, ToIntFunction<CommuneFigures> field) {
		return figures.stream().mapToInt(field).sum();
	}

}
