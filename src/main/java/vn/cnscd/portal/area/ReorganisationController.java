package vn.cnscd.portal.area;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.cnscd.portal.area.ReorganisationPlan.Step;
import vn.cnscd.portal.area.ReorganisationPlan.StepKind;
import vn.cnscd.portal.area.ReorganisationService.Basis;
import vn.cnscd.portal.area.ReorganisationService.Reorganisation;
import vn.cnscd.portal.area.ReorganisationService.Status;
import vn.cnscd.portal.area.ReorganisationViews.Candidates;
import vn.cnscd.portal.area.ReorganisationViews.Option;

/**
 * The pages of reorganisations, for administrators and the officers of a committee: the list, a new draft from
 * its decision, the draft with its steps, the forms that add a change and the live preview, the record and the
 * cancel, and the import of a reorganisation file into a draft.
 */
@Controller
class ReorganisationController {

	private static final String PAGE = "area/reorganisation";

	private static final String IMPORT = "area/reorganisation-import";

	/** Decisions of the present state: none before the Democratic Republic's first administrative acts. */
	private static final LocalDate EARLIEST = LocalDate.of(1945, 1, 1);

	private static final LocalDate LATEST = LocalDate.of(2100, 12, 31);

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private final ReorganisationService reorganisations;

	private final ReorganisationViews views;

	private final ReorganisationImport imports;

	private final UnitService units;

	private final Clock clock;

	ReorganisationController(ReorganisationService reorganisations, ReorganisationViews views,
			ReorganisationImport imports, UnitService units, Clock clock) {
		this.reorganisations = reorganisations;
		this.views = views;
		this.imports = imports;
		this.units = units;
		this.clock = clock;
	}

	/** A form of the draft page, sent with the draft's version it was shown with. */
	interface Versioned {

		long getVersion();

		void setVersion(long version);

	}

	// --- the list and a new draft ---------------------------------------------------------------------------

	@GetMapping("/reorganisations")
	String list(Actor actor, Model model) {
		List<Reorganisation> all = reorganisations.list(actor);
		Map<Long, UnitSummary> areas = units.getAll(all.stream().map(Reorganisation::areaId).distinct().toList());
		model.addAttribute("reorganisations", all);
		model.addAttribute("areas", areas);
		return "area/reorganisations";
	}

	@GetMapping("/reorganisations/new")
	String newForm(Actor actor, Model model) {
		requireRecorder(actor);
		model.addAttribute("form", new ReorganisationBasisForm());
		return "area/reorganisation-new";
	}

	@PostMapping("/reorganisations/new")
	String create(Actor actor, @Valid @ModelAttribute("form") ReorganisationBasisForm form, BindingResult result,
			RedirectAttributes redirect) {
		requireRecorder(actor);
		checkDates(form, result);
		if (result.hasErrors()) {
			return "area/reorganisation-new";
		}
		long id = reorganisations.start(actor, form.basis(), ReorganisationPlan.empty());
		redirect.addFlashAttribute("notice", "reorganisation.started");
		return "redirect:/reorganisations/" + id;
	}

	// --- a reorganisation's page ----------------------------------------------------------------------------

	@GetMapping("/reorganisations/{id}")
	String show(Actor actor, @PathVariable long id, @RequestParam(required = false) Long transferFrom,
			@RequestParam(required = false) Long villagesOf, @RequestParam(required = false) UnitLevel mergeLevel,
			Model model) {
		Reorganisation reorganisation = reorganisations.get(actor, id);
		model.addAttribute("transferFrom", transferFrom);
		model.addAttribute("villagesOf", villagesOf);
		model.addAttribute("mergeLevel", mergeLevel == null || mergeLevel == UnitLevel.VILLAGE ? UnitLevel.COMMUNE
				: mergeLevel);
		if (transferFrom != null) {
			model.addAttribute("open", "transfer");
		}
		else if (villagesOf != null) {
			model.addAttribute("open", "villageMerge");
		}
		else if (mergeLevel != null) {
			model.addAttribute("open", "merge");
		}
		return page(actor, reorganisation, model);
	}

