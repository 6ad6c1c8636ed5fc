package vn.cnscd.portal.training;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.cnscd.portal.area.Actor;
import vn.cnscd.portal.area.Role;
import vn.cnscd.portal.area.StaleEditException;
import vn.cnscd.portal.area.UnitLevel;
import vn.cnscd.portal.area.UnitService;
import vn.cnscd.portal.area.UnitSummary;
import vn.cnscd.portal.team.TeamEntry;
import vn.cnscd.portal.training.PlanRecords.ActivityPlan;
import vn.cnscd.portal.training.PlanRecords.StoredFile;
import vn.cnscd.portal.training.PlanRecords.TeamPlanRow;
import vn.cnscd.portal.upload.RefusedZipException;
import vn.cnscd.portal.upload.UploadSlots;

/** A team's activity plan of a year, its attached file, and which teams of a commune or district have one. */
@Controller
class PlanController {

	/** The value of the plan page's {@code refused} parameter after an upload over the servlet's limit. */
	static final String TOO_LARGE = "tooLarge";

	/** Plan files are checked one at a time per user ({@link UploadSlots}). */
	static final String UPLOAD_KIND = "PLAN_FILE";

	private static final int FIRST_YEAR = 2020;

	private static final int LAST_YEAR = 2100;

	private final PlanService plans;

	private final TrainingService training;

	private final UnitService units;

	private final UploadSlots slots;

	PlanController(PlanService plans, TrainingService training, UnitService units, UploadSlots slots) {
		this.plans = plans;
		this.training = training;
		this.units = units;
		this.slots = slots;
	}

	@GetMapping("/teams/{id}/plans/{year}")
	String plan(Actor actor, @PathVariable long id, @PathVariable int year,
			@RequestParam(required = false) String refused, Model model) {
		ActivityPlan plan = plans.plan(actor, id, checked(year));
		if (TOO_LARGE.equals(refused)) {
			model.addAttribute("fileError", "plan.file.tooLarge");
		}
		return page(actor, plan, model);
	}

	@GetMapping("/teams/{id}/plans/{year}/edit")
	String edit(Actor actor, @PathVariable long id, @PathVariable int year, Model model) {
		ActivityPlan plan = plans.plan(actor, id, checked(year));
		requireEdit(actor, plan.team());
		return form(plan, PlanForm.of(plan), model);
	}

	@PostMapping("/teams/{id}/plans/{year}/edit")
	String save(Actor actor, @PathVariable long id, @PathVariable int year,
			@Valid @ModelAttribute("form") PlanForm form, BindingResult result, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		ActivityPlan plan = plans.plan(actor, id, checked(year));
		requireEdit(actor, plan.team());
		for (int i = 0; i < form.getItems().size(); i++) {
			PlanItemForm item = form.getItems().get(i);
			if (item.blank()) {
				continue;
			}
			if (item.getMonth() == null && !result.hasFieldErrors("items[" + i + "].month")) {
				result.rejectValue("items[" + i + "].month", "plan.item.month.missing");
			}
			if (!StringUtils.hasText(item.getActivity())) {
				result.rejectValue("items[" + i + "].activity", "plan.item.activity.missing");
			}
			if (item.getStatus() == null) {
				result.rejectValue("items[" + i + "].status", "plan.item.status.missing");
			}
		}
		if (result.hasErrors()) {
			return form(plan, form, model);
		}
		try {
			plans.save(actor, id, year, form.filled(), form.getVersion());
		}
		catch (StaleEditException stale) {
			result.reject("edit.conflict");
			response.setStatus(HttpStatus.CONFLICT.value());
			form.setVersion(plans.plan(actor, id, year).version());
			return form(plan, form, model);
		}
		redirect.addFlashAttribute("notice", "plan.saved");
		return "redirect:/teams/" + id + "/plans/" + year;
	}

