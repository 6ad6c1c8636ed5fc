package vn.cnscd.portal.reporting;

import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.cnscd.portal.area.Actor;
import vn.cnscd.portal.area.UnitSummary;
import vn.cnscd.portal.indicator.IndicatorService;

/** A commune's month: its villages' reports (who has not sent, with a number to call) and its own report. */
@Controller
class CommuneReportController {

	private final CommuneReportService communeReports;

	private final ReportingOverview overview;

	private final ReportFigures figures;

	private final IndicatorService indicators;

	private final Deadlines deadlines;

	CommuneReportController(CommuneReportService communeReports, ReportingOverview overview, ReportFigures figures,
			IndicatorService indicators, Deadlines deadlines) {
		this.communeReports = communeReports;
		this.overview = overview;
		this.figures = figures;
		this.indicators = indicators;
		this.deadlines = deadlines;
	}

	@GetMapping("/communes/{id}/reports")
	String current(Actor actor, @PathVariable long id) {
		communeReports.commune(actor, id);
		return "redirect:/communes/" + id + "/reports/" + deadlines.reportingMonth();
	}

	@GetMapping("/communes/{id}/reports/{period}")
	String show(Actor actor, @PathVariable long id, @PathVariable String period, Model model) {
		UnitSummary commune = communeReports.commune(actor, id);
		YearMonth month = month(period);
		Optional<CommuneReport> report = communeReports.find(id, month);
		CommuneReportForm form = report.map(CommuneReportController::formOf).orElseGet(CommuneReportForm::new);
		form.setFormKey(UUID.randomUUID().toString());
		return page(actor, commune, month, report.orElse(null), form, model);
	}

	@PostMapping("/communes/{id}/reports/{period}")
	String save(Actor actor, @PathVariable long id, @PathVariable String period,
			@RequestParam(defaultValue = "draft") String action, @Valid @ModelAttribute("form") CommuneReportForm form,
			BindingResult result, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		UnitSummary commune = communeReports.commune(actor, id);
		YearMonth month = month(period);
		boolean submit = "submit".equals(action);
		Integer sessions = ReportChecks.number(form.getSessionsHeld(), "sessionsHeld", submit, result);
		Integer guided = ReportChecks.number(form.getResidentsGuided(), "residentsGuided", submit, result);
		Integer visited = ReportChecks.number(form.getHouseholdsVisited(), "householdsVisited", submit, result);
		if (result.hasErrors()) {
			return page(actor, commune, month, communeReports.find(id, month).orElse(null), form, model);
		}
		SaveOutcome outcome;
		try {
			outcome = communeReports.save(actor, id, month, form, sessions, guided, visited, submit);
		}
		catch (ConcurrentReportException collision) {
			outcome = SaveOutcome.STALE;
		}
		switch (outcome) {
			case SAVED -> redirect.addFlashAttribute("notice", "report.saved");
			case SUBMITTED, ALREADY_DONE -> redirect.addFlashAttribute("notice", "report.submitted");
			case STALE, LOCKED -> {
				result.reject(outcome == SaveOutcome.LOCKED ? "report.locked" : "edit.conflict");
				response.setStatus(HttpStatus.CONFLICT.value());
				return page(actor, commune, month, communeReports.find(id, month).orElse(null), form, model);
			}
		}
		return "redirect:" + page(id, month);
	}

	@PostMapping("/communes/{id}/reports/{period}/acknowledge")
	String acknowledge(Actor actor, @PathVariable long id, @PathVariable String period, @RequestParam long version,
			RedirectAttributes redirect) {
		YearMonth month = month(period);
		return ReviewStep.run(page(id, month), "communeReport.acknowledged", redirect,
				() -> communeReports.acknowledge(actor, id, month, version));
	}

	@PostMapping("/communes/{id}/reports/{period}/return")
	String giveBack(Actor actor, @PathVariable long id, @PathVariable String period, @RequestParam long version,
			@RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
		YearMonth month = month(period);
		return ReviewStep.withReason(page(id, month), "communeReport.returned", reason, redirect,
				() -> communeReports.giveBack(actor, id, month, reason.strip(), version));
	}

	private static String page(long id, YearMonth month) {
		return "/communes/" + id + "/reports/" + month;
	}

	private String page(Actor actor, UnitSummary commune, YearMonth month, CommuneReport report,
			CommuneReportForm form, Model model) {
		List<VillageLine> villages = overview.villages(actor, commune, month);
		model.addAttribute("commune", commune);
		model.addAttribute("committee", communeReports.committeeOf(commune));
		model.addAttribute("period", month);
		model.addAttribute("previousMonth", month.minusMonths(1));
		model.addAttribute("nextMonth", month.isBefore(deadlines.currentMonth()) ? month.plusMonths(1) : null);
		model.addAttribute("villageDue", deadlines.villageDue(month));
		model.addAttribute("due", deadlines.communeDue(month));
		model.addAttribute("villages", villages);
		model.addAttribute("missing", villages.stream().filter(VillageLine::missing).count());
		model.addAttribute("indicators", indicators.villageReportIndicators());
		model.addAttribute("values", figures.values(List.of(commune.id()), month, month).get(commune.id()));
		model.addAttribute("activities", figures.activities(List.of(commune.id()), month));
		model.addAttribute("report", report == null ? null : report.view());
		model.addAttribute("status", report == null ? null : report.getStatus());
		model.addAttribute("editable", communeReports.canWrite(actor, commune)
				&& (report == null || report.getStatus().editable()));
		model.addAttribute("canReview", report != null && communeReports.canReview(actor, commune)
				&& report.getStatus() == CommuneReportStatus.SUBMITTED);
		model.addAttribute("form", form);
		return "reporting/commune-report";
	}

	private static CommuneReportForm formOf(CommuneReport report) {
		CommuneReportForm form = new CommuneReportForm();
		form.setSessionsHeld(report.getSessionsHeld() == null ? null : report.getSessionsHeld().toString());
		form.setResidentsGuided(report.getResidentsGuided() == null ? null : report.getResidentsGuided().toString());
		form.setHouseholdsVisited(report.getHouseholdsVisited() == null ? null : report.getHouseholdsVisited().toString());
		form.setNarrative(report.getNarrative());
		form.setObstacles(report.getObstacles());
		form.setProposals(report.getProposals());
		form.setVersion(report.getVersion());
		return form;
	}

	private YearMonth month(String period) {
		return deadlines.month(period).orElseThrow(ReportNotFoundException::new);
	}

}
