package vn.cnscd.portal.export;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import vn.cnscd.portal.area.UnitSummary;
import vn.cnscd.portal.dashboard.CommuneFigures;
import vn.cnscd.portal.dashboard.Dashboard;
import vn.cnscd.portal.dashboard.Progress;
import vn.cnscd.portal.dashboard.Quarter;
import vn.cnscd.portal.indicator.IndicatorKind;

/**
 * What a quarterly summary holds: the dashboards of the quarter's months (completeness and timeliness), the
 * year to date at its end and, for a FLOW's quarter total, at the end of the quarter before ({@code before}: unit id,
 * each commune's and the area's, to indicator id to value; null in a first quarter); members per commune,
 * obstacles and proposals raised in the quarter.
 */
record Summary(UnitSummary area, Quarter quarter, LocalDate date, Map<YearMonth, Dashboard> months, Dashboard end,
		Map<Long, Map<Long, Long>> before, Map<Long, Long> members, List<Note> obstacles, List<Note> proposals) {

	/**
	 * What {@code before} holds of a dashboard: a province has 10,000 communes to look up in it. A commune's
	 * summary has the commune twice, as its one line and as the total, with the same figures.
	 */
	static Map<Long, Map<Long, Long>> achieved(Dashboard dashboard) {
		return Stream.concat(Stream.of(dashboard.total()), dashboard.ranking().stream())
			.collect(Collectors.toMap(line -> line.commune().id(), line -> line.progress()
				.stream()
				.collect(Collectors.toMap(progress -> progress.indicator().id(), Progress::achieved)),
					(total, line) -> total));
	}

	/** An obstacle or a proposal, with the unit that raised it; {@code status} is null for a proposal. */
	record Note(UnitSummary unit, UnitSummary commune, YearMonth month, String text, String status) {
	}

	/** Whether the month's village reports were due by the summary's date: a month not yet due has no rates yet. */
	boolean due(YearMonth month) {
		return date.isAfter(months.get(month).due());
	}

	/** A quarter whose last month is not yet due is still under way: its figures are as of the summary's date. */
	boolean underWay() {
		return !due(quarter.last());
	}

	/** The communes, in the order of their codes. */
	List<CommuneFigures> communes() {
		return byCode(end.ranking());
	}

	static List<CommuneFigures> byCode(List<CommuneFigures> lines) {
		return lines.stream()
			.sorted(Comparator.comparing(line -> line.commune().code(), Comparator.nullsLast(Comparator.naturalOrder())))
			.toList();
	}

	/**
	 * A STOCK's level at the quarter's end; a FLOW's total of the quarter's months: the year to date at its
	 * end less that at the end of the quarter before (nothing to take off in a first quarter, a new year).
	 */
	long quarterValue(CommuneFigures figures, Progress atEnd) {
		if (atEnd.indicator().kind() == IndicatorKind.STOCK || before == null) {
			return atEnd.achieved();
		}
		return atEnd.achieved()
				- before.getOrDefault(figures.commune().id(), Map.of()).getOrDefault(atEnd.indicator().id(), 0L);
	}

}