	@PostMapping("/reorganisations/{id}/basis")
	String basis(Actor actor, @PathVariable long id, @Valid @ModelAttribute("basisForm") ReorganisationBasisForm form,
			BindingResult result, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		Reorganisation draft = reorganisations.get(actor, id);
		checkDates(form, result);
		if (notDraft(draft, result, response) || result.hasErrors()) {
			return page(actor, draft, model, "basis");
		}
		try {
			reorganisations.change(actor, id, form.basis(), draft.plan(), form.getVersion());
		}
		catch (StaleEditException stale) {
			return conflict(actor, id, form(form), result, response, model, "basis");
		}
		redirect.addFlashAttribute("notice", "reorganisation.basis.saved");
		return "redirect:/reorganisations/" + id;
	}

	@PostMapping("/reorganisations/{id}/merge")
	String merge(Actor actor, @PathVariable long id, @Valid @ModelAttribute("mergeForm") MergeStepForm form,
			BindingResult result, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		return merging(actor, id, form, result, model, redirect, response, "merge");
	}

	@PostMapping("/reorganisations/{id}/village-merge")
	String villageMerge(Actor actor, @PathVariable long id,
			@Valid @ModelAttribute("villageMergeForm") MergeStepForm form, BindingResult result, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		form.setLevel(UnitLevel.VILLAGE);
		model.addAttribute("villagesOf", form.getNewParent());
		return merging(actor, id, form, result, model, redirect, response, "villageMerge");
	}

	private String merging(Actor actor, long id, MergeStepForm form, BindingResult result, Model model,
			RedirectAttributes redirect, HttpServletResponse response, String section) {
		Reorganisation draft = reorganisations.get(actor, id);
		Candidates candidates = views.candidates(draft);
		UnitLevel level = form.getLevel() == null ? UnitLevel.COMMUNE : form.getLevel();
		model.addAttribute("mergeLevel", level == UnitLevel.VILLAGE ? UnitLevel.COMMUNE : level);
		List<Option> choosable = level == UnitLevel.VILLAGE
				? candidates.villagesOf(form.getNewParent()).stream()
					.map(village -> new Option(village.id(), candidates.name(village.id()), UnitLevel.VILLAGE))
					.toList()
				: candidates.existing(level);
		if (level == UnitLevel.VILLAGE && !Candidates.contains(candidates.existing(UnitLevel.COMMUNE), form.getNewParent())) {
			result.rejectValue("newParent", "reorganisation.choice.invalid");
		}
		if (!form.getUnits().stream().allMatch(unit -> Candidates.contains(choosable, unit))) {
			result.rejectValue("units", "reorganisation.choice.invalid");
		}
		if (form.getTarget() != null) {
			List<Option> targets = level == UnitLevel.VILLAGE ? choosable : candidates.all(level);
			if (!Candidates.contains(targets, form.getTarget())) {
				result.rejectValue("target", "reorganisation.choice.invalid");
			}
			else if (form.getUnits().size() == 1 && form.getUnits().contains(form.getTarget())) {
				result.rejectValue("units", "reorganisation.merge.alone");
			}
		}
		else {
			if (form.getNewKind() == null || form.getNewKind().level() != level) {
				result.rejectValue("newKind", "reorganisation.merge.kind");
			}
			if (!StringUtils.hasText(form.getNewName())) {
				result.rejectValue("newName", "reorganisation.merge.name");
			}
			if (level != UnitLevel.VILLAGE && !Candidates.contains(candidates.parentsOf(level), form.getNewParent())) {
				result.rejectValue("newParent", "reorganisation.merge.parent");
			}
		}
		UnaryOperator<ReorganisationPlan> change = form.getTarget() != null
				? plan -> PlanEdits.adding(plan, Step.merge(form.getUnits(), form.getTarget()))
				: plan -> PlanEdits.mergingIntoNew(plan, form.getUnits(), form.getNewParent(), form.getNewKind(),
						form.getNewCode(), form.getNewName());
		return edit(actor, draft, form(form), result, model, redirect, response, section, change);
	}

