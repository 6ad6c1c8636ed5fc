package vn.cnscd.portal.export;

import java.time.YearMonth;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.cnscd.portal.area.Actor;
import vn.cnscd.portal.area.UnitService;
import vn.cnscd.portal.area.UnitSummary;
import vn.cnscd.portal.dashboard.CommuneFigures;
import vn.cnscd.portal.dashboard.Dashboard;
import vn.cnscd.portal.dashboard.DashboardService;
import vn.cnscd.portal.dashboard.Quarter;
import vn.cnscd.portal.reporting.Deadlines;
import vn.cnscd.portal.reporting.ReportNotes;
import vn.cnscd.portal.team.TeamCoverage;

/**
 * Gathers a quarterly summary: the dashboards of its months, then the few facts the dashboard does not show
 * (members, obstacles and proposals of the quarter), read through the modules that keep them.
 */
@Component
@Transactional(readOnly = true)
class SummarySource {

	private final DashboardService dashboards;

	private final TeamCoverage teams;

	private final ReportNotes notes;

	private final UnitService units;

	private final Deadlines deadlines;

	SummarySource(DashboardService dashboards, TeamCoverage teams, ReportNotes notes, UnitService units,
			Deadlines deadlines) {
		this.dashboards = dashboards;
		this.teams = teams;
		this.notes = notes;
		this.units = units;
		this.deadlines = deadlines;
	}

	Summary load(Actor actor, UnitSummary area, Quarter quarter) {
		Map<YearMonth, Dashboard> months = new LinkedHashMap<>();
		for (YearMonth month : quarter.months()) {
			months.put(month, dashboards.figures(actor, area, month));
		}
		Dashboard end = months.get(quarter.last());
		Map<Long, Map<Long, Long>> before = quarter.number() == 1 ? null
				: Summary.achieved(dashboards.figures(actor, area, quarter.first().minusMonths(1)));
		Map<Long, UnitSummary> communes = end.ranking()
			.stream()
			.map(CommuneFigures::commune)
			.collect(Collectors.toMap(UnitSummary::id, Function.identity()));
		Map<Long, Long> members = teams.membersByCommune(communes.keySet(), quarter.last().atEndOfMonth());
		List<Summary.Note> obstacles = notes(notes.obstacles(communes.keySet(), quarter.first(), quarter.last()),
				communes);
		List<Summary.Note> proposals = notes(notes.proposals(communes.keySet(), quarter.first(), quarter.last()),
				communes);
		return new Summary(area, quarter, deadlines.today(), months, end, before, members, obstacles, proposals);
	}

	/** The notes with their units, by month, then by the codes of their communes and units. */
	private List<Summary.Note> notes(List<ReportNotes.Note> found, Map<Long, UnitSummary> communes) {
		Map<Long, UnitSummary> unitsById = units.getAll(found.stream().map(ReportNotes.Note::unitId).distinct().toList());
		Comparator<String> codes = Comparator.nullsLast(Comparator.naturalOrder());
		return found.stream()
			.map(note -> new Summary.Note(unitsById.get(note.unitId()), communes.get(note.communeId()), note.month(),
					note.text(), note.status()))
			.sorted(Comparator.comparing(Summary.Note::month)
				.thenComparing(note -> note.commune().code(), codes)
				.thenComparing(note -> note.unit().level())
				.thenComparing(note -> note.unit().code(), codes))
			.toList();
	}

}
