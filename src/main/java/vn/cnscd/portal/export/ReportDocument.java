package vn.cnscd.portal.export;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import vn.cnscd.portal.area.UnitLevel;
import vn.cnscd.portal.area.UnitSummary;
import vn.cnscd.portal.dashboard.Coverage;
import vn.cnscd.portal.indicator.IndicatorSummary;
import vn.cnscd.portal.reporting.ObstacleService;
import vn.cnscd.portal.team.RosterFacts.CommuneRoster;
import vn.cnscd.portal.training.TrainingFacts.HeldSession;

/**
 * Everything a report document says, assembled once for its three writers (DOCX, PDF, XLSX): the area and
 * period, the date it is made and the day its figures run to ({@code asOf}: the period's end, or today in a
 * period under way), the months whose reports were due by then ({@code months}; the others, {@code notDue},
 * stay out of every sum), the settings of who issues it, a line per commune in the order of their codes,
 * the area's total and the communes in the order of the ranking, and the words of the period.
 */
record ReportDocument(UnitSummary area, ReportPeriod period, LocalDate date, LocalDate asOf, List<YearMonth> months,
		List<YearMonth> notDue, ReportSettings settings, List<Line> communes, Line total, List<Line> ranking,
		List<Established> established, List<HeldSession> sessions, List<Obstacle> obstacles,
		List<Proposal> proposals, Coverage coverage) {

	/** A commune's report speaks of its villages; it has no communes to rank. */
	boolean communeView() {
		return area.level() == UnitLevel.COMMUNE;
	}

	/** The last month whose figures the report gives: a STOCK's level is its value then. */
	YearMonth end() {
		return months.get(months.size() - 1);
	}

	boolean underWay() {
		return !notDue.isEmpty();
	}

	/**
	 * A commune, or the area as a whole: coverage from the dashboard; the roster and training of the period;
	 * the reports sent in each due month; each indicator's value in the period, year to date and target; the
	 * ranking's measures at the end month.
	 */
	record Line(UnitSummary unit, int communes, int communesWithTeam, int villages, int villagesWithTeam,
			CommuneRoster roster, long attendances, long trained, Map<YearMonth, Sent> months,
			List<Achievement> indicators, double score, double meanProgress, double completeness, double timeliness) {

		/** The reports of all the due months together: one expected per village with a team and month. */
		Sent sent() {
			return months.values().stream().reduce(Sent.NONE, Sent::plus);
		}

	}

	/** A month's reports: villages with an active team, their reports sent, and of those sent on time. */
	record Sent(int villagesWithTeam, int sent, int onTime) {

		static final Sent NONE = new Sent(0, 0, 0);

		Sent plus(Sent other) {
			return new Sent(villagesWithTeam + other.villagesWithTeam, sent + other.sent, onTime + other.onTime);
		}

	}

	/**
	 * An indicator: a STOCK's level at the end month or a FLOW's total of the due months ({@code period}), the
	 * year to date, the year's target as a count (null without one) and the share of it achieved.
	 */
	record Achievement(IndicatorSummary indicator, long period, long yearToDate, Long target, Double ratio) {
	}

	record Established(UnitSummary unit, UnitSummary commune, String name, String decisionNumber,
			LocalDate decisionDate) {
	}

	record Obstacle(UnitSummary unit, UnitSummary commune, YearMonth month, String text,
			ObstacleService.Status status, List<ObstacleService.Answer> answers) {
	}

	record Proposal(UnitSummary unit, UnitSummary commune, YearMonth month, String text) {
	}

}
