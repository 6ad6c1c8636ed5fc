package vn.cnscd.portal.reporting;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.cnscd.portal.area.Actor;
import vn.cnscd.portal.area.UnitSummary;
import vn.cnscd.portal.team.RosterOverview;
import vn.cnscd.portal.team.TeamRoster;

/** Who has reported for a month: what home pages, commune pages and chase lists show. */
@Service
@Transactional(readOnly = true)
public class ReportingOverview {

	private final VillageReportService reports;

	private final RosterOverview rosters;

	private final Deadlines deadlines;

	private final AdhocRequestService requests;

	ReportingOverview(VillageReportService reports, RosterOverview rosters, Deadlines deadlines,
			AdhocRequestService requests) {
		this.reports = reports;
		this.rosters = rosters;
		this.deadlines = deadlines;
		this.requests = requests;
	}

	/** The villages of a commune that the actor sees, each with its report of the month and its head. */
	public List<VillageLine> villages(Actor actor, UnitSummary commune, YearMonth period) {
		Map<Long, VillageReportSummary> sent = reports.reportsUnder(commune.path(), period);
		return rosters.commune(actor, commune.id())
			.villages()
			.stream()
			.map(row -> new VillageLine(row.village(), sent.get(row.village().id()),
					row.teams().stream().map(TeamRoster::leader).filter(Objects::nonNull).findFirst().orElse(null)))
			.toList();
	}

	/** The month being reported now, its village due date, and the village's report of it. */
	public VillageMonth villageMonth(Actor actor, long villageId) {
		YearMonth period = deadlines.reportingMonth();
		return new VillageMonth(period, deadlines.villageDue(period),
				reports.history(actor, villageId).stream().filter(r -> r.period().equals(period)).findFirst().orElse(null),
				deadlines.today().isAfter(deadlines.villageDue(period)));
	}

	public record VillageMonth(YearMonth period, LocalDate due, VillageReportSummary report, boolean overdue) {

		public String url(long villageId) {
			return "/villages/" + villageId + "/reports/" + period;
		}

	}

	public YearMonth reportingMonth() {
		return deadlines.reportingMonth();
	}

	/** The open ad hoc requests the actor's home unit has yet to answer; none for those who answer none. */
	public List<OpenRequest> openRequests(Actor actor) {
		return requests.open(actor);
	}

}