	@PostMapping("/teams/{id}/plans/{year}/file")
	String upload(Actor actor, @PathVariable long id, @PathVariable int year,
			@RequestParam(required = false) MultipartFile file, Model model, RedirectAttributes redirect,
			HttpServletResponse response) throws IOException {
		ActivityPlan plan = plans.plan(actor, id, checked(year));
		requireEdit(actor, plan.team());
		String page = "/teams/" + id + "/plans/" + year;
		String refusal = null;
		Object[] refusalArgs = {};
		Optional<PlanFileType> type = Optional.empty();
		byte[] content = null;
		try (UploadSlots.Slot slot = slots.take(UPLOAD_KIND, actor.userId(), page)) {
			if (file == null || file.isEmpty()) {
				refusal = "plan.file.missing";
			}
			else if (file.getSize() > PlanService.MAX_FILE_BYTES) {
				refusal = "plan.file.tooLarge";
			}
			else {
				content = file.getBytes();
				try {
					type = PlanFileType.detect(content);
					if (type.isEmpty()) {
						refusal = "plan.file.wrongType";
					}
				}
				catch (RefusedZipException unpacksTooMuch) {
					refusal = "plan.file.tooMuchData";
					refusalArgs = new Object[] { PlanFileType.MAX_UNPACKED_MEGABYTES, PlanFileType.MAX_RATIO };
				}
			}
		}
		if (refusal != null) {
			response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
			model.addAttribute("fileError", refusal);
			model.addAttribute("fileErrorArgs", refusalArgs);
			return page(actor, plan, model);
		}
		try {
			plans.attach(actor, id, year, fileName(file.getOriginalFilename(), type.get()), type.get(), content);
		}
		catch (StaleEditException stale) {
			// a file cannot be put back into a file field: the page names the one that was not saved
			response.setStatus(HttpStatus.CONFLICT.value());
			model.addAttribute("fileError", "plan.file.conflict");
			model.addAttribute("refusedFile", file.getOriginalFilename());
			return page(actor, plans.plan(actor, id, year), model);
		}
		redirect.addFlashAttribute("notice", "plan.file.attached");
		return "redirect:" + page;
	}

	/** Always a download, never shown in the browser: the file came from a user and is only as safe as its sender. */
	@GetMapping("/teams/{id}/plans/{year}/file")
	ResponseEntity<byte[]> download(Actor actor, @PathVariable long id, @PathVariable int year) {
		StoredFile file = plans.file(actor, id, checked(year));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(file.contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(file.fileName(), StandardCharsets.UTF_8).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.body(file.content());
	}

	@GetMapping("/communes/{id}/plans")
	String commune(Actor actor, @PathVariable long id, @RequestParam(required = false) Integer year, Model model) {
		return list(actor, id, UnitLevel.COMMUNE, year, model);
	}

	@GetMapping("/{levels:provinces|districts}/{id}/plans")
	String district(Actor actor, @PathVariable String levels, @PathVariable long id,
			@RequestParam(required = false) Integer year, Model model) {
		return list(actor, units.committee(actor, levels, id), year, model);
	}

	private String list(Actor actor, long id, UnitLevel level, Integer year, Model model) {
		UnitSummary unit = units.view(actor, id);
		if (unit.level() != level) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return list(actor, unit, year, model);
	}

	private String list(Actor actor, UnitSummary unit, Integer year, Model model) {
		int shown = checked(year == null ? training.today().getYear() : year);
		List<TeamPlanRow> rows = plans.teamPlans(actor, unit, shown);
		model.addAttribute("unit", unit);
		model.addAttribute("year", shown);
		model.addAttribute("missing", rows.stream().filter(row -> !row.hasPlan()).toList());
		model.addAttribute("planned", rows.stream().filter(TeamPlanRow::hasPlan).toList());
		return "training/plans";
	}

	private String page(Actor actor, ActivityPlan plan, Model model) {
		model.addAttribute("plan", plan);
		model.addAttribute("canEdit", plans.canEdit(actor, plan.team()));
		model.addAttribute("canPropose", actor.isAny(Role.OFFICER, Role.COMMUNE_CHAIR));
		return "training/plan";
	}

	private String form(ActivityPlan plan, PlanForm form, Model model) {
		model.addAttribute("plan", plan);
		model.addAttribute("form", form);
		model.addAttribute("statuses", PlanItemStatus.values());
		return "training/plan-form";
	}

	private void requireEdit(Actor actor, TeamEntry team) {
		if (!plans.canEdit(actor, team)) {
			throw new AccessDeniedException(actor.username() + " may not change the plans of team " + team.id());
		}
	}

	private static int checked(int year) {
		if (year < FIRST_YEAR || year > LAST_YEAR) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return year;
	}

	/** The sender's name without any folder, with the extension of the type found in it. */
	private static String fileName(String original, PlanFileType type) {
		String name = StringUtils.getFilename(StringUtils.cleanPath(original == null ? "" : original.replace('\\', '/')));
		String base = StringUtils.hasText(name) ? StringUtils.stripFilenameExtension(name) : "";
		if (!StringUtils.hasText(base)) {
			base = "ke-hoach";
		}
		if (base.length() > 200) {
			base = base.substring(0, 200);
		}
		return base + "." + type.extension();
	}

}