	@PostMapping("/reorganisations/{id}/transfer")
	String transfer(Actor actor, @PathVariable long id, @Valid @ModelAttribute("transferForm") TransferStepForm form,
			BindingResult result, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		Reorganisation draft = reorganisations.get(actor, id);
		Candidates candidates = views.candidates(draft);
		model.addAttribute("transferFrom", form.getFrom());
		List<Long> villages = candidates.villagesOf(form.getFrom()).stream().map(UnitSummary::id).toList();
		if (villages.isEmpty()) {
			result.rejectValue("from", "reorganisation.choice.invalid");
		}
		else if (!villages.containsAll(form.getVillages())) {
			result.rejectValue("villages", "reorganisation.choice.invalid");
		}
		if (form.getTarget() != null && (!Candidates.contains(candidates.all(UnitLevel.COMMUNE), form.getTarget())
				|| form.getTarget().equals(form.getFrom()))) {
			result.rejectValue("target", "reorganisation.choice.invalid");
		}
		return edit(actor, draft, form(form), result, model, redirect, response, "transfer",
				plan -> PlanEdits.adding(plan, Step.transfer(form.getFrom(), form.getVillages(), form.getTarget())));
	}

	@PostMapping("/reorganisations/{id}/steps/{index}/villages")
	String chooseVillages(Actor actor, @PathVariable long id, @PathVariable int index,
			@Valid @ModelAttribute("villageChoiceForm") VillageChoiceForm form, BindingResult result, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		Reorganisation draft = reorganisations.get(actor, id);
		Step step = step(draft, index);
		if (step.kind() != StepKind.TRANSFER || step.from() == null) {
			throw new ReorganisationNotFoundException(id);
		}
		List<Long> villages = views.candidates(draft).villagesOf(step.from()).stream().map(UnitSummary::id).toList();
		if (!villages.containsAll(form.getVillages())) {
			result.rejectValue("villages", "reorganisation.choice.invalid");
		}
		model.addAttribute("choosingStep", index);
		return edit(actor, draft, form(form), result, model, redirect, response, "steps",
				plan -> PlanEdits.choosing(plan, index, form.getVillages()));
	}

	@PostMapping("/reorganisations/{id}/rename")
	String rename(Actor actor, @PathVariable long id, @Valid @ModelAttribute("renameForm") RenameStepForm form,
			BindingResult result, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		Reorganisation draft = reorganisations.get(actor, id);
		Candidates candidates = views.candidates(draft);
		if (form.getUnit() != null && !Candidates.contains(candidates.renamable(), form.getUnit())) {
			result.rejectValue("unit", "reorganisation.choice.invalid");
		}
		if (form.getNewKind() == null && !StringUtils.hasText(form.getNewCode()) && !StringUtils.hasText(form.getNewName())) {
			result.rejectValue("newName", "reorganisation.rename.nothing");
		}
		return edit(actor, draft, form(form), result, model, redirect, response, "rename",
				plan -> PlanEdits.adding(plan, Step.rename(form.getUnit(), form.getNewKind(), form.getNewCode(),
						form.getNewName())));
	}

	@PostMapping("/reorganisations/{id}/move")
	String move(Actor actor, @PathVariable long id, @Valid @ModelAttribute("moveForm") MoveStepForm form,
			BindingResult result, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		Reorganisation draft = reorganisations.get(actor, id);
		Candidates candidates = views.candidates(draft);
		if (!form.getUnits().stream().allMatch(unit -> Candidates.contains(candidates.movable(), unit))) {
			result.rejectValue("units", "reorganisation.choice.invalid");
		}
		if (form.getTarget() != null && !Candidates.contains(candidates.parentsOf(UnitLevel.COMMUNE), form.getTarget())) {
			result.rejectValue("target", "reorganisation.choice.invalid");
		}
		return edit(actor, draft, form(form), result, model, redirect, response, "move",
				plan -> PlanEdits.adding(plan, Step.move(form.getUnits(), form.getTarget())));
	}

