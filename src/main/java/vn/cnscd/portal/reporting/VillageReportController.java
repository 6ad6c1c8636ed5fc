package vn.cnscd.portal.reporting;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.context.i18n.LocaleContextHolder;
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
import vn.cnscd.portal.area.Paging;
import vn.cnscd.portal.area.UnitSummary;
import vn.cnscd.portal.indicator.IndicatorKind;
import vn.cnscd.portal.indicator.IndicatorSummary;
import vn.cnscd.portal.indicator.Pillar;

/**
 * The village monthly report: one page for a cheap phone on a weak connection, saved as a draft or
 * submitted; then read, approved or returned by the commune chair, and unlocked by an officer.
 */
@Controller
class VillageReportController {

	/** A year of monthly reports per page, newest first. */
	static final int REPORTS_PAGE_SIZE = 12;

	private final VillageReportService reports;

	private final Deadlines deadlines;

	VillageReportController(VillageReportService reports, Deadlines deadlines) {
		this.reports = reports;
		this.deadlines = deadlines;
	}

	@GetMapping("/villages/{id}/reports")
	String list(Actor actor, @PathVariable long id, @RequestParam(defaultValue = "1") int page, Model model) {
		UnitSummary village = reports.village(actor, id);
		model.addAttribute("village", village);
		model.addAttribute("reports", Paging.of(reports.history(actor, id), page, REPORTS_PAGE_SIZE));
		model.addAttribute("current", deadlines.reportingMonth());
		model.addAttribute("canWrite", reports.canWrite(actor, village));
		return "reporting/village-reports";
	}

	@GetMapping("/villages/{id}/reports/{period}")
	String show(Actor actor, @PathVariable long id, @PathVariable String period, Model model) {
		YearMonth month = month(period);
		VillageReportService.Entry entry = reports.entry(actor, id, month);
		UnitSummary village = entry.village();
		Optional<VillageReport> report = reports.find(id, month);
		if (reports.canWrite(actor, village) && report.map(r -> r.getStatus().editable()).orElse(true)) {
			VillageReportForm form = report.map(VillageReportController::formOf).orElseGet(VillageReportForm::new);
			form.setFormKey(UUID.randomUUID().toString());
			return form(entry, month, report.orElse(null), form, model);
		}
		model.addAttribute("village", village);
		model.addAttribute("period", month);
		model.addAttribute("due", deadlines.villageDue(month));
		model.addAttribute("report", report.map(VillageReport::summary).orElse(null));
		model.addAttribute("reportContent", report.map(VillageReport::content).orElse(null));
		model.addAttribute("rows", rows(entry));
		model.addAttribute("canReview", report.isPresent() && reports.canReview(actor, village)
				&& report.get().getStatus() == ReportStatus.SUBMITTED);
		model.addAttribute("canUnlock", report.isPresent() && reports.canUnlock(actor, village)
				&& report.get().getStatus() == ReportStatus.APPROVED);
		return "reporting/village-report";
	}

	@PostMapping("/villages/{id}/reports/{period}")
	String save(Actor actor, @PathVariable long id, @PathVariable String period,
			@RequestParam(defaultValue = "draft") String action, @Valid @ModelAttribute("form") VillageReportForm form,
			BindingResult result, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		YearMonth month = month(period);
		VillageReportService.Entry entry = reports.entry(actor, id, month);
		boolean submit = "submit".equals(action);
		ReportContent content = ReportChecks.check(form, entry.indicators(), entry.previous(), entry.village(), submit,
				result);
		if (content == null || result.hasErrors()) {
			return form(entry, month, reports.find(id, month).orElse(null), form, model);
		}
		SaveOutcome outcome;
		try {
			outcome = reports.save(actor, entry.village(), month, content, submit, form.getVersion(),
					form.getFormKey());
		}
		catch (ConcurrentReportException collision) {
			outcome = reports.afterCollision(id, month, form.getFormKey());
		}
		catch (MonthNotReportableException refused) {
			result.reject(refused.refusal().key(), refused.refusal().args(), null);
			return form(entry, month, reports.find(id, month).orElse(null), form, model);
		}
		switch (outcome) {
			case SAVED -> redirect.addFlashAttribute("notice", "report.saved").addFlashAttribute("saved", page(id, month));
			case SUBMITTED, ALREADY_DONE -> redirect.addFlashAttribute("notice", "report.submitted")
				.addFlashAttribute("saved", page(id, month));
			case STALE, LOCKED -> {
				result.reject(outcome == SaveOutcome.LOCKED ? "report.locked" : "edit.conflict");
				response.setStatus(HttpStatus.CONFLICT.value());
				return form(entry, month, reports.find(id, month).orElse(null), form, model);
			}
		}
		return "redirect:" + page(id, month);
	}

