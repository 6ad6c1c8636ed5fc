package vn.cnscd.portal.training;

import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.dao.DataIntegrityViolationException;
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
import vn.cnscd.portal.area.Role;
import vn.cnscd.portal.area.StaleEditException;
import vn.cnscd.portal.area.UnitLevel;
import vn.cnscd.portal.area.UnitService;
import vn.cnscd.portal.area.UnitSummary;
import vn.cnscd.portal.team.MemberEntry;
import vn.cnscd.portal.training.TrainingRecords.Share;

/**
 * Training sessions: the hub of the module's pages, recording a session and its attendees, a member's
 * sessions, and the share of members trained in a commune or a district.
 */
@Controller
class TrainingController {

	private static final int SEARCH_LIMIT = 30;

	private final TrainingService training;

	private final UnitService units;

	TrainingController(TrainingService training, UnitService units) {
		this.training = training;
		this.units = units;
	}

	@GetMapping("/training")
	String hub(Actor actor, Model model) {
		UnitSummary home = units.get(actor.homeUnitId());
		model.addAttribute("home", home);
		model.addAttribute("year", training.today().getYear());
		model.addAttribute("canRecord", training.canRecord(actor));
		model.addAttribute("sessions", training.canRecord(actor) ? training.sessions(actor) : List.of());
		model.addAttribute("communes", home.level() == UnitLevel.VILLAGE ? List.of()
				: units.openUnits(actor, UnitLevel.COMMUNE));
		model.addAttribute("ownTeams", actor.is(Role.VILLAGE_HEAD) ? training.teams(actor) : List.of());
		return "training/hub";
	}

	@GetMapping("/training/sessions/new")
	String newSession(Actor actor, Model model) {
		requireRecord(actor);
		TrainingSessionForm form = new TrainingSessionForm();
		form.setHeldOn(training.today());
		form.setMode(TrainingMode.IN_PERSON);
		form.setFormKey(UUID.randomUUID().toString());
		return sessionForm(null, form, model);
	}

	@PostMapping("/training/sessions/new")
	String record(Actor actor, @Valid @ModelAttribute("form") TrainingSessionForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		requireRecord(actor);
		if (form.getHeldOn() != null && form.getHeldOn().isAfter(training.today())) {
			result.rejectValue("heldOn", "date.future");
		}
		if (result.hasErrors()) {
			return sessionForm(null, form, model);
		}
		long id;
		try {
			id = training.record(actor, form.draft(), form.getFormKey());
		}
		catch (DataIntegrityViolationException sameFormAtOnce) {
			// the same form's other copy recorded the session a moment ago
			id = training.record(actor, form.draft(), form.getFormKey());
		}
		redirect.addFlashAttribute("notice", "training.session.recorded");
		return "redirect:/training/sessions/" + id;
	}

	@GetMapping("/training/sessions/{id}/edit")
	String edit(Actor actor, @PathVariable long id, Model model) {
		TrainingRecords.SessionSummary session = training.session(actor, id);
		return sessionForm(session, TrainingSessionForm.of(session), model);
	}

	@PostMapping("/training/sessions/{id}/edit")
	String update(Actor actor, @PathVariable long id, @Valid @ModelAttribute("form") TrainingSessionForm form,
			BindingResult result, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		TrainingRecords.SessionSummary session = training.session(actor, id);
		if (form.getHeldOn() != null && form.getHeldOn().isAfter(training.today())) {
			result.rejectValue("heldOn", "date.future");
		}
		if (result.hasErrors()) {
			return sessionForm(session, form, model);
		}
		try {
			training.update(actor, id, form.draft(), form.getVersion());
		}
		catch (StaleEditException stale) {
			result.reject("edit.conflict");
			response.setStatus(HttpStatus.CONFLICT.value());
			form.setVersion(training.session(actor, id).version());
			return sessionForm(session, form, model);
		}
		redirect.addFlashAttribute("notice", "training.session.updated");
		return "redirect:/training/sessions/" + id;
	}

