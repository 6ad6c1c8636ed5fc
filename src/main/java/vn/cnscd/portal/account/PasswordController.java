package vn.cnscd.portal.account;

import java.util.OptionalInt;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.cnscd.portal.area.Actor;

/**
 * A user changes their own password, to one {@link PasswordRules} accept; required at the first sign-in of a new
 * or reset account. Their other sessions end.
 */
@Controller
class PasswordController {

	private final AccountService accounts;

	PasswordController(AccountService accounts) {
		this.accounts = accounts;
	}

	@GetMapping(CurrentActorFilter.PASSWORD_PAGE)
	String form(Actor actor, Model model) {
		model.addAttribute("form", new PasswordForm());
		model.addAttribute("required", accounts.find(actor.userId()).map(Account::isMustChangePassword).orElse(false));
		return "account/password";
	}

	@PostMapping(CurrentActorFilter.PASSWORD_PAGE)
	String change(Actor actor, @Valid @ModelAttribute("form") PasswordForm form, BindingResult result, Model model,
			RedirectAttributes redirect, HttpServletRequest request) {
		if (form.getNewPassword() != null && !form.getNewPassword().equals(form.getConfirmPassword())) {
			result.rejectValue("confirmPassword", "password.confirm.mismatch");
		}
		if (form.getNewPassword() != null && !result.hasFieldErrors("newPassword")) {
			accounts.passwordProblem(form.getNewPassword(), actor.username())
				.ifPresent(problem -> result.rejectValue("newPassword", problem,
						new Object[] { PasswordRules.MIN_LENGTH, PasswordRules.MAX_BYTES }, null));
		}
		if (form.getNewPassword() != null && !result.hasFieldErrors("newPassword")
				&& form.getNewPassword().equals(form.getCurrentPassword())) {
			result.rejectValue("newPassword", "password.new.unchanged");
		}
		OptionalInt generation = OptionalInt.empty();
		if (!result.hasErrors()) {
			generation = accounts.changePassword(actor.userId(), form.getCurrentPassword(), form.getNewPassword());
			if (generation.isEmpty()) {
				result.rejectValue("currentPassword", "password.current.wrong");
			}
		}
		if (result.hasErrors()) {
			form.setCurrentPassword(null);
			form.setNewPassword(null);
			form.setConfirmPassword(null);
			model.addAttribute("required", accounts.find(actor.userId()).map(Account::isMustChangePassword).orElse(false));
			return "account/password";
		}
		// the user's other sessions are over; this one goes on
		AccountSessions.keep(request, generation.getAsInt());
		redirect.addFlashAttribute("notice", "password.changed");
		return "redirect:/";
	}

}
