package vn.cnscd.portal.team;

import java.util.Optional;
import java.util.UUID;

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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.cnscd.portal.account.PhoneNumber;
import vn.cnscd.portal.area.Actor;
import vn.cnscd.portal.area.StaleEditException;
import vn.cnscd.portal.area.UnitService;

/** Adding, changing and removing the members of a team; a removed member stays on the roster as former. */
@Controller
class MemberController {

	private static final int YOUNGEST_MEMBER_AGE = 15;

	private final TeamService teams;

	private final UnitService units;

	MemberController(TeamService teams, UnitService units) {
		this.teams = teams;
		this.units = units;
	}

	@GetMapping("/teams/{id}/members/new")
	String newMember(Actor actor, @PathVariable long id, Model model) {
		TeamSummary team = manageableTeam(actor, id);
		MemberForm form = new MemberForm();
		form.setRole(TeamRole.MEMBER);
		form.setJoinedOn(teams.today());
		form.setFormKey(UUID.randomUUID().toString());
		return form(team, null, form, model);
	}

	@PostMapping("/teams/{id}/members/new")
	String add(Actor actor, @PathVariable long id, @Valid @ModelAttribute("form") MemberForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		TeamSummary team = manageableTeam(actor, id);
		Optional<String> phone = check(form, result);
		if (result.hasErrors()) {
			return form(team, null, form, model);
		}
		try {
			teams.addMember(actor, id, form.details(phone.orElseThrow()), form.getFormKey());
		}
		catch (DataIntegrityViolationException sameFormAtOnce) {
			// the same form's other copy added the member a moment ago
		}
		catch (TeamFullException full) {
			result.reject("member.teamFull", new Object[] { full.maximum() }, null);
			return form(team, null, form, model);
		}
		redirect.addFlashAttribute("notice", "member.added");
		return "redirect:" + team.url();
	}

	@GetMapping("/members/{id}/edit")
	String edit(Actor actor, @PathVariable long id, Model model) {
		MemberSummary member = manageableMember(actor, id);
		return form(teams.summary(member.teamId()), member, MemberForm.of(member), model);
	}

	@PostMapping("/members/{id}/edit")
	String update(Actor actor, @PathVariable long id, @Valid @ModelAttribute("form") MemberForm form,
			BindingResult result, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		MemberSummary member = manageableMember(actor, id);
		TeamSummary team = teams.summary(member.teamId());
		Optional<String> phone = check(form, result);
		if (result.hasErrors()) {
			return form(team, member, form, model);
		}
		try {
			teams.updateMember(actor, id, form.details(phone.orElseThrow()), form.getVersion());
		}
		catch (StaleEditException stale) {
			result.reject("edit.conflict");
			response.setStatus(HttpStatus.CONFLICT.value());
			form.setVersion(teams.member(id).version());
			return form(team, member, form, model);
		}
		redirect.addFlashAttribute("notice", "member.updated");
		return "redirect:" + team.url();
	}

	@GetMapping("/members/{id}/remove")
	String removeForm(Actor actor, @PathVariable long id, Model model) {
		MemberSummary member = manageableMember(actor, id);
		model.addAttribute("member", member);
		model.addAttribute("team", teams.summary(member.teamId()));
		model.addAttribute("form", DateForm.of(teams.today(), member.version()));
		return "team/member-remove";
	}

	@PostMapping("/members/{id}/remove")
	String remove(Actor actor, @PathVariable long id, @Valid @ModelAttribute("form") DateForm form,
			BindingResult result, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		MemberSummary member = manageableMember(actor, id);
		TeamSummary team = teams.summary(member.teamId());
		model.addAttribute("member", member);
		model.addAttribute("team", team);
		if (form.getDate() != null && form.getDate().isAfter(teams.today())) {
			result.rejectValue("date", "date.future");
		}
		if (form.getDate() != null && form.getDate().isBefore(member.joinedOn())) {
			result.rejectValue("date", "member.leftOn.beforeJoining");
		}
		if (result.hasErrors()) {
			return "team/member-remove";
		}
		try {
			teams.removeMember(actor, id, form.getDate(), form.getVersion());
		}
		catch (StaleEditException stale) {
			result.reject("edit.conflict");
			response.setStatus(HttpStatus.CONFLICT.value());
			form.setVersion(teams.member(id).version());
			return "team/member-remove";
		}
		redirect.addFlashAttribute("notice", "member.removed");
		return "redirect:" + team.url();
	}

	/** Checks what the annotations cannot; returns the phone in its stored form when it is valid. */
	private Optional<String> check(MemberForm form, BindingResult result) {
		Optional<String> phone = PhoneNumber.normalize(form.getPhone());
		if (phone.isEmpty() && !result.hasFieldErrors("phone")) {
			result.rejectValue("phone", "phone.invalid");
		}
		if (form.getBirthYear() != null && !result.hasFieldErrors("birthYear")
				&& form.getBirthYear() > teams.today().getYear() - YOUNGEST_MEMBER_AGE) {
			result.rejectValue("birthYear", "member.birthYear.tooYoung", new Object[] { YOUNGEST_MEMBER_AGE }, null);
		}
		if (form.getJoinedOn() != null && form.getJoinedOn().isAfter(teams.today())) {
			result.rejectValue("joinedOn", "date.future");
		}
		return phone;
	}

	private String form(TeamSummary team, MemberSummary member, MemberForm form, Model model) {
		model.addAttribute("team", team);
		model.addAttribute("unit", units.get(team.unitId()));
		model.addAttribute("member", member);
		model.addAttribute("form", form);
		model.addAttribute("genders", Gender.values());
		model.addAttribute("roles", TeamRole.values());
		model.addAttribute("affiliations", Affiliation.values());
		model.addAttribute("action", member == null ? team.url() + "/members/new" : "/members/" + member.id() + "/edit");
		return "team/member-form";
	}

	private TeamSummary manageableTeam(Actor actor, long teamId) {
		TeamSummary team = teams.summary(teamId);
		units.view(actor, team.unitId());
		if (!team.active() || !teams.canManage(actor, units.get(team.unitId()))) {
			throw new AccessDeniedException(actor.username() + " may not change team " + teamId);
		}
		return team;
	}

	private MemberSummary manageableMember(Actor actor, long memberId) {
		MemberSummary member = teams.member(memberId);
		manageableTeam(actor, member.teamId());
		if (!member.active()) {
			throw new AccessDeniedException("Member " + memberId + " has left the team");
		}
		return member;
	}

}