	@PostMapping("/reorganisations/{id}/abolish")
	String abolish(Actor actor, @PathVariable long id, @Valid @ModelAttribute("abolishForm") AbolishStepForm form,
			BindingResult result, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		Reorganisation draft = reorganisations.get(actor, id);
		if (form.getUnit() != null && !Candidates.contains(views.candidates(draft).existing(UnitLevel.DISTRICT), form.getUnit())) {
			result.rejectValue("unit", "reorganisation.choice.invalid");
		}
		return edit(actor, draft, form(form), result, model, redirect, response, "abolish",
				plan -> PlanEdits.adding(plan, Step.abolish(form.getUnit())));
	}

	@PostMapping("/reorganisations/{id}/steps/{index}/remove")
	String removeStep(Actor actor, @PathVariable long id, @PathVariable int index, @RequestParam long version,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		Reorganisation draft = reorganisations.get(actor, id);
		step(draft, index);
		if (draft.status() != Status.DRAFT || draft.version() != version) {
			model.addAttribute("stale", true);
			response.setStatus(HttpStatus.CONFLICT.value());
			return page(actor, draft, model, "steps");
		}
		reorganisations.change(actor, id, draft.basis(), PlanEdits.removing(draft.plan(), index), version);
		redirect.addFlashAttribute("notice", "reorganisation.step.removed");
		return "redirect:/reorganisations/" + id + "#steps";
	}

	@PostMapping("/reorganisations/{id}/record")
	String record(Actor actor, @PathVariable long id, @Valid @ModelAttribute("recordForm") RecordReorganisationForm form,
			BindingResult result, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		Reorganisation draft = reorganisations.get(actor, id);
		if (notDraft(draft, result, response) || result.hasErrors()) {
			return page(actor, draft, model, "record");
		}
		Status status;
		try {
			status = reorganisations.record(actor, id, form.getAccounts(), form.getVersion());
		}
		catch (StaleEditException stale) {
			return conflict(actor, id, form(form), result, response, model, "record");
		}
		catch (ReorganisationRefusedException refused) {
			result.reject("reorganisation.refused");
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return page(actor, draft, model, "record");
		}
		redirect.addFlashAttribute("notice", "reorganisation.recorded." + status);
		redirect.addFlashAttribute("noticeArgs", new Object[] { DAY.format(draft.basis().effectiveOn()) });
		return "redirect:/reorganisations/" + id;
	}

	@PostMapping("/reorganisations/{id}/cancel")
	String cancel(Actor actor, @PathVariable long id, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		Reorganisation reorganisation = reorganisations.get(actor, id);
		if (!cancellable(reorganisation)) {
			model.addAttribute("stale", true);
			response.setStatus(HttpStatus.CONFLICT.value());
			return page(actor, reorganisation, model);
		}
		reorganisations.cancel(actor, id);
		redirect.addFlashAttribute("notice", "reorganisation.cancelled");
		return "redirect:/reorganisations/" + id;
	}

	// --- the import -----------------------------------------------------------------------------------------

	@GetMapping("/reorganisations/import")
	String importPage(Actor actor, @RequestParam(defaultValue = "false") boolean tooLarge, Model model) {
		requireRecorder(actor);
		if (tooLarge) {
			return refused(new ReorganisationFile.Refused("tooLarge", ReorganisationFile.MAX_KILOBYTES), model);
		}
		return importPage(model);
	}

	@PostMapping("/reorganisations/import")
	String upload(Actor actor, @RequestParam(required = false) MultipartFile file, Model model) throws IOException {
		requireRecorder(actor);
		if (file == null || file.isEmpty() && !StringUtils.hasText(file.getOriginalFilename())) {
			return refused(new ReorganisationFile.Refused("noFile"), model);
		}
		ReorganisationFile.Read read;
		try {
			read = ReorganisationFile.read(file.getBytes());
		}
		catch (ReorganisationFile.Refused refusal) {
			return refused(refusal, model);
		}
		if (!read.clean()) {
			return problems(read.problems(), importPage(model), model);
		}
		ReorganisationImportForm form = new ReorganisationImportForm();
		form.setContent(read.text());
		List<ReorganisationFile.Round> rounds = read.rounds();
		if (rounds.size() == 1) {
			form.setRound(rounds.get(0).effectiveOn());
			ReorganisationFile.BasisText basis = rounds.get(0).basis();
			form.setNumber(basis.number());
			form.setBasisDate(basis.date());
			form.setSigner(basis.signer());
		}
		List<UnitSummary> parents = imports.parents(actor);
		if (parents.size() == 1) {
			form.setParentId(parents.get(0).id());
		}
		model.addAttribute("form", form);
		return choosePage(actor, read, model);
	}

