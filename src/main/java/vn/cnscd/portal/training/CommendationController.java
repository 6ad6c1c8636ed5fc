package vn.cnscd.portal.training;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
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
import vn.cnscd.portal.team.MemberEntry;

/** Commendation proposals: the list and its export, proposing a team or a member, and the district's decision. */
@Controller
class CommendationController {

	private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private final CommendationService commendations;

	private final TrainingService training;

	private final CommendationExport export;

	private final UnitService units;

	CommendationController(CommendationService commendations, TrainingService training, CommendationExport export,
			UnitService units) {
		this.commendations = commendations;
		this.training = training;
		this.export = export;
		this.units = units;
	}

	/** One page of the proposals, of one outcome ({@code status}) and one commune ({@code commune}) if asked. */
	@GetMapping("/commendations")
	String list(Actor actor, @RequestParam(required = false) CommendationStatus status,
			@RequestParam(required = false) Long commune, @RequestParam(name = Pager.PARAMETER, defaultValue = "1") int page,
			Model model, HttpServletRequest request) {
		CommendationFilter filter = filter(actor, status, commune);
		Paged<Commendation> shown = commendations.page(actor, filter, page);
		model.addAttribute("commendations", shown);
		model.addAttribute("pager", Pager.of(shown, request));
		model.addAttribute("export", Pager.sameQuery("/commendations.xlsx", request));
		model.addAttribute("filtered", status != null || commune != null);
		model.addAttribute("status", status);
		model.addAttribute("commune", commune);
		model.addAttribute("statuses", CommendationStatus.values());
		model.addAttribute("communes", units.openUnits(actor, UnitLevel.COMMUNE));
		model.addAttribute("canPropose", commendations.canPropose(actor));
		model.addAttribute("canDecide", commendations.canDecide(actor));
		return "training/commendations";
	}

	/** The proposals the list shows with the same filters, all pages together. */
	@GetMapping("/commendations.xlsx")
	void download(Actor actor, @RequestParam(required = false) CommendationStatus status,
			@RequestParam(required = false) Long commune, HttpServletResponse response) throws IOException {
		List<Commendation> all = commendations.list(actor, filter(actor, status, commune));
		response.setContentType(XLSX);
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(export.fileName(), StandardCharsets.UTF_8).build().toString());
		export.write(all, response.getOutputStream());
	}

	@GetMapping("/commendations/new")
	String newProposal(Actor actor, @RequestParam(required = false) Long team,
			@RequestParam(required = false) Long member, Model model) {
		CommendationForm form = new CommendationForm();
		form.setFormKey(UUID.randomUUID().toString());
		if (member != null) {
			MemberEntry person = commendations.proposableMember(actor, member);
			form.setMemberId(person.id());
			form.setTeamId(person.teamId());
		}
		else if (team != null) {
			form.setTeamId(commendations.proposableTeam(actor, team).id());
		}
		else if (!commendations.canPropose(actor)) {
			throw new AccessDeniedException(actor.username() + " does not propose commendations");
		}
		return form(actor, form, model);
	}

	@PostMapping("/commendations/new")
	String propose(Actor actor, @Valid @ModelAttribute("form") CommendationForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (form.getMemberId() != null) {
			form.setTeamId(commendations.proposableMember(actor, form.getMemberId()).teamId());
		}
		else if (form.getTeamId() != null) {
			commendations.proposableTeam(actor, form.getTeamId());
		}
		else if (!commendations.canPropose(actor)) {
			throw new AccessDeniedException(actor.username() + " does not propose commendations");
		}
		else {
			result.rejectValue("teamId", "NotNull");
		}
		if (result.hasErrors()) {
			return form(actor, form, model);
		}
		try {
			commendations.propose(actor, form.getTeamId(), form.getMemberId(), form.getReason(), form.getPeriod(),
					form.getFormKey());
		}
		catch (DataIntegrityViolationException sameFormAtOnce) {
			// the same form's other copy proposed it a moment ago
		}
		redirect.addFlashAttribute("notice", "commendation.proposed");
		return "redirect:/commendations";
	}

	@GetMapping("/commendations/{id}/decide")
	String decideForm(Actor actor, @PathVariable long id, Model model) {
		Commendation commendation = decidable(actor, id);
		DecisionForm form = new DecisionForm();
		form.setVersion(commendation.version());
		return decision(commendation, form, model);
	}

	@PostMapping("/commendations/{id}/decide")
	String decide(Actor actor, @PathVariable long id, @Valid @ModelAttribute("form") DecisionForm form,
			BindingResult result, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		Commendation commendation = decidable(actor, id);
		if (form.getDecision() == CommendationStatus.PROPOSED) {
			result.rejectValue("decision", "commendation.decision.missing");
		}
		if (result.hasErrors()) {
			return decision(commendation, form, model);
		}
		try {
			commendations.decide(actor, id, form.getDecision(), form.noteOrNull(), form.getVersion());
		}
		catch (StaleEditException stale) {
			result.reject("edit.conflict");
			response.setStatus(HttpStatus.CONFLICT.value());
			Commendation now = commendations.get(actor, id);
			form.setVersion(now.version());
			return decision(now, form, model);
		}
		redirect.addFlashAttribute("notice", "commendation.decided");
		return "redirect:/commendations";
	}

	/** A commune outside the area is refused, as its page would be; any other unit is not a commune. */
	private CommendationFilter filter(Actor actor, CommendationStatus status, Long commune) {
		if (commune == null) {
			return new CommendationFilter(status, null);
		}
		UnitSummary unit = units.view(actor, commune);
		if (unit.level() != UnitLevel.COMMUNE) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return new CommendationFilter(status, unit);
	}

	private Commendation decidable(Actor actor, long id) {
		if (!commendations.canDecide(actor)) {
			throw new AccessDeniedException(actor.username() + " does not decide on commendations");
		}
		return commendations.get(actor, id);
	}

	private String decision(Commendation commendation, DecisionForm form, Model model) {
		model.addAttribute("commendation", commendation);
		model.addAttribute("form", form);
		model.addAttribute("decisions", List.of(CommendationStatus.APPROVED, CommendationStatus.REJECTED));
		return "training/decision";
	}

	private String form(Actor actor, CommendationForm form, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("member", form.getMemberId() == null ? null : training.member(actor, form.getMemberId()));
		model.addAttribute("teams", training.teams(actor));
		return "training/commendation-form";
	}

}