	/**
	 * A session with one page of its attendees, found by {@code attendee} (a name or a phone) if given, and
	 * the members of the area found by {@code q}, to be added.
	 */
	@GetMapping("/training/sessions/{id}")
	String session(Actor actor, @PathVariable long id, @RequestParam(required = false) String attendee,
			@RequestParam(name = Pager.PARAMETER, defaultValue = "1") int page, @RequestParam(required = false) String q,
			Model model, HttpServletRequest request) {
		model.addAttribute("held", training.session(actor, id));
		Paged<MemberEntry> attendees = training.attendees(actor, id, attendee, page);
		model.addAttribute("attendees", attendees);
		model.addAttribute("pager", Pager.of(attendees, request));
		model.addAttribute("attendee", attendee);
		model.addAttribute("q", q);
		model.addAttribute("hits", q == null ? List.of() : training.search(actor, q, SEARCH_LIMIT));
		model.addAttribute("teams", training.teams(actor));
		return "training/session";
	}

	@PostMapping("/training/sessions/{id}/attendees")
	String addAttendees(Actor actor, @PathVariable long id,
			@RequestParam(name = "member", required = false) List<Long> members, RedirectAttributes redirect) {
		int added = training.addAttendees(actor, id, members == null ? List.of() : members);
		return added(id, added, redirect);
	}

	@PostMapping("/training/sessions/{id}/teams")
	String addTeam(Actor actor, @PathVariable long id, @RequestParam long team, RedirectAttributes redirect) {
		return added(id, training.addTeam(actor, team, id), redirect);
	}

	@PostMapping("/training/sessions/{id}/attendees/{member}/remove")
	String removeAttendee(Actor actor, @PathVariable long id, @PathVariable long member, RedirectAttributes redirect) {
		training.removeAttendee(actor, id, member);
		redirect.addFlashAttribute("notice", "training.attendee.removed");
		return "redirect:/training/sessions/" + id;
	}

	@GetMapping("/members/{id}/training")
	String member(Actor actor, @PathVariable long id, Model model) {
		model.addAttribute("member", training.member(actor, id));
		model.addAttribute("sessions", training.attendedBy(actor, id));
		model.addAttribute("canPropose", actor.isAny(Role.OFFICER, Role.COMMUNE_CHAIR));
		return "training/member";
	}

	@GetMapping("/communes/{id}/training")
	String commune(Actor actor, @PathVariable long id, Model model) {
		UnitSummary commune = unitAt(actor, id, UnitLevel.COMMUNE);
		List<Share> shares = training.teamShares(actor, commune);
		model.addAttribute("unit", commune);
		model.addAttribute("shares", shares);
		model.addAttribute("total", TrainingService.total(shares));
		model.addAttribute("rowsAreTeams", true);
		return "training/share";
	}

	@GetMapping("/{levels:provinces|districts}/{id}/training")
	String district(Actor actor, @PathVariable String levels, @PathVariable long id, Model model) {
		UnitSummary district = units.committee(actor, levels, id);
		List<Share> shares = training.communeShares(actor, district);
		model.addAttribute("unit", district);
		model.addAttribute("shares", shares);
		model.addAttribute("total", TrainingService.total(shares));
		model.addAttribute("communes", units.getAll(shares.stream().map(Share::id).toList()));
		model.addAttribute("rowsAreTeams", false);
		return "training/share";
	}

	private String added(long sessionId, int added, RedirectAttributes redirect) {
		redirect.addFlashAttribute("notice", "training.attendees.added");
		redirect.addFlashAttribute("noticeArgs", new Object[] { added });
		return "redirect:/training/sessions/" + sessionId;
	}

	private String sessionForm(TrainingRecords.SessionSummary session, TrainingSessionForm form, Model model) {
		model.addAttribute("held", session);
		model.addAttribute("form", form);
		model.addAttribute("modes", TrainingMode.values());
		model.addAttribute("topics", TrainingTopic.values());
		return "training/session-form";
	}

	private void requireRecord(Actor actor) {
		if (!training.canRecord(actor)) {
			throw new AccessDeniedException(
					actor.username() + " does not record training sessions");
		}
	}

	private UnitSummary unitAt(Actor actor, long id, UnitLevel level) {
		UnitSummary unit = units.view(actor, id);
		if (unit.level() != level) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return unit;
	}

}
