package vn.cnscd.portal.indicator;

import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
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
import vn.cnscd.portal.area.UnitLevel;
import vn.cnscd.portal.area.UnitService;
import vn.cnscd.portal.area.UnitSummary;

/** The indicator catalogue: the list everyone reads, and the forms officers keep it with. */
@Controller
class IndicatorController {

	private final IndicatorService indicators;

	private final UnitService units;

	IndicatorController(IndicatorService indicators, UnitService units) {
		this.indicators = indicators;
		this.units = units;
	}

	@GetMapping("/indicators")
	String list(Actor actor, Locale locale, Model model) {
		UnitSummary home = units.get(actor.homeUnitId());
		model.addAttribute("entries", indicators.entries(locale));
		model.addAttribute("canManage", indicators.canManage(actor));
		model.addAttribute("home", home);
		model.addAttribute("targetsUrl", home.level() == UnitLevel.PROVINCE ? null : home.url() + "/targets");
		return "indicator/indicators";
	}

	@GetMapping("/indicators/new")
	String newIndicator(Actor actor, Model model) {
		requireManage(actor);
		IndicatorForm form = new IndicatorForm();
		form.setKind(IndicatorKind.STOCK);
		form.setVillageReported(true);
		form.setSortOrder(indicators.nextSortOrder());
		return form(null, form, model);
	}

	@PostMapping("/indicators/new")
	String create(Actor actor, @Valid @ModelAttribute("form") IndicatorForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		requireManage(actor);
		checkDenominator(form, result);
		if (result.hasErrors()) {
			return form(null, form, model);
		}
		try {
			indicators.create(actor, form.details());
		}
		catch (IndicatorCodeTakenException taken) {
			result.rejectValue("code", "indicator.code.taken");
			return form(null, form, model);
		}
		redirect.addFlashAttribute("notice", "indicator.created");
		return "redirect:/indicators";
	}

	@GetMapping("/indicators/{id}/edit")
	String edit(Actor actor, @PathVariable long id, Model model) {
		requireManage(actor);
		IndicatorSummary indicator = indicators.get(id);
		return form(indicator, IndicatorForm.of(indicators.details(id), indicator.version()), model);
	}

	@PostMapping("/indicators/{id}/edit")
	String update(Actor actor, @PathVariable long id, @Valid @ModelAttribute("form") IndicatorForm form,
			BindingResult result, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		requireManage(actor);
		IndicatorSummary indicator = indicators.get(id);
		checkDenominator(form, result);
		if (result.hasErrors()) {
			return form(indicator, form, model);
		}
		try {
			indicators.update(actor, id, form.details(), form.getVersion());
		}
		catch (StaleEditException stale) {
			result.reject("edit.conflict");
			response.setStatus(HttpStatus.CONFLICT.value());
			form.setVersion(indicators.get(id).version());
			return form(indicator, form, model);
		}
		catch (IndicatorInUseException inUse) {
			result.rejectValue(inUse.kindChanged() ? "kind" : "denominator", "indicator.hasTargets");
			return form(indicator, form, model);
		}
		catch (IndicatorCodeTakenException taken) {
			result.rejectValue("code", "indicator.code.taken");
			return form(indicator, form, model);
		}
		redirect.addFlashAttribute("notice", "indicator.updated");
		return "redirect:/indicators";
	}

	@PostMapping("/indicators/{id}/deactivate")
	String deactivate(Actor actor, @PathVariable long id, RedirectAttributes redirect) {
		indicators.deactivate(actor, id);
		redirect.addFlashAttribute("notice", "indicator.deactivated");
		return "redirect:/indicators";
	}

	@PostMapping("/indicators/{id}/activate")
	String activate(Actor actor, @PathVariable long id, RedirectAttributes redirect) {
		indicators.activate(actor, id);
		redirect.addFlashAttribute("notice", "indicator.activated");
		return "redirect:/indicators";
	}

	/** Only a level at the end of a period can be a share of households or adults. */
	private static void checkDenominator(IndicatorForm form, BindingResult result) {
		if (form.getDenominator() != null && form.getKind() == IndicatorKind.FLOW) {
			result.rejectValue("denominator", "indicator.denominator.stockOnly");
		}
	}

	private String form(IndicatorSummary indicator, IndicatorForm form, Model model) {
		model.addAttribute("indicator", indicator);
		model.addAttribute("form", form);
		model.addAttribute("pillars", Pillar.values());
		model.addAttribute("kinds", IndicatorKind.values());
		model.addAttribute("denominators", Denominator.values());
		model.addAttribute("hasTargets", indicator != null && indicators.hasTargets(indicator.id()));
		model.addAttribute("action", indicator == null ? "/indicators/new" : "/indicators/" + indicator.id() + "/edit");
		return "indicator/indicator-form";
	}

	private void requireManage(Actor actor) {
		if (!indicators.canManage(actor)) {
			throw new AccessDeniedException(actor.username() + " may not change indicators");
		}
	}

}
