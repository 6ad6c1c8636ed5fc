package vn.cnscd.portal.account;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.cnscd.portal.area.Actor;
import vn.cnscd.portal.area.Paging;
import vn.cnscd.portal.area.SearchText;
import vn.cnscd.portal.area.UnitLevel;
import vn.cnscd.portal.area.UnitService;
import vn.cnscd.portal.area.UnitSummary;

/**
 * The accounts page: list, create, disable, enable and reset. A temporary password is shown once, to the
 * person who created or reset the account, to pass on to its owner.
 */
@Controller
class AccountController {

	private final AccountService accounts;

	private final UnitService units;

	AccountController(AccountService accounts, UnitService units) {
		this.accounts = accounts;
		this.units = units;
	}

	/** Enough to scan on a phone; a province's hundreds of accounts are found by the search. */
	static final int PAGE_SIZE = 50;

	private static final int MAX_QUERY = 100;

	@GetMapping("/accounts")
	String list(Actor actor, @RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "1") int page,
			Model model) {
		String query = q.length() > MAX_QUERY ? q.substring(0, MAX_QUERY) : q;
		List<String> words = SearchText.words(query);
		List<AccountView> found = accounts.list(actor)
			.stream()
			.filter(account -> words.stream().allMatch(SearchText.fold(account.username() + " " + account.fullName()
					+ " " + account.homeUnit().kind().vietnameseWord() + " " + account.homeUnit().name())::contains))
			.toList();
		model.addAttribute("accounts", Paging.of(found, page, PAGE_SIZE));
		model.addAttribute("q", query);
		model.addAttribute("canCreate", !accounts.creatableRoles(actor).isEmpty());
		return "account/accounts";
	}

	@GetMapping("/accounts/new")
	String newAccount(Actor actor, Model model) {
		AccountForm form = new AccountForm();
		if (accounts.creatableRoles(actor).size() == 1) {
			form.setRole(accounts.creatableRoles(actor).iterator().next());
		}
		return form(actor, form, model);
	}

	@PostMapping("/accounts/new")
	String create(Actor actor, @Valid @ModelAttribute("form") AccountForm form, BindingResult result, Model model,
			RedirectAttributes redirect, @RequestParam(required = false) String narrow) {
		if (narrow != null) {
			// "find" or "show its villages": the same form again, with what was typed and no complaint yet
			model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", new BeanPropertyBindingResult(form, "form"));
			return form(actor, form, model);
		}
		Optional<String> phone = Optional.empty();
		if (form.getPhone() != null && !form.getPhone().isBlank()) {
			phone = PhoneNumber.normalize(form.getPhone());
			if (phone.isEmpty() && !result.hasFieldErrors("phone")) {
				result.rejectValue("phone", "phone.invalid");
			}
		}
		List<UnitSummary> homes = accounts.homeUnitChoices(actor);
		if (form.getRole() != null && !accounts.creatableRoles(actor).contains(form.getRole())) {
			result.rejectValue("role", "account.role.notAllowed");
		}
		Optional<UnitSummary> home = homes.stream()
			.filter(unit -> form.getHomeUnitId() != null && unit.id() == form.getHomeUnitId())
			.findFirst();
		if (form.getHomeUnitId() != null && home.isEmpty()) {
			result.rejectValue("homeUnitId", "account.homeUnit.notAllowed");
		}
		if (form.getRole() != null && home.isPresent() && !fits(form, home.get())) {
			result.rejectValue("homeUnitId", "account.homeUnit.level." + form.getRole().name());
		}
		if (result.hasErrors()) {
			return form(actor, form, model);
		}
		String temporary;
		try {
			temporary = accounts.create(actor, new AccountDraft(form.getUsername(), form.getFullName(),
					phone.orElse(null), form.getRole(), form.getHomeUnitId()));
		}
		catch (UsernameTakenException taken) {
			result.rejectValue("username", "account.username.taken");
			return form(actor, form, model);
		}
		catch (UsernameCheckRefusedException refused) {
			WaitText wait = WaitText.of(refused.getWait());
			result.rejectValue("username", "account.username.throttled." + wait.unit(), new Object[] { wait.amount() },
					null);
			return form(actor, form, model);
		}
		redirect.addFlashAttribute("notice", "account.created");
		redirect.addFlashAttribute("temporaryFor", form.getUsername().strip().toLowerCase(Locale.ROOT));
		redirect.addFlashAttribute("temporaryPassword", temporary);
		return "redirect:/accounts";
	}

	private static boolean fits(AccountForm form, UnitSummary home) {
		try {
			AccountService.checkHome(form.getRole(), home);
			return true;
		}
		catch (IllegalArgumentException misfit) {
			return false;
		}
	}

	@PostMapping("/accounts/{id}/disable")
	String disable(Actor actor, @PathVariable long id, RedirectAttributes redirect) {
		accounts.setEnabled(actor, id, false);
		redirect.addFlashAttribute("notice", "account.disabled");
		return "redirect:/accounts";
	}

	@PostMapping("/accounts/{id}/enable")
	String enable(Actor actor, @PathVariable long id, RedirectAttributes redirect) {
		accounts.setEnabled(actor, id, true);
		redirect.addFlashAttribute("notice", "account.enabled");
		return "redirect:/accounts";
	}

	@PostMapping("/accounts/{id}/reset-password")
	String reset(Actor actor, @PathVariable long id, RedirectAttributes redirect) {
		String temporary = accounts.resetPassword(actor, id);
		redirect.addFlashAttribute("notice", "account.reset");
		redirect.addFlashAttribute("temporaryFor", accounts.view(actor, id).username());
		redirect.addFlashAttribute("temporaryPassword", temporary);
		return "redirect:/accounts";
	}

	private String form(Actor actor, AccountForm form, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("roles", accounts.creatableRoles(actor));
		List<UnitSummary> choosable = accounts.homeUnitChoices(actor);
		Map<Long, UnitSummary> parents = units.getAll(choosable.stream()
			.filter(unit -> unit.level() == UnitLevel.VILLAGE)
			.map(UnitSummary::parentId)
			.distinct()
			.toList());
		String search = form.getUnitSearch() == null || form.getUnitSearch().length() > MAX_QUERY ? null
				: form.getUnitSearch();
		model.addAttribute("choices", UnitChoices.of(choosable, parents, form.getCommuneId(), search));
		return "account/account-form";
	}

}
