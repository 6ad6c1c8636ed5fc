package vn.cnscd.portal.web;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import vn.cnscd.portal.area.UnitName;
import vn.cnscd.portal.area.UnitSummary;

/**
 * Formatting for templates, as {@code ${@fmt.date(d)}}: dates dd/MM/yyyy and times in Asia/Ho_Chi_Minh,
 * numbers grouped as the reader's language groups them (1.234 in Vietnamese), unit names with their kind.
 */
@Component("fmt")
public class Formats {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MM/yyyy");

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy")
		.withZone(WebConfig.ZONE);

	private final MessageSource messages;

	Formats(MessageSource messages) {
		this.messages = messages;
	}

	public String date(LocalDate date) {
		return date == null ? "" : DATE.format(date);
	}

	/** A share as a percentage with one decimal: 72,5 % in Vietnamese. */
	public String percent(Number part, Number whole) {
		if (part == null || whole == null || whole.doubleValue() == 0) {
			return "";
		}
		NumberFormat format = NumberFormat.getPercentInstance(LocaleContextHolder.getLocale());
		format.setMaximumFractionDigits(1);
		return format.format(part.doubleValue() / whole.doubleValue());
	}

	/** A reporting month: 10/2026. */
	public String month(YearMonth month) {
		return month == null ? "" : MONTH.format(month);
	}

	public String dateTime(Instant instant) {
		return instant == null ? "" : DATE_TIME.format((TemporalAccessor) instant);
	}

	public String number(Number number) {
		return number == null ? "" : NumberFormat.getIntegerInstance(LocaleContextHolder.getLocale()).format(number);
	}

	/** A difference with its sign: +15, −3 (a true minus sign), 0. */
	public String signed(Number change) {
		if (change == null) {
			return "";
		}
		long value = change.longValue();
		String digits = number(Math.abs(value));
		return value > 0 ? "+" + digits : value < 0 ? "\u2212" + digits : digits;
	}

	/** A message with its arguments, such as a rule a roster breaks, in the reader's language. */
	public String message(MessageSourceResolvable message) {
		return messages.getMessage(message, LocaleContextHolder.getLocale());
	}

	/** "Xã Đại Sơn", "Thôn An Lạc": the kind in the reader's language, then the name. */
	public String unitName(UnitSummary unit) {
		if (unit == null) {
			return "";
		}
		return messages.getMessage(unit.kindKey(), null, LocaleContextHolder.getLocale()) + " " + unit.name();
	}

	/** Units' names in a sentence: "Xã An Lão, Xã An Hưng". */
	public String unitNames(List<UnitSummary> units) {
		return units.stream().map(this::unitName).collect(Collectors.joining(", "));
	}

	/** The unit's name with its code, where names repeat: "Thôn An Lạc (11083-02)". */
	public String unitLabel(UnitSummary unit) {
		return unit == null || unit.code() == null ? unitName(unit) : unitName(unit) + " (" + unit.code() + ")";
	}

	/** A unit as a reorganisation names it, with its code: "Xã Quang Phục (11101)". */
	public String unitLabel(UnitName unit) {
		if (unit == null) {
			return "";
		}
		String name = messages.getMessage(unit.kindKey(), null, LocaleContextHolder.getLocale()) + " " + unit.name();
		return unit.code() == null ? name : name + " (" + unit.code() + ")";
	}

}
