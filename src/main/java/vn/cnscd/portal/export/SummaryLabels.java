package vn.cnscd.portal.export;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.stereotype.Component;

import vn.cnscd.portal.area.UnitSummary;

/**
 * The texts of the report files: always Vietnamese, whatever the reader's language, as they are filed; numbers
 * grouped and shares written as Vietnamese writes them (1.234; 87,5%).
 */
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

	/** "Huyện Tứ Kỳ". */
	String unitName(UnitSummary unit) {
		return text(unit.kindKey()) + " " + unit.name();
	}

	/** "huyện Tứ Kỳ", as a sentence names a unit after a word. */
	String lowerUnitName(UnitSummary unit) {
		return text(unit.kindKey()).toLowerCase(VIETNAMESE) + " " + unit.name();
	}

	String upper(String text) {
		return text == null ? null : text.toUpperCase(VIETNAMESE);
	}

	String number(long value) {
		return NumberFormat.getIntegerInstance(VIETNAMESE).format(value);
	}

	/** 87,5%; 0% where there is nothing to divide by, as the dashboard counts it. */
	String percent(double ratio) {
		NumberFormat format = NumberFormat.getPercentInstance(VIETNAMESE);
		format.setMaximumFractionDigits(1);
		return format.format(ratio);
	}

	String share(long part, long whole) {
		return percent(whole == 0 ? 0 : (double) part / whole);
	}

	/** A score with one decimal: 76,9. */
	String score(double value) {
		NumberFormat format = NumberFormat.getNumberInstance(VIETNAMESE);
		format.setMinimumFractionDigits(0);
		format.setMaximumFractionDigits(1);
		return format.format(value);
	}

	String date(LocalDate date) {
		return DATE.format(date);
	}

	/** "2/2030", as "tháng 2/2030" writes a month. */
	String month(YearMonth month) {
		return month.getMonthValue() + "/" + month.getYear();
	}

}
