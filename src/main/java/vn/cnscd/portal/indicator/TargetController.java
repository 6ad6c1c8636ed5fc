package vn.cnscd.portal.indicator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;

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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.cnscd.portal.area.Actor;
import vn.cnscd.portal.area.StaleEditException;
import vn.cnscd.portal.area.UnitLevel;
import vn.cnscd.portal.area.UnitService;
import vn.cnscd.portal.area.UnitSummary;

/**
 * Target pages: a district's grid (its communes), a commune's grid (its villages, beside the commune's own
 * targets) and a village's targets. The year is the current one in Asia/Ho_Chi_Minh unless asked.
 */
@Controller
class TargetController {

	private static final int FIRST_YEAR = 2000;

	private static final int LAST_YEAR = 2100;

	private final TargetService targets;

	private final UnitService units;

	private final Clock clock;

	TargetController(TargetService targets, UnitService units, Clock clock) {
		this.targets = targets;
		this.units = units;
		this.clock = clock;
	}

	@GetMapping("/{levels:provinces|districts}/{id}/targets")
	String district(Actor actor, @PathVariable String levels, @PathVariable long id,
			@RequestParam(required = false) Integer year, Locale locale, Model model) {
		return show(actor, units.committee(actor, levels, id), year(year), locale, model);
	}

	@PostMapping("/{levels:provinces|districts}/{id}/targets")
	String saveDistrict(Actor actor, @PathVariable String levels, @PathVariable long id,
			@RequestParam(required = false) Integer year, @Valid @ModelAttribute("form") TargetGridForm form,
			BindingResult result, Locale locale, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		return save(actor, units.committee(actor, levels, id), year(year), form, result, locale, model, redirect,
				response);
	}

	@GetMapping("/communes/{id}/targets")
	String commune(Actor actor, @PathVariable long id, @RequestParam(required = false) Integer year, Locale locale,
			Model model) {
		return show(actor, at(actor, id, UnitLevel.COMMUNE), year(year), locale, model);
	}

	@PostMapping("/communes/{id}/targets")
	String saveCommune(Actor actor, @PathVariable long id, @RequestParam(required = false) Integer year,
			@Valid @ModelAttribute("form") TargetGridForm form, BindingResult result, Locale locale, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		return save(actor, at(actor, id, UnitLevel.COMMUNE), year(year), form, result, locale, model, redirect,
				response);
	}

	@GetMapping("/villages/{id}/targets")
	String village(Actor actor, @PathVariable long id, @RequestParam(required = false) Integer year, Locale locale,
			Model model) {
		UnitSummary village = at(actor, id, UnitLevel.VILLAGE);
		int shown = year(year);
		model.addAttribute("unit", village);
		model.addAttribute("year", shown);
		model.addAttribute("rows", targets.villageTargets(actor, village, shown)
			.stream()
			.map(target -> VillageRow.of(target, village, locale))
			.toList());
		return "indicator/village-targets";
	}

	/** A village's target as its page shows it; for a percentage, also the people or households it means. */
	record VillageRow(IndicatorSummary indicator, String value, String count) {

		static VillageRow of(TargetService.UnitTarget target, UnitSummary village, Locale locale) {
			IndicatorSummary indicator = target.indicator();
			String count = null;
			if (target.value() != null && indicator.percentage()) {
				count = DecimalText.display(target.value()
					.multiply(BigDecimal.valueOf(indicator.denominator().of(village)))
					.divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP), locale);
			}
			return new VillageRow(indicator, DecimalText.display(target.value(), locale), count);
		}

	}

	private String show(Actor actor, UnitSummary parent, int year, Locale locale, Model model) {
		TargetSheet sheet = targets.sheet(actor, parent.id(), year);
		return page(sheet, TargetGrid.of(sheet, locale), new TargetGridForm(), locale, model);
	}

	private String save(Actor actor, UnitSummary parent, int year, TargetGridForm form, BindingResult result,
			Locale locale, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		if (!targets.canEdit(actor, parent)) {
			throw new AccessDeniedException(actor.username() + " may not set the targets under " + parent.id());
		}
		TargetSheet sheet = targets.sheet(actor, parent.id(), year);
		TargetGridForm.Input input = form.read(sheet, locale, result);
		if (!input.errors().isEmpty()) {
			result.reject("target.invalidCells", new Object[] { input.errors().size() }, null);
			return page(sheet, TargetGrid.of(sheet, form, input.errors(), false, locale), form, locale, model);
		}
		try {
			targets.save(actor, parent.id(), year, input.cells(), form.getFingerprint());
		}
		catch (StaleEditException stale) {
			TargetSheet now = targets.sheet(actor, parent.id(), year);
			result.reject("target.conflict");
			response.setStatus(HttpStatus.CONFLICT.value());
			return page(now, TargetGrid.of(now, form, Map.of(), true, locale), form, locale, model);
		}
		redirect.addFlashAttribute("notice", "target.saved");
		return "redirect:" + parent.url() + "/targets?year=" + year;
	}

	/** The grid page; {@code form} carries the fingerprint of the targets shown, whatever was typed. */
	private String page(TargetSheet sheet, TargetGrid grid, TargetGridForm form, Locale locale, Model model) {
		form.setFingerprint(sheet.fingerprint());
		model.addAttribute("form", form);
		model.addAttribute("grid", grid);
		model.addAttribute("sheet", sheet);
		model.addAttribute("unit", sheet.parent());
		model.addAttribute("year", sheet.year());
		if (sheet.parent().level() == UnitLevel.COMMUNE) {
			model.addAttribute("comparisons", targets.comparisons(sheet)
				.stream()
				.map(comparison -> ComparisonRow.of(comparison, locale))
				.toList());
			return "indicator/commune-targets";
		}
		return "indicator/district-targets";
	}

	/** A commune's target beside its villages' total, as text in the reader's language. */
	record ComparisonRow(TargetComparison comparison, String target, String total, String difference,
			String differenceCount) {

		static ComparisonRow of(TargetComparison comparison, Locale locale) {
			return new ComparisonRow(comparison, DecimalText.display(comparison.communeTarget(), locale),
					DecimalText.display(comparison.villageTotal(), locale),
					comparison.difference() == null ? null : DecimalText.display(comparison.difference().abs(), locale),
					comparison.differenceCount() == null ? null
							: DecimalText.display(comparison.differenceCount().abs(), locale));
		}

		public IndicatorSummary indicator() {
			return comparison.indicator();
		}

	}

	private UnitSummary at(Actor actor, long id, UnitLevel level) {
		UnitSummary unit = units.view(actor, id);
		if (unit.level() != level) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return unit;
	}

	private int year(Integer asked) {
		if (asked == null) {
			return LocalDate.now(clock).getYear();
		}
		if (asked < FIRST_YEAR || asked > LAST_YEAR) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return asked;
	}

}
