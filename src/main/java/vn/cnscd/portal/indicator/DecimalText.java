package vn.cnscd.portal.indicator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Numbers as people type and read them. Vietnamese writes 1.234,5 and English 1,234.5; on a phone people
 * type whichever separator the keypad offers, so a lone dot or comma is read as the decimal sign unless it
 * can only be the reader's thousands separator ("1.500" in Vietnamese, "1,500" in English). Targets keep
 * two decimals at most.
 */
final class DecimalText {

	/** numeric(14, 2) holds less than this. */
	static final BigDecimal LIMIT = new BigDecimal("1000000000000");

	private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u202F]+");

	private static final Pattern NUMBER = Pattern.compile("[0-9.,]*[0-9][0-9.,]*");

	private DecimalText() {
	}

	/** The value typed, or the message key of what is wrong with it; neither for an empty cell. */
	record Reading(BigDecimal value, String error) {

		boolean empty() {
			return value == null && error == null;
		}

	}

	static Reading read(String text, Locale locale) {
		String typed = text == null ? "" : SPACES.matcher(text).replaceAll("");
		if (typed.isEmpty()) {
			return new Reading(null, null);
		}
		boolean negative = typed.startsWith("-") || typed.startsWith("\u2212");
		BigDecimal value = number(negative ? typed.substring(1) : typed,
				DecimalFormatSymbols.getInstance(locale).getGroupingSeparator());
		if (value == null) {
			return new Reading(null, "target.value.invalid");
		}
		if (negative && value.signum() != 0) {
			return new Reading(null, "target.value.negative");
		}
		if (value.stripTrailingZeros().scale() > 2) {
			return new Reading(null, "target.value.scale");
		}
		if (value.compareTo(LIMIT) >= 0) {
			return new Reading(null, "target.value.tooLarge");
		}
		return new Reading(value.setScale(2), null);
	}

	private static BigDecimal number(String text, char grouping) {
		if (!NUMBER.matcher(text).matches()) {
			return null;
		}
		int dot = text.lastIndexOf('.');
		int comma = text.lastIndexOf(',');
		String plain;
		if (dot >= 0 && comma >= 0) {
			char decimal = dot > comma ? '.' : ',';
			char group = decimal == '.' ? ',' : '.';
			int at = Math.max(dot, comma);
			String whole = text.substring(0, at);
			if (text.indexOf(decimal) != at || !grouped(whole, group)) {
				return null;
			}
			plain = whole.replace(String.valueOf(group), "") + "." + text.substring(at + 1);
		}
		else if (dot >= 0 || comma >= 0) {
			char separator = dot >= 0 ? '.' : ',';
			boolean once = text.indexOf(separator) == text.lastIndexOf(separator);
			if (!once || (separator == grouping && grouped(text, separator))) {
				if (!grouped(text, separator)) {
					return null;
				}
				plain = text.replace(String.valueOf(separator), "");
			}
			else {
				plain = text.replace(separator, '.');
			}
		}
		else {
			plain = text;
		}
		if (plain.startsWith(".") || plain.endsWith(".")) {
			return null;
		}
		return new BigDecimal(plain);
	}

	/** Whether the text is digits in groups of three after the first, such as 1.234.567. */
	private static boolean grouped(String text, char separator) {
		String[] groups = text.split(Pattern.quote(String.valueOf(separator)), -1);
		if (groups.length < 2 || !groups[0].matches("[1-9][0-9]{0,2}")) {
			return false;
		}
		for (int i = 1; i < groups.length; i++) {
			if (!groups[i].matches("[0-9]{3}")) {
				return false;
			}
		}
		return true;
	}

	/** The value as an input shows it: no thousands separators, the language's decimal sign. */
	static String input(BigDecimal value, Locale locale) {
		return value == null ? "" : format(value, locale, false);
	}

	/** The value as a page shows it: 1.234,5 in Vietnamese, 1,234.5 in English. */
	static String display(BigDecimal value, Locale locale) {
		return value == null ? "" : format(value, locale, true);
	}

	/** The value as the audit log keeps it, whatever the language: 72.5, 100. */
	static String plain(BigDecimal value) {
		return value == null ? null : value.stripTrailingZeros().toPlainString();
	}

	private static String format(BigDecimal value, Locale locale, boolean grouping) {
		DecimalFormat format = new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(locale));
		format.setGroupingUsed(grouping);
		format.setRoundingMode(RoundingMode.HALF_UP);
		return format.format(value);
	}

}
