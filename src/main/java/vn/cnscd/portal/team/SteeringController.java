package vn.cnscd.portal.team;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

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

import vn.cnscd.portal.account.PhoneNumber;
import vn.cnscd.portal.area.Actor;
import vn.cnscd.portal.area.Role;
import vn.cnscd.portal.area.StaleEditException;

/**
 * The steering committee pages: the committee list, the forms that add and change a member and record
 * that they left, and a steering member's own communes.
 */
@Controller
class SteeringController {

	private final SteeringService steering;

	private final Clock clock;

	SteeringController(SteeringService steering, Clock clock) {
		this.steering = steering;
		this.clock = clock;
	}

	@GetMapping("/steering")
	String committee(Actor actor, Model model) {
		model.addAttribute("committees", steering.committees(actor));
		model.addAttribute("canManage", actor.is(Role.OFFICER));
		return "team/steering";
	}

	@GetMapping("/steering/mine")
	String mine(Actor actor, Model model) {
		model.addAttribute("communes", steering.communesInCharge(actor));
		return "team/steering-mine";
	}

	@GetMapping("/steering/new")
	String newMember(Actor actor, Model model) {
		return form(steering.choices(actor, null), new SteeringMemberForm(), null, model);
	}

	@PostMapping("/steering/new")
	String create(Actor actor, @Valid @ModelAttribute("form") SteeringMemberForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		SteeringChoices choices = steering.choices(actor, null);
		Optional<String> phone = check(form, choices, result);
		if (result.hasErrors()) {
			return form(choices, form, null, model);
		}
		steering.create(actor, form.draft(phone.orElse(null)));
		redirect.addFlashAttribute("notice", "steering.created");
		return "redirect:/steering";
	}

	@GetMapping("/steering/{id}/edit")
	String edit(Actor actor, @PathVariable long id, Model model) {
		SteeringMemberView member = current(actor, id);
		return form(steering.choices(actor, id), SteeringMemberForm.of(member), id, model);
	}

	@PostMapping("/steering/{id}/edit")
	String update(Actor actor, @PathVariable long id, @Valid @ModelAttribute("form") SteeringMemberForm form,
			BindingResult result, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		SteeringChoices choices = steering.choices(actor, id);
		Optional<String> phone = check(form, choices, result);
		if (result.hasErrors()) {
			return form(choices, form, id, model);
		}
		try {
			steering.update(actor, id, form.draft(phone.orElse(null)), form.getVersion());
		}
		catch (StaleEditException stale) {
			form.setVersion(current(actor, id).version());
			return conflict(result, response, form(choices, form, id, model));
		}
		redirect.addFlashAttribute("notice", "steering.updated");
		return "redirect:/steering";
	}

	@GetMapping("/steering/{id}/leave")
	String leaveForm(Actor actor, @PathVariable long id, Model model) {
		SteeringMemberView member = current(actor, id);
		SteeringLeaveForm form = new SteeringLeaveForm();
		form.setLeftOn(LocalDate.now(clock));
		form.setVersion(member.version());
		model.addAttribute("member", member);
		model.addAttribute("form", form);
		return "team/steering-leave";
	}

	@PostMapping("/steering/{id}/leave")
	String leave(Actor actor, @PathVariable long id, @Valid @ModelAttribute("form") SteeringLeaveForm form,
			BindingResult result, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		SteeringMemberView member = steering.member(actor, id);
		if (form.getLeftOn() != null && form.getLeftOn().isAfter(LocalDate.now(clock))) {
			result.rejectValue("leftOn", "steering.leftOn.future");
		}
		model.addAttribute("member", member);
		if (result.hasErrors()) {
			return "team/steering-leave";
		}
		try {
			steering.leave(actor, id, form.getLeftOn(), form.getVersion());
		}
		catch (StaleEditException stale) {
			return conflict(result, response, "team/steering-leave");
		}
		redirect.addFlashAttribute("notice", "steering.left");
		return "redirect:/steering";
	}

	/** A member still on the committee: a former member's record is history and is not edited. */
	private SteeringMemberView current(Actor actor, long id) {
		SteeringMemberView member = steering.member(actor, id);
		if (member.former()) {
			throw new AccessDeniedException("Steering member " + id + " has left the committee");
		}
		return member;
	}

	/** Field errors the annotations cannot find; the stored form of the phone when it is one. */
	private static Optional<String> check(SteeringMemberForm form, SteeringChoices choices, BindingResult result) {
		Optional<String> phone = Optional.empty();
		if (form.getPhone() != null && !form.getPhone().isBlank()) {
			phone = PhoneNumber.normalize(form.getPhone());
			if (phone.isEmpty() && !result.hasFieldErrors("phone")) {
				result.rejectValue("phone", "phone.invalid");
			}
		}
		if (form.getAccountId() != null && !choices.offersAccount(form.getAccountId())) {
			result.rejectValue("accountId", "steering.account.notAllowed");
		}
		if (!result.hasFieldErrors("communeIds")
				&& !form.getCommuneIds().stream().allMatch(id -> id != null && choices.offersCommune(id))) {
			result.rejectValue("communeIds", "steering.communes.notAllowed");
		}
		return phone;
	}

	private String conflict(BindingResult result, HttpServletResponse response, String view) {
		result.reject("edit.conflict");
		response.setStatus(HttpStatus.CONFLICT.value());
		return view;
	}

	private String form(SteeringChoices choices, SteeringMemberForm form, Long memberId, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("district", choices.district());
		model.addAttribute("accounts", choices.accounts());
		model.addAttribute("communes", choices.communes());
		model.addAttribute("editing", memberId != null);
		model.addAttribute("action", memberId == null ? "/steering/new" : "/steering/" + memberId + "/edit");
		return "team/steering-form";
	}

}
