package vn.cnscd.portal.notification;

import java.time.Instant;
import java.util.List;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.cnscd.portal.area.Actor;

/** Each user's notifications, newest first, a page at a time; opening one marks it read and leads to its page. */
@Controller
class NotificationController {

	private final Notifications notifications;

	private final NotificationText texts;

	NotificationController(Notifications notifications, NotificationText texts) {
		this.notifications = notifications;
		this.texts = texts;
	}

	/** A notification as its list shows it. */
	record Line(long id, String text, Instant at, boolean unread) {
	}

	@GetMapping("/notifications")
	String list(Actor actor, @RequestParam(defaultValue = "0") int page, Model model) {
		int shown = Math.max(0, Math.min(page, 10_000));
		List<StoredNotification> rows = notifications.page(actor.userId(), shown);
		boolean more = rows.size() > Notifications.PAGE_SIZE;
		model.addAttribute("lines", rows.stream()
			.limit(Notifications.PAGE_SIZE)
			.map(row -> new Line(row.id(), texts.text(row, LocaleContextHolder.getLocale()), row.createdAt(),
					row.unread()))
			.toList());
		model.addAttribute("page", shown);
		model.addAttribute("previousPage", shown > 0 ? shown - 1 : null);
		model.addAttribute("nextPage", more ? shown + 1 : null);
		return "notification/notifications";
	}

	/** Marks the notification read and goes where it leads; someone else's notification is not found. */
	@GetMapping("/notifications/{id}")
	String open(Actor actor, @PathVariable long id) {
		StoredNotification notification = notifications.find(id)
			.filter(found -> found.recipientId() == actor.userId())
			.orElseThrow(NotificationNotFoundException::new);
		notifications.markRead(actor.userId(), id);
		return "redirect:" + notification.link();
	}

	@PostMapping("/notifications/read")
	String readAll(Actor actor) {
		notifications.markAllRead(actor.userId());
		return "redirect:/notifications";
	}

}
