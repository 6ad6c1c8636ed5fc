package vn.cnscd.portal.export;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

import vn.cnscd.portal.area.Actor;
import vn.cnscd.portal.area.UnitLevel;
import vn.cnscd.portal.area.UnitService;
import vn.cnscd.portal.area.UnitSummary;
import vn.cnscd.portal.dashboard.CommuneFigures;
import vn.cnscd.portal.dashboard.Dashboard;
import vn.cnscd.portal.dashboard.DashboardService;
import vn.cnscd.portal.export.ReportDocument.Achievement;
import vn.cnscd.portal.export.ReportDocument.Established;
import vn.cnscd.portal.export.ReportDocument.Line;
import vn.cnscd.portal.export.ReportDocument.Obstacle;
import vn.cnscd.portal.export.ReportDocument.Proposal;
import vn.cnscd.portal.export.ReportDocument.Sent;
import vn.cnscd.portal.indicator.IndicatorKind;
import vn.cnscd.portal.reporting.Deadlines;
import vn.cnscd.portal.reporting.ReportFigures.ReportCounts;
import vn.cnscd.portal.reporting.ReportTexts;
import vn.cnscd.portal.reporting.ReportTexts.RaisedObstacle;
import vn.cnscd.portal.team.RosterFacts;
import vn.cnscd.portal.team.RosterFacts.CommuneRoster;
import vn.cnscd.portal.training.TrainingFacts;

/**
 * Assembles a report document from the public APIs of the modules that own its facts: the dashboard of each
 * due month (coverage, reports sent, progress, ranking), the rosters, the training records and the words of
 * the reports. Only the few figures per commune are kept, never a village line: a province's whole appendix
 * streams from what this holds.
 */
@Component
@Transactional(readOnly = true)
class ReportSource {

	private final DashboardService dashboards;

	private final RosterFacts rosters;

	private final TrainingFacts training;

	private final ReportTexts texts;

	private final UnitService units;

	private final ReportSettingsService settings;

	private final Deadlines deadlines;

	ReportSource(DashboardService dashboards, RosterFacts rosters, TrainingFacts training, ReportTexts texts,
			UnitService units, ReportSettingsService settings, Deadlines deadlines) {
		this.dashboards = dashboards;
		this.rosters = rosters;
		this.training = training;
		this.texts = texts;
		this.units = units;
		this.settings = settings;
		this.deadlines = deadlines;
	}

	/** The period a report is of when none is asked for: the quarter of the dashboard's default month. */
	ReportPeriod defaultPeriod() {
		return ReportPeriod.quarter(dashboards.defaultQuarter());
	}

	/**
	 * The months of the period whose village reports were due by today; 404 for a period none of whose months
	 * is due yet: there is nothing to report of it.
	 */
	List<YearMonth> dueMonths(ReportPeriod period) {
		YearMonth lastDue = dashboards.defaultMonth();
		List<YearMonth> due = period.months().stream().filter(month -> !month.isAfter(lastDue)).toList();
		if (due.isEmpty() || period.year() < 2000) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return due;
	}

	/** The communes the actor sees of the area, by code, and the area: what the raw values of the CSV cover. */
	Dashboard scope(Actor actor, UnitSummary area, ReportPeriod period) {
		List<YearMonth> due = dueMonths(period);
		return dashboards.figures(actor, area, due.get(due.size() - 1));
	}

