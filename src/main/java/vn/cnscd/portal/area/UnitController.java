package vn.cnscd.portal.area;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The units pages: district, commune and village, their search, and the forms that add, change and close
 * communes and villages.
 */
@Controller
class UnitController {

	private static final String LEVELS = "{levels:provinces|districts|communes|villages}";

	private static final String MANAGED = "{levels:communes|villages}";

	private static final String PARENTS = "{levels:districts|communes}";

	private static final int SEARCH_LIMIT = 50;

	/** Communes or villages per page of a unit: a province has hundreds of communes. */
	static final int PAGE_SIZE = 50;

	private final UnitService units;

	private final ReorganisationViews reorganisationViews;

	private final ReorganisationService reorganisations;

	private final Clock clock;

	UnitController(UnitService units, ReorganisationViews reorganisationViews, ReorganisationService reorganisations,
			Clock clock) {
		this.units = units;
		this.reorganisationViews = reorganisationViews;
		this.reorganisations = reorganisations;
		this.clock = clock;
	}

	@GetMapping("/units")
	String home(Actor actor) {
		return "redirect:" + units.get(actor.homeUnitId()).url();
	}

	@GetMapping("/" + LEVELS + "/{id}")
	String show(Actor actor, @PathVariable String levels, @PathVariable long id,
			@RequestParam(defaultValue = "false") boolean closed, @RequestParam(defaultValue = "1") int page,
			Model model) {
		UnitSummary unit = viewAt(actor, levels, id);
		model.addAttribute("unit", unit);
		model.addAttribute("ancestors", units.ancestors(unit).stream().filter(a -> units.canView(actor, a)).toList());
		model.addAttribute("canManage", units.canManage(actor, unit) && !unit.closed());
		// no form adds a unit under a province (PARENTS): its units come from a reorganisation
		model.addAttribute("canAddChild", units.canAddChild(actor, unit) && !unit.closed()
				&& unit.level() != UnitLevel.PROVINCE);
		model.addAttribute("showClosed", closed);
		model.addAttribute("successors", reorganisationViews.successors(actor, List.of(unit)).getOrDefault(unit.id(), List.of()));
		model.addAttribute("predecessors", reorganisationViews.predecessors(actor, unit));
		model.addAttribute("formerNames", units.formerNames(unit.id()));
		model.addAttribute("canReorganise", reorganisations.canRecord(actor) && unit.level().holds(UnitLevel.COMMUNE));
		if (unit.level() != UnitLevel.VILLAGE) {
			List<UnitRow> children = units.children(actor, id, closed);
			model.addAttribute("children", Paging.of(children, page, PAGE_SIZE));
			// a province of 2025 holds communes, one of 2022 districts: the heading names what is there
			List<UnitLevel> held = children.stream().map(row -> row.unit().level()).distinct().toList();
			model.addAttribute("childrenHeading", "unit.children."
					+ (held.isEmpty() ? unit.level().childLevel() : held.size() == 1 ? held.get(0) : "any"));
		}
		return "area/unit";
	}

	@GetMapping("/units/search")
	String search(Actor actor, @RequestParam(name = "q", defaultValue = "") String query, Model model) {
		model.addAttribute("query", query);
		List<UnitSummary> results = units.search(actor, query, SEARCH_LIMIT);
		model.addAttribute("results", results);
		model.addAttribute("successors", reorganisationViews.successors(actor, results));
		model.addAttribute("limit", SEARCH_LIMIT);
		return "area/search";
	}

	@GetMapping("/" + PARENTS + "/{id}/new")
	String newChild(Actor actor, @PathVariable String levels, @PathVariable long id, Model model) {
		UnitSummary parent = viewAt(actor, levels, id);
		requireAddChild(actor, parent);
		UnitForm form = new UnitForm();
		form.setKind(UnitKind.of(parent.level().childLevel()).get(0));
		return childForm(parent, form, model);
	}

	@PostMapping("/" + PARENTS + "/{id}/new")
	String createChild(Actor actor, @PathVariable String levels, @PathVariable long id,
			@Valid @ModelAttribute("form") UnitForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		UnitSummary parent = viewAt(actor, levels, id);
		requireAddChild(actor, parent);
		checkLevelFields(parent.level().childLevel(), form, result);
		if (result.hasErrors()) {
			return childForm(parent, form, model);
		}
		UnitSummary created = units.create(actor, id, form.draft());
		redirect.addFlashAttribute("notice", "unit.created");
		return "redirect:" + created.url();
	}

	@GetMapping("/" + MANAGED + "/{id}/edit")
	String edit(Actor actor, @PathVariable String levels, @PathVariable long id, Model model) {
		UnitSummary unit = manageAt(actor, levels, id);
		return editForm(unit, UnitForm.of(unit), model);
	}

