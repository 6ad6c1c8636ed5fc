package vn.cnscd.portal.notification;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.thymeleaf.context.LazyContextVariable;

import vn.cnscd.portal.account.PortalUser;

/**
 * The count of unread notifications in the navigation of every page. It is read only when a page shows it (not
 * for redirects or downloads), with one query on the index of unread rows.
 */
@ControllerAdvice
class NotificationAdvice {

	private final Notifications notifications;

	NotificationAdvice(Notifications notifications) {
		this.notifications = notifications;
	}

	@ModelAttribute("unreadNotifications")
	LazyContextVariable<String> unread(@AuthenticationPrincipal PortalUser user) {
		return new LazyContextVariable<>() {
			@Override
			protected String loadValue() {
				if (user == null) {
					return null;
				}
				int unread = notifications.unread(user.getId());
				return unread == 0 ? null : unread > Notifications.COUNT_LIMIT ? Notifications.COUNT_LIMIT + "+"
						: String.valueOf(unread);
			}
		};
	}

}