	ReportDocument load(Actor actor, UnitSummary area, ReportPeriod period) {
		List<YearMonth> months = dueMonths(period);
		List<YearMonth> notDue = period.months().stream().filter(month -> !months.contains(month)).toList();
		YearMonth end = months.get(months.size() - 1);
		LocalDate today = deadlines.today();
		LocalDate asOf = today.isBefore(period.lastDay()) ? today : period.lastDay();

		// the months before the last are read for their reports sent alone, the last month's dashboard for the rest
		// (a province's is some ten megabytes), with each FLOW's sum over the period
		Map<YearMonth, Map<Long, Sent>> sent = new LinkedHashMap<>();
		for (YearMonth month : months.subList(0, months.size() - 1)) {
			sent.put(month, sent(dashboards.reportCounts(actor, area, month)));
		}
		DashboardService.PeriodFigures ofPeriod = dashboards.period(actor, area, period.first(), end);
		Dashboard atEnd = ofPeriod.atEnd();
		Map<Long, Map<Long, Long>> flows = ofPeriod.flows();
		sent.put(end, sent(atEnd));

		Map<Long, CommuneRoster> roster = rosters.communes(area.path(), period.firstDay(), asOf);
		TrainingFacts.Facts trained = training.of(area, period.firstDay(), asOf);
		List<CommuneFigures> byCode = atEnd.ranking()
			.stream()
			.sorted(Comparator.comparing(line -> line.commune().code(), Comparator.nullsLast(Comparator.naturalOrder())))
			.toList();
		Map<Long, Line> lines = new LinkedHashMap<>();
		for (CommuneFigures figures : byCode) {
			long id = figures.commune().id();
			lines.put(id, line(figures, roster.getOrDefault(id, CommuneRoster.NONE),
					trained.attendances().getOrDefault(id, 0L), trained.trained().getOrDefault(id, 0L), sent, flows));
		}
		CommuneRoster totalRoster = lines.values().stream().map(Line::roster).reduce(CommuneRoster.NONE,
				CommuneRoster::plus);
		Line total = line(atEnd.total(), totalRoster,
				lines.values().stream().mapToLong(Line::attendances).sum(),
				lines.values().stream().mapToLong(Line::trained).sum(), sent, flows);
		List<Line> ranking = area.level() == UnitLevel.COMMUNE ? List.of()
				: atEnd.ranking().stream().map(figures -> lines.get(figures.commune().id())).toList();

		Places places = new Places(lines.values().stream().map(Line::unit).toList());
		List<RosterFacts.EstablishedTeam> teams = rosters.established(area.path(), period.firstDay(), asOf);
		List<RaisedObstacle> raised = texts.obstacles(area.path(), period.first(), period.last());
		List<ReportTexts.Proposal> proposed = texts.proposals(area.path(), period.first(), period.last());
		Set<Long> named = new HashSet<>();
		teams.forEach(team -> named.add(team.unitId()));
		raised.forEach(obstacle -> named.add(obstacle.obstacle().unitId()));
		proposed.forEach(proposal -> named.add(proposal.unitId()));
		places.load(named);
		List<Established> established = teams.stream()
			.flatMap(team -> places.of(team.unitId())
				.map(unit -> new Established(unit, places.commune(unit), team.name(), team.decisionNumber(),
						team.decisionDate())))
			.toList();
		List<Obstacle> obstacles = raised.stream()
			.flatMap(item -> places.of(item.obstacle().unitId())
				.map(unit -> new Obstacle(unit, places.commune(unit), item.obstacle().period(), item.obstacle().text(),
						item.obstacle().status(), item.answers())))
			.toList();
		List<Proposal> proposals = proposed.stream()
			.flatMap(item -> places.of(item.unitId())
				.map(unit -> new Proposal(unit, places.commune(unit), item.period(), item.text())))
			.toList();
		return new ReportDocument(area, period, today, asOf, months, notDue, settings.of(area),
				List.copyOf(lines.values()), total, ranking, established, trained.sessions(), obstacles, proposals,
				dashboards.coverage(actor, area));
	}

	private static Line line(CommuneFigures figures, CommuneRoster roster, long attendances, long trained,
			Map<YearMonth, Map<Long, Sent>> sent, Map<Long, Map<Long, Long>> flows) {
		long id = figures.commune().id();
		Map<YearMonth, Sent> months = new LinkedHashMap<>();
		sent.forEach((month, counts) -> months.put(month, counts.getOrDefault(id, Sent.NONE)));
		List<Achievement> indicators = figures.progress()
			.stream()
			.map(progress -> new Achievement(progress.indicator(),
					progress.indicator().kind() == IndicatorKind.STOCK ? progress.achieved()
							: flows.getOrDefault(id, Map.of()).getOrDefault(progress.indicator().id(), 0L),
					progress.achieved(), progress.targetCount(), progress.ratio()))
			.toList();
		return new Line(figures.commune(), figures.communes(), figures.communesWithTeam(), figures.villages(),
				figures.villagesWithTeam(), roster, attendances, trained, months, indicators, figures.score(),
				figures.meanProgress(), figures.completeness(), figures.timeliness());
	}

	/** A month's reports sent, by commune id and the area's. */
	private static Map<Long, Sent> sent(Dashboard dashboard) {
		Map<Long, Sent> counts = new HashMap<>();
		Stream.concat(Stream.of(dashboard.total()), dashboard.ranking().stream())
			.forEach(line -> counts.putIfAbsent(line.commune().id(),
					new Sent(line.villagesWithTeam(), line.sent(), line.onTime())));
		return counts;
	}

	/** A month's reports sent, by commune id and the area's, from its counts. */
	private static Map<Long, Sent> sent(Map<Long, ReportCounts> counts) {
		Map<Long, Sent> sent = new HashMap<>();
		counts.forEach((id, count) -> sent.put(id, new Sent(count.expected(), count.sent(), count.onTime())));
		return sent;
	}

	/**
	 * The units the words of the period name, and the commune each belongs to; a unit of a commune the report
	 * does not show (a steering member's district report shows only their communes) is left out.
	 */
	private final class Places {

		private final Map<Long, UnitSummary> communes;

		private final Map<Long, UnitSummary> named = new HashMap<>();

		Places(List<UnitSummary> communes) {
			this.communes = communes.stream().collect(Collectors.toMap(UnitSummary::id, Function.identity()));
		}

		void load(Set<Long> ids) {
			named.putAll(units.getAll(ids));
		}

		Stream<UnitSummary> of(long unitId) {
			return Optional.ofNullable(named.get(unitId)).filter(unit -> commune(unit) != null).stream();
		}

		UnitSummary commune(UnitSummary unit) {
			return communes.getOrDefault(unit.id(), unit.parentId() == null ? null : communes.get(unit.parentId()));
		}

	}

}
