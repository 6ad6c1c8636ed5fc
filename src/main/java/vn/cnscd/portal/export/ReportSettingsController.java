package vn.cnscd.portal.export;

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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.cnscd.portal.area.Actor;
import vn.cnscd.portal.area.StaleEditException;
import vn.cnscd.portal.area.UnitSummary;

/** The page where an officer sets what their unit's report documents say of who issues and signs them. */
@Controller
class ReportSettingsController {

	private final ReportSettingsService settings;

	ReportSettingsController(ReportSettingsService settings) {
		this.settings = settings;
	}

	@GetMapping("/{levels:provinces|districts|communes}/{id}/report-settings")
	String page(Actor actor, @PathVariable String levels, @PathVariable long id, Model model) {
		UnitSummary unit = settings.editable(actor, id, SummaryController.level(levels));
		return page(unit, ReportSettingsForm.of(settings.of(unit)), model);
	}

	@PostMapping("/{levels:provinces|districts|communes}/{id}/report-settings")
	String save(Actor actor, @PathVariable String levels, @PathVariable long id,
			@Valid @ModelAttribute("settings") ReportSettingsForm form, BindingResult result, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		UnitSummary unit = settings.editable(actor, id, SummaryController.level(levels));
		if (!result.hasFieldErrors("authority") && !ReportSettings.validAuthority(form.getAuthority())) {
			result.rejectValue("authority", "document.settings.authority.invalid");
		}
		if (result.hasErrors()) {
			return page(unit, form, model);
		}
		try {
			settings.save(actor, unit, form.settings(), form.getVersion());
		}
		catch (StaleEditException stale) {
			form.setVersion(settings.of(unit).version());
			result.reject("edit.conflict");
			response.setStatus(HttpStatus.CONFLICT.value());
			return page(unit, form, model);
		}
		redirect.addFlashAttribute("notice", "document.settings.saved");
		return "redirect:" + unit.url() + "/report-settings";
	}

	private static String page(UnitSummary unit, ReportSettingsForm form, Model model) {
		model.addAttribute("unit", unit);
		model.addAttribute("settings", form);
		model.addAttribute("authorities", String.join(", ", ReportSettings.AUTHORITIES));
		return "export/report-settings";
	}

}
