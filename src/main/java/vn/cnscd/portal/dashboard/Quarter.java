package vn.cnscd.portal.dashboard;

import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A calendar quarter, written 2026-Q3 in addresses. */
public record Quarter(int year, int number) {

	private static final Pattern TEXT = Pattern.compile("(\\d{4})-Q([1-4])");

	private static final String[] ROMAN = { "I", "II", "III", "IV" };

	public static Quarter of(YearMonth month) {
		return new Quarter(month.getYear(), (month.getMonthValue() - 1) / 3 + 1);
	}

	static Optional<Quarter> parse(String text) {
		Matcher matcher = text == null ? null : TEXT.matcher(text);
		if (matcher == null || !matcher.matches() || Integer.parseInt(matcher.group(1)) < 2000) {
			return Optional.empty();
		}
		return Optional.of(new Quarter(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2))));
	}

	public YearMonth first() {
		return YearMonth.of(year, number * 3 - 2);
	}

	public YearMonth last() {
		return first().plusMonths(2);
	}

	public List<YearMonth> months() {
		return List.of(first(), first().plusMonths(1), last());
	}

	/** As administrative reports write it: QUÝ III. */
	public String roman() {
		return ROMAN[number - 1];
	}

	@Override
	public String toString() {
		return year + "-Q" + number;
	}

}