	@PostMapping("/villages/{id}/reports/{period}/approve")
	String approve(Actor actor, @PathVariable long id, @PathVariable String period, @RequestParam long version,
			RedirectAttributes redirect) {
		YearMonth month = month(period);
		return ReviewStep.run(page(id, month), "report.approved", redirect,
				() -> reports.approve(actor, id, month, version));
	}

	@PostMapping("/villages/{id}/reports/{period}/return")
	String giveBack(Actor actor, @PathVariable long id, @PathVariable String period, @RequestParam long version,
			@RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
		YearMonth month = month(period);
		return ReviewStep.withReason(page(id, month), "report.returned", reason, redirect,
				() -> reports.giveBack(actor, id, month, reason.strip(), version));
	}

	@PostMapping("/villages/{id}/reports/{period}/unlock")
	String unlock(Actor actor, @PathVariable long id, @PathVariable String period, @RequestParam long version,
			@RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
		YearMonth month = month(period);
		return ReviewStep.withReason(page(id, month), "report.unlocked", reason, redirect,
				() -> reports.unlock(actor, id, month, reason.strip(), version));
	}

	private static String page(long id, YearMonth month) {
		return "/villages/" + id + "/reports/" + month;
	}

	private String form(VillageReportService.Entry entry, YearMonth month, VillageReport report,
			VillageReportForm form, Model model) {
		Locale locale = LocaleContextHolder.getLocale();
		UnitSummary village = entry.village();
		model.addAttribute("village", village);
		model.addAttribute("period", month);
		model.addAttribute("due", deadlines.villageDue(month));
		model.addAttribute("overdue", deadlines.today().isAfter(deadlines.villageDue(month)));
		model.addAttribute("report", report == null ? null : report.summary());
		List<IndicatorRow> rows = rows(entry);
		Map<Pillar, List<IndicatorRow>> pillars = new EnumMap<>(Pillar.class);
		rows.forEach(row -> pillars.computeIfAbsent(row.indicator().pillar(), pillar -> new ArrayList<>()).add(row));
		model.addAttribute("pillars", pillars);
		model.addAttribute("form", form);
		// the error summary links each message to its field and names it
		Map<String, String> fieldIds = new HashMap<>();
		Map<String, String> fieldLabels = new HashMap<>();
		for (IndicatorRow row : rows) {
			long id = row.indicator().id();
			fieldIds.put("values[" + id + "]", "value-" + id);
			fieldIds.put("explanations[" + id + "]", "explanation-" + id);
			fieldLabels.put("values[" + id + "]", row.indicator().name(locale));
			fieldLabels.put("explanations[" + id + "]", row.indicator().name(locale));
		}
		model.addAttribute("fieldIds", fieldIds);
		model.addAttribute("fieldLabels", fieldLabels);
		return "reporting/village-report-form";
	}

	private static List<IndicatorRow> rows(VillageReportService.Entry entry) {
		return entry.indicators()
			.stream()
			.map(indicator -> new IndicatorRow(indicator, entry.previous().get(indicator.id()), entry.village()))
			.toList();
	}

	/** An indicator on the form, with its value of the month before for a STOCK. */
	record IndicatorRow(IndicatorSummary indicator, VillageReportService.PreviousValue previous, UnitSummary village) {

		/** This month's value less the one sent before; none without an earlier value. */
		public Integer change(Integer value) {
			return value == null || previous == null ? null : value - previous.value();
		}

		/** A level that went down: households leave a Zalo group now and then, but seldom many at once. */
		public boolean fallen(Integer change) {
			return change != null && change < 0 && indicator.kind() == IndicatorKind.STOCK;
		}

		public Integer denominatorValue() {
			if (indicator.denominator() == null) {
				return null;
			}
			return switch (indicator.denominator()) {
				case HOUSEHOLDS -> village.households();
				case ADULTS -> village.adults();
			};
		}

	}

	private static VillageReportForm formOf(VillageReport report) {
		VillageReportForm form = new VillageReportForm();
		ReportContent content = report.content();
		content.values().forEach((indicator, value) -> {
			form.getValues().put(indicator, String.valueOf(value.value()));
			if (value.explanation() != null) {
				form.getExplanations().put(indicator, value.explanation());
			}
			if (value.unchanged()) {
				form.getUnchanged().put(indicator, true);
			}
		});
		form.setSessionsHeld(text(content.sessionsHeld()));
		form.setResidentsGuided(text(content.residentsGuided()));
		form.setHouseholdsVisited(text(content.householdsVisited()));
		form.setObstacles(content.obstacles());
		form.setProposals(content.proposals());
		form.setVersion(report.getVersion());
		return form;
	}

	private static String text(Integer number) {
		return number == null ? null : number.toString();
	}

	/** A reporting month, as in /2026-10; a month not yet begun has no report. */

	private YearMonth month(String period) {
		return deadlines.month(period).orElseThrow(ReportNotFoundException::new);
	}

}
