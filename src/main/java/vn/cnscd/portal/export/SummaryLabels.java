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

}