	@PostMapping("/" + MANAGED + "/{id}/edit")
	String update(Actor actor, @PathVariable String levels, @PathVariable long id,
			@Valid @ModelAttribute("form") UnitForm form, BindingResult result, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		UnitSummary unit = manageAt(actor, levels, id);
		checkLevelFields(unit.level(), form, result);
		if (result.hasErrors()) {
			return editForm(unit, form, model);
		}
		try {
			units.update(actor, id, form.draft(), form.getVersion());
		}
		catch (StaleEditException stale) {
			form.setVersion(units.get(id).version());
			return conflict(result, response, editForm(unit, form, model));
		}
		redirect.addFlashAttribute("notice", "unit.updated");
		return "redirect:" + unit.url();
	}

	@GetMapping("/" + MANAGED + "/{id}/close")
	String closeForm(Actor actor, @PathVariable String levels, @PathVariable long id, Model model) {
		UnitSummary unit = manageAt(actor, levels, id);
		CloseUnitForm form = new CloseUnitForm();
		form.setClosedOn(LocalDate.now(clock));
		form.setVersion(unit.version());
		model.addAttribute("unit", unit);
		model.addAttribute("form", form);
		return "area/unit-close";
	}

	@PostMapping("/" + MANAGED + "/{id}/close")
	String close(Actor actor, @PathVariable String levels, @PathVariable long id,
			@Valid @ModelAttribute("form") CloseUnitForm form, BindingResult result, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		UnitSummary unit = manageAt(actor, levels, id);
		LocalDate on = form.getClosedOn();
		if (on != null && on.isAfter(LocalDate.now(clock))) {
			result.rejectValue("closedOn", "unit.closedOn.future");
		}
		if (on != null && on.isBefore(unit.validFrom())) {
			result.rejectValue("closedOn", "unit.closedOn.beforeOpening");
		}
		model.addAttribute("unit", unit);
		if (result.hasErrors()) {
			return "area/unit-close";
		}
		try {
			units.close(actor, id, on, form.getVersion());
		}
		catch (StaleEditException stale) {
			form.setVersion(units.get(id).version());
			return conflict(result, response, "area/unit-close");
		}
		redirect.addFlashAttribute("notice", "unit.closed");
		return "redirect:" + unit.url();
	}

	/**
	 * Someone saved first: the form comes back with what this user typed and the version now stored, so that
	 * saving again, after reading the message, is a deliberate overwrite.
	 */
	private String conflict(BindingResult result, HttpServletResponse response, String view) {
		result.reject("edit.conflict");
		response.setStatus(HttpStatus.CONFLICT.value());
		return view;
	}

	private void checkLevelFields(UnitLevel level, UnitForm form, BindingResult result) {
		if (form.getKind() != null && form.getKind().level() != level) {
			result.rejectValue("kind", "unit.kind.invalid");
		}
		if (level == UnitLevel.VILLAGE) {
			if (form.getHouseholds() == null && !result.hasFieldErrors("households")) {
				result.rejectValue("households", "NotNull");
			}
			if (form.getAdults() == null && !result.hasFieldErrors("adults")) {
				result.rejectValue("adults", "NotNull");
			}
		}
		else {
			form.setHouseholds(null);
			form.setAdults(null);
		}
	}

	private String childForm(UnitSummary parent, UnitForm form, Model model) {
		model.addAttribute("parent", parent);
		model.addAttribute("level", parent.level().childLevel());
		model.addAttribute("kinds", UnitKind.of(parent.level().childLevel()));
		model.addAttribute("form", form);
		model.addAttribute("action", parent.url() + "/new");
		model.addAttribute("cancel", parent.url());
		return "area/unit-form";
	}

	private String editForm(UnitSummary unit, UnitForm form, Model model) {
		model.addAttribute("unit", unit);
		model.addAttribute("level", unit.level());
		model.addAttribute("kinds", UnitKind.of(unit.level()));
		model.addAttribute("form", form);
		model.addAttribute("action", unit.url() + "/edit");
		model.addAttribute("cancel", unit.url());
		return "area/unit-form";
	}

	private UnitSummary viewAt(Actor actor, String segment, long id) {
		UnitSummary unit = units.view(actor, id);
		if (!unit.level().segment().equals(segment)) {
			throw new UnitNotFoundException(id);
		}
		return unit;
	}

	private UnitSummary manageAt(Actor actor, String segment, long id) {
		UnitSummary unit = viewAt(actor, segment, id);
		if (!units.canManage(actor, unit) || unit.closed()) {
			throw new AccessDeniedException("May not change unit " + id);
		}
		return unit;
	}

	private void requireAddChild(Actor actor, UnitSummary parent) {
		if (!units.canAddChild(actor, parent) || parent.closed()) {
			throw new AccessDeniedException("May not add under " + parent.id());
		}
	}

}
