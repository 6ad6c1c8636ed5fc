package vn.cnscd.portal.notification;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.cnscd.portal.account.AccountDirectory;
import vn.cnscd.portal.area.Actor;
import vn.cnscd.portal.area.StaleEditException;

/**
 * A user's own notification settings: the language messages are written in, the channels outside the portal
 * that the deployment offers (e-mail, the SMS/Zalo gateway, Web Push in this browser) and the kinds of message
 * they want. Account security messages cannot be turned off, so they are not listed.
 */
@Controller
class NotificationSettingsController {

	static final String PAGE = "/account/notifications";

	private final Preferences preferences;

	private final AccountDirectory accounts;

	private final EmailChannel email;

	private final WebhookChannel webhook;

	private final PushChannel push;

	private final PushOffer pushOffer;

	NotificationSettingsController(Preferences preferences, AccountDirectory accounts, EmailChannel email,
			WebhookChannel webhook, PushChannel push, PushOffer pushOffer) {
		this.pushOffer = pushOffer;
		this.preferences = preferences;
		this.accounts = accounts;
		this.email = email;
		this.webhook = webhook;
		this.push = push;
	}

	@GetMapping(PAGE)
	String form(Actor actor, Model model) {
		Preference preference = preferences.of(actor.userId());
		NotificationSettingsForm form = new NotificationSettingsForm();
		form.setLanguage(accounts.language(actor.userId()).getLanguage());
		form.setEmail(preference.email());
		form.setEmailEnabled(preference.emailEnabled());
		form.setWebhookEnabled(preference.webhookEnabled());
		Set<NotificationKind> enabled = EnumSet.noneOf(NotificationKind.class);
		NotificationKind.optional(actor.role()).stream().filter(preference::wants).forEach(enabled::add);
		form.setEnabledKinds(enabled);
		form.setVersion(preference.version());
		return page(actor, form, model);
	}

	@PostMapping(PAGE)
	String save(Actor actor, @Valid @ModelAttribute("form") NotificationSettingsForm form, BindingResult result,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		if (form.isEmailEnabled() && (form.getEmail() == null || form.getEmail().isBlank())
				&& !result.hasFieldErrors("email")) {
			result.rejectValue("email", "notifications.email.required");
		}
		if (result.hasErrors()) {
			return page(actor, form, model);
		}
		Set<NotificationKind> muted = EnumSet.noneOf(NotificationKind.class);
		NotificationKind.optional(actor.role())
			.stream()
			.filter(kind -> !form.getEnabledKinds().contains(kind))
			.forEach(muted::add);
		// a channel the deployment does not offer now keeps what the user chose for it when it was offered
		Preference before = preferences.of(actor.userId());
		String address = form.getEmail() == null || form.getEmail().isBlank() ? null : form.getEmail();
		boolean byEmail = form.isEmailEnabled() && address != null;
		if (!email.configured()) {
			address = before.email();
			byEmail = before.emailEnabled();
		}
		boolean byGateway = webhook.configured() ? form.isWebhookEnabled() : before.webhookEnabled();
		try {
			preferences.save(new Preference(actor.userId(), address, byEmail, byGateway, muted, form.getVersion()),
					form.getVersion());
		}
		catch (StaleEditException stale) {
			form.setVersion(preferences.of(actor.userId()).version());
			result.reject("edit.conflict");
			response.setStatus(HttpStatus.CONFLICT.value());
			return page(actor, form, model);
		}
		accounts.chooseLanguage(actor.userId(), Locale.forLanguageTag(form.getLanguage()));
		redirect.addFlashAttribute("notice", "notifications.saved");
		return "redirect:" + PAGE;
	}

	/** A browser the user accepted Web Push in, sent by the subscribing form's script. */
	@PostMapping("/account/push-subscriptions")
	String subscribe(Actor actor, @Valid @ModelAttribute("subscription") PushSubscriptionForm subscription,
			BindingResult result, RedirectAttributes redirect) {
		if (!push.configured()) {
			throw new NotificationNotFoundException();
		}
		if (result.hasErrors() || !push.allowed(subscription.getEndpoint())) {
			redirect.addFlashAttribute("notice", "push.refused");
			return "redirect:" + PAGE;
		}
		preferences.subscribe(actor.userId(), subscription.getEndpoint(), subscription.getP256dh(),
				subscription.getAuth());
		redirect.addFlashAttribute("notice", "push.subscribed");
		return "redirect:" + PAGE;
	}

	@PostMapping("/account/push-subscriptions/{id}/delete")
	String unsubscribe(Actor actor, @PathVariable long id, RedirectAttributes redirect) {
		if (!preferences.unsubscribe(actor.userId(), id)) {
			throw new NotificationNotFoundException();
		}
		redirect.addFlashAttribute("notice", "push.unsubscribed");
		return "redirect:" + PAGE;
	}

	private String page(Actor actor, NotificationSettingsForm form, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("kinds", NotificationKind.optional(actor.role()));
		model.addAttribute("languages", List.of("vi", "en"));
		model.addAttribute("emailOffered", email.configured());
		model.addAttribute("webhookOffered", webhook.configured());
		model.addAttribute("hasPhone", accounts.recipient(actor.userId()).map(r -> r.phone() != null).orElse(false));
		model.addAttribute("push", pushOffer.offer());
		model.addAttribute("browsers", push.configured() ? preferences.subscriptions(actor.userId()) : List.of());
		return "notification/settings";
	}

}
