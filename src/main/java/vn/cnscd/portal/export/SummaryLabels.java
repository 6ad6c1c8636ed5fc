package vn.cnscd.portal.export;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import vn.cnscd.portal.area.UnitSummary;

/** The texts of the summary files: always Vietnamese, whatever the reader's language, as they are filed. */
@Component
class SummaryLabels {

	static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

	private final MessageSource messages;

	SummaryLabels(MessageSource messages) {
		this.messages = messages;
	}

	String text(String key, Object... arguments) {
		return messages.getMessage(key, arguments, VIETNAMESE);
	}

	String unitName(UnitSummary unit) {
		return text(unit.kindKey()) + " " + unit.name();
	}

	/**
	 * Text for a cell: a leading =, +, - or @ (or tab, carriage return) would run as a formula once the file
	 * is saved as CSV and opened again; a leading apostrophe keeps it text, as Excel itself does.
	 */
	static String safe(String text) {
		if (text == null || text.isEmpty() || "=+-@\t\r".indexOf(text.charAt(0)) < 0) {
			return text;
		}
		return "'" + text;
	}

}
