package vn.cnscd.portal.export;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.stereotype.Component;

import vn.cnscd.portal.area.UnitSummary;

/** The texts of the summary files: always Vietnamese, whatever the reader's language, as they are filed. */
@Component
class SummaryLabels {

	static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private final MessageSource messages;

	SummaryLabels(MessageSource messages) {
		this.messages = messages;
	}

	String text(String key, Object... arguments) {
		return messages.getMessage(key, arguments, VIETNAMESE);
	}

	String text(MessageSourceResolvable message) {
		return messages.getMessage(message, VIETNAMESE);
	}

	/** A date as the files write it, 01/12/2026. */
	String date(LocalDate date) {
		return DATE.format(date);
	}

	String unitName(UnitSummary unit) {
		return text(unit.kindKey()) + " " + unit.name();
	}

}
