package vn.cnscd.portal.reporting;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import vn.cnscd.portal.area.Actor;
import vn.cnscd.portal.area.UnitLevel;
import vn.cnscd.portal.area.UnitService;
import vn.cnscd.portal.area.UnitSummary;

/** A district's month: per commune, how many villages have sent their report and where the commune's own is. */
@Controller
class DistrictReportController {

	private final UnitService units;

	private final VillageReportService villageReports;

	private final CommuneReportService communeReports;

	private final Deadlines deadlines;

	DistrictReportController(UnitService units, VillageReportService villageReports,
			CommuneReportService communeReports, Deadlines deadlines) {
		this.units = units;
		this.villageReports = villageReports;
		this.communeReports = communeReports;
		this.deadlines = deadlines;
	}

	/** Each role's own reporting page for the month being collected. */
	@GetMapping("/reports")
	String mine(Actor actor) {
		UnitSummary home = units.get(actor.homeUnitId());
		YearMonth month = deadlines.reportingMonth();
		return "redirect:" + home.url() + "/reports/" + month;
	}

	record CommuneLine(UnitSummary commune, long villages, long sent, long late, CommuneReportStatus status) {
	}

	/**
	 * The month's reports of every commune of a committee's province or district, with the tree of that month:
	 * a province of 2025 holds its communes, one of 2022 holds them through districts.
	 */
	@GetMapping("/{levels:provinces|districts}/{id}/reports/{period}")
	String district(Actor actor, @PathVariable String levels, @PathVariable long id, @PathVariable String period,
			Model model) {
		UnitSummary district = units.committee(actor, levels, id);
		YearMonth month = deadlines.month(period).orElseThrow(ReportNotFoundException::new);
		LocalDate today = deadlines.today();
		LocalDate on = month.atEndOfMonth().isAfter(today) ? today : month.atEndOfMonth();
		List<UnitSummary> communes = units.communesOn(district, on).stream().filter(actor::covers).toList();
		Map<Long, VillageReportSummary> sent = villageReports.reportsUnder(district.path(), month);
		Map<Long, List<UnitSummary>> villagesByCommune = units
			.villagesOn(communes.stream().map(UnitSummary::id).toList(), on)
			.stream()
			.filter(actor::covers)
			.collect(Collectors.groupingBy(UnitSummary::parentId));
		Map<Long, CommuneReportStatus> statuses = communeReports.statusesUnder(district.path(), month);
		List<CommuneLine> lines = communes.stream().map(commune -> {
			List<VillageReportSummary> reports = villagesByCommune.getOrDefault(commune.id(), List.of())
				.stream()
				.map(village -> sent.get(village.id()))
				.filter(report -> report != null && report.status().sent())
				.toList();
			return new CommuneLine(commune, villagesByCommune.getOrDefault(commune.id(), List.of()).size(),
					reports.size(), reports.stream().filter(report -> Boolean.TRUE.equals(report.late())).count(),
					statuses.get(commune.id()));
		}).toList();
		model.addAttribute("district", district);
		model.addAttribute("period", month);
		model.addAttribute("previousMonth", month.minusMonths(1));
		model.addAttribute("nextMonth", month.isBefore(deadlines.currentMonth()) ? month.plusMonths(1) : null);
		model.addAttribute("lines", lines);
		return "reporting/district-reports";
	}

}