	@PostMapping("/reorganisations/import/draft")
	String importDraft(Actor actor, @Valid @ModelAttribute("form") ReorganisationImportForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		requireRecorder(actor);
		if (result.hasFieldErrors("content")) {
			return refused(new ReorganisationFile.Refused("lost"), model);
		}
		ReorganisationFile.Read read;
		try {
			read = ReorganisationFile.read(form.getContent());
		}
		catch (ReorganisationFile.Refused refusal) {
			return refused(refusal, model);
		}
		if (!read.clean()) {
			return problems(read.problems(), importPage(model), model);
		}
		ReorganisationFile.Round round = form.getRound() == null ? null : read.round(form.getRound()).orElse(null);
		if (round == null && !result.hasFieldErrors("round")) {
			result.rejectValue("round", "reorganisation.import.round.invalid");
		}
		UnitSummary parent = imports.parents(actor)
			.stream()
			.filter(unit -> form.getParentId() != null && unit.id() == form.getParentId())
			.findFirst()
			.orElse(null);
		if (parent == null && !result.hasFieldErrors("parentId")) {
			result.rejectValue("parentId", "reorganisation.import.parent.invalid");
		}
		if (round != null) {
			ReorganisationFile.BasisText read2 = round.basis();
			if (!StringUtils.hasText(form.getNumber())) {
				form.setNumber(read2.number());
			}
			if (form.getBasisDate() == null && !result.hasFieldErrors("basisDate")) {
				form.setBasisDate(read2.date());
			}
			if (!StringUtils.hasText(form.getSigner())) {
				form.setSigner(read2.signer());
			}
			if (!StringUtils.hasText(form.getNumber())) {
				result.rejectValue("number", "reorganisation.import.unread");
			}
			if (form.getBasisDate() == null && !result.hasFieldErrors("basisDate")) {
				result.rejectValue("basisDate", "reorganisation.import.unread");
			}
			if (!StringUtils.hasText(form.getSigner())) {
				result.rejectValue("signer", "reorganisation.import.unread");
			}
			if (form.getBasisDate() != null && (form.getBasisDate().isBefore(EARLIEST) || form.getBasisDate().isAfter(LocalDate.now(clock)))) {
				result.rejectValue("basisDate", "reorganisation.date.signed");
			}
		}
		if (result.hasErrors()) {
			return choosePage(actor, read, model);
		}
		ReorganisationImport.Planned planned = imports.plan(actor, round, parent, form.isAbolishEmpty());
		if (!planned.problems().isEmpty()) {
			return problems(planned.problems(), choosePage(actor, read, model), model);
		}
		long id = reorganisations.start(actor,
				new Basis(form.getNumber(), form.getBasisDate(), form.getSigner(), round.effectiveOn()), planned.plan());
		redirect.addFlashAttribute("notice", "reorganisation.imported");
		redirect.addFlashAttribute("noticeArgs", new Object[] { round.rows().size(), round.inferred(), planned.transfers() });
		return "redirect:/reorganisations/" + id;
	}

	private String importPage(Model model) {
		model.addAttribute("columns", ReorganisationFile.COLUMNS);
		model.addAttribute("maxKilobytes", ReorganisationFile.MAX_KILOBYTES);
		model.addAttribute("maxRows", ReorganisationFile.MAX_ROWS);
		return IMPORT;
	}

	private String refused(ReorganisationFile.Refused refusal, Model model) {
		model.addAttribute("refusalKey", refusal.key());
		model.addAttribute("refusalArgs", refusal.args());
		return importPage(model);
	}

	private static String problems(List<ReorganisationFile.Problem> problems, String view, Model model) {
		model.addAttribute("fileProblems", problems);
		model.addAttribute("badRows", problems.stream().map(ReorganisationFile.Problem::line).distinct().count());
		return view;
	}

