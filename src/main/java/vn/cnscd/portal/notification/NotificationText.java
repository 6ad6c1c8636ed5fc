package vn.cnscd.portal.notification;

import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A notification in words, in a given language: short, naming the unit and the period, with the reason, answer
 * or title cut to a line (the page it links to has the whole).
 */
@Component
class NotificationText {

	static final int DETAIL_LENGTH = 120;

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MM/yyyy");

	private final MessageSource messages;

	NotificationText(MessageSource messages) {
		this.messages = messages;
	}

	String text(StoredNotification notification, Locale locale) {
		String key = notification.kind().messageKey()
				+ (notification.variant() == null ? "" : "." + notification.variant());
		Object[] args = { unit(notification, locale),
				notification.period() == null ? "" : MONTH.format(notification.period()),
				notification.detail() == null ? "" : shortened(notification.detail()),
				notification.dueOn() == null ? "" : DATE.format(notification.dueOn()),
				notification.number() == null ? "" : String.valueOf(notification.number()) };
		return messages.getMessage(key, args, locale);
	}

	/** What a push notification or an e-mail is headed with. */
	String title(Locale locale) {
		return messages.getMessage("notification.title", null, locale);
	}

	private String unit(StoredNotification notification, Locale locale) {
		if (notification.unitName() == null) {
			return "";
		}
		return messages.getMessage("unit.kind." + notification.unitKind(), null, locale) + " " + notification.unitName();
	}

	static String shortened(String text) {
		String line = text.strip().replaceAll("\\s+", " ");
		return line.length() <= DETAIL_LENGTH ? line : line.substring(0, DETAIL_LENGTH - 1).strip() + "…";
	}

}
