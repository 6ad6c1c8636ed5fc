package vn.cnscd.portal.dashboard;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import vn.cnscd.portal.area.UnitSummary;

/**
 * A dashboard of a month: the district or one commune ({@code area}), its totals, its communes best first
 * and its villages (the chase list is those of them to call). {@code district} is the unit whose rows are
 * read: the area's district, or the province itself for a province's summary.
 */
public record Dashboard(UnitSummary district, UnitSummary area, YearMonth month, LocalDate due, CommuneFigures total,
		List<CommuneFigures> ranking, List<VillageStatus> villages) {

	/** The communes ranked, best first: those with villages; a unit without any has nothing to rank. */
	public List<CommuneFigures> ranked() {
		return ranking.stream().filter(line -> line.villages() > 0).toList();
	}

	/** The communes without villages, listed after the ranking (the city's units not yet in the portal). */
	public List<UnitSummary> unranked() {
		return ranking.stream().filter(line -> line.villages() == 0).map(CommuneFigures::commune).toList();
	}

	public List<VillageStatus> chase() {
		return villages.stream().filter(VillageStatus::toChase).toList();
	}

	public boolean communeView() {
		return area.id() != district.id();
	}

}