	private String choosePage(Actor actor, ReorganisationFile.Read read, Model model) {
		model.addAttribute("rounds", read.rounds());
		model.addAttribute("parents", imports.parents(actor));
		model.addAttribute("choosing", true);
		return importPage(model);
	}

	// --- shared ---------------------------------------------------------------------------------------------

	/** Applies a change to the draft's plan, or shows the page again with the form as typed and why not. */
	private String edit(Actor actor, Reorganisation draft, Versioned form, BindingResult result, Model model,
			RedirectAttributes redirect, HttpServletResponse response, String section,
			UnaryOperator<ReorganisationPlan> change) {
		if (notDraft(draft, result, response) || result.hasErrors()) {
			return page(actor, draft, model, section);
		}
		try {
			reorganisations.change(actor, draft.id(), draft.basis(), change.apply(draft.plan()), form.getVersion());
		}
		catch (StaleEditException stale) {
			return conflict(actor, draft.id(), form, result, response, model, section);
		}
		redirect.addFlashAttribute("notice", "reorganisation.step.added");
		return "redirect:/reorganisations/" + draft.id() + "#steps";
	}

	/**
	 * Someone changed the draft first: the page comes back with what this user typed and the version now stored,
	 * so that sending it again, after reading the message, is deliberate.
	 */
	private String conflict(Actor actor, long id, Versioned form, BindingResult result, HttpServletResponse response,
			Model model, String section) {
		Reorganisation now = reorganisations.get(actor, id);
		form.setVersion(now.version());
		result.reject("edit.conflict");
		response.setStatus(HttpStatus.CONFLICT.value());
		return page(actor, now, model, section);
	}

	private boolean notDraft(Reorganisation reorganisation, BindingResult result, HttpServletResponse response) {
		if (reorganisation.status() == Status.DRAFT) {
			return false;
		}
		result.reject("reorganisation.notDraft");
		response.setStatus(HttpStatus.CONFLICT.value());
		return true;
	}

	private String page(Actor actor, Reorganisation reorganisation, Model model, String open) {
		model.addAttribute("open", open);
		return page(actor, reorganisation, model);
	}

	private String page(Actor actor, Reorganisation reorganisation, Model model) {
		long version = reorganisation.version();
		model.addAttribute("reorganisation", reorganisation);
		model.addAttribute("area", units.get(reorganisation.areaId()));
		model.addAttribute("cancellable", cancellable(reorganisation));
		Candidates candidates = views.candidates(reorganisation);
		model.addAttribute("steps", views.steps(reorganisation, candidates));
		if (reorganisation.status() == Status.FAILED && reorganisation.failure() != null) {
			model.addAttribute("failures", failures(reorganisation.failure()));
		}
		if (reorganisation.status() != Status.DRAFT) {
			return PAGE;
		}
		UnitLevel mergeLevel = (UnitLevel) model.getAttribute("mergeLevel");
		if (mergeLevel == null) {
			mergeLevel = UnitLevel.COMMUNE;
			model.addAttribute("mergeLevel", mergeLevel);
		}
		defaults(model, "basisForm", () -> ReorganisationBasisForm.of(reorganisation));
		UnitLevel level = mergeLevel;
		defaults(model, "mergeForm", () -> MergeStepForm.of(level, version));
		defaults(model, "villageMergeForm", () -> {
			MergeStepForm form = MergeStepForm.of(UnitLevel.VILLAGE, version);
			form.setNewParent((Long) model.getAttribute("villagesOf"));
			return form;
		});
		defaults(model, "transferForm", () -> TransferStepForm.of((Long) model.getAttribute("transferFrom"), version));
		defaults(model, "villageChoiceForm", () -> {
			VillageChoiceForm form = new VillageChoiceForm();
			form.setVersion(version);
			return form;
		});
		defaults(model, "renameForm", () -> RenameStepForm.of(version));
		defaults(model, "moveForm", () -> MoveStepForm.of(version));
		defaults(model, "abolishForm", () -> AbolishStepForm.of(version));
		defaults(model, "recordForm", () -> {
			RecordReorganisationForm form = new RecordReorganisationForm();
			form.setVersion(version);
			return form;
		});

		model.addAttribute("mergeUnits", candidates.existing(level));
		model.addAttribute("mergeTargets", candidates.all(level));
		model.addAttribute("mergeParents", candidates.parentsOf(level));
		model.addAttribute("mergeKinds", UnitKind.of(level));
		model.addAttribute("mergeLevels", List.of(UnitLevel.COMMUNE, UnitLevel.DISTRICT));
		model.addAttribute("communes", candidates.existing(UnitLevel.COMMUNE));
		model.addAttribute("allCommunes", candidates.all(UnitLevel.COMMUNE));
		Long transferFrom = (Long) model.getAttribute("transferFrom");
		model.addAttribute("transferVillages", boxes(candidates, candidates.villagesOf(transferFrom)));
		Long villagesOf = (Long) model.getAttribute("villagesOf");
		model.addAttribute("mergeVillages", boxes(candidates, candidates.villagesOf(villagesOf)));
		model.addAttribute("villageKinds", UnitKind.of(UnitLevel.VILLAGE));
		model.addAttribute("renamable", candidates.renamable());
		model.addAttribute("allKinds", List.of(UnitKind.values()));
		model.addAttribute("movable", candidates.movable());
		model.addAttribute("moveTargets", candidates.parentsOf(UnitLevel.COMMUNE));
		model.addAttribute("districts", candidates.existing(UnitLevel.DISTRICT));
		ReorganisationService.Preview preview = reorganisations.preview(actor, reorganisation.id());
		model.addAttribute("preview", preview);
		model.addAttribute("accountChoices", preview.followers().stream().flatMap(line -> line.choices().stream()).toList());
		return PAGE;
	}

	private static List<Option> boxes(Candidates candidates, List<UnitSummary> villages) {
		return villages.stream().map(village -> new Option(village.id(), candidates.name(village.id()), UnitLevel.VILLAGE)).toList();
	}

	private static void defaults(Model model, String name, Supplier<Object> form) {
		if (!model.containsAttribute(name)) {
			model.addAttribute(name, form.get());
		}
	}

	private static Versioned form(Object form) {
		return (Versioned) form;
	}

	private Step step(Reorganisation reorganisation, int index) {
		if (index < 0 || index >= reorganisation.plan().steps().size()) {
			throw new ReorganisationNotFoundException(reorganisation.id());
		}
		return reorganisation.plan().steps().get(index);
	}

	private boolean cancellable(Reorganisation reorganisation) {
		return reorganisation.status() == Status.DRAFT || reorganisation.status() == Status.PLANNED
				&& reorganisation.basis().effectiveOn().isAfter(LocalDate.now(clock));
	}

	/**
	 * Why a planned reorganisation could not be applied on its day, as the service wrote it ("key [names]; ..."),
	 * back into problems the page words in the reader's language.
	 */
	static List<ReorganisationProblem> failures(String failure) {
		List<ReorganisationProblem> problems = new ArrayList<>();
		for (String part : failure.split("; ")) {
			int space = part.indexOf(' ');
			String key = space < 0 ? part : part.substring(0, space);
			String args = space < 0 ? "" : part.substring(space + 1).strip();
			if (args.startsWith("[") && args.endsWith("]")) {
				args = args.substring(1, args.length() - 1);
			}
			problems.add(new ReorganisationProblem(key, args.isEmpty() ? List.of() : List.of(args.split(", "))));
		}
		return problems;
	}

	private void checkDates(ReorganisationBasisForm form, BindingResult result) {
		if (form.getDate() != null && (form.getDate().isBefore(EARLIEST) || form.getDate().isAfter(LocalDate.now(clock)))) {
			result.rejectValue("date", "reorganisation.date.signed");
		}
		if (form.getEffectiveOn() != null && (form.getEffectiveOn().isBefore(EARLIEST) || form.getEffectiveOn().isAfter(LATEST))) {
			result.rejectValue("effectiveOn", "reorganisation.date.effective");
		}
	}

	private void requireRecorder(Actor actor) {
		if (!reorganisations.canRecord(actor)) {
			throw new AccessDeniedException(actor.username() + " may not record reorganisations");
		}
	}

}
