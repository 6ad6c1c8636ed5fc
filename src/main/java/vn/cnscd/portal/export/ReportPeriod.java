package vn.cnscd.portal.export;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import vn.cnscd.portal.dashboard.Quarter;

/**
 * The span a report covers: a month (báo cáo tháng), a quarter (báo cáo quý) or a year (báo cáo năm). In
 * addresses ?month=2026-10, ?quarter=2026-Q4, ?year=2026.
 */
record ReportPeriod(Kind kind, int year, int number) {

	enum Kind {

		MONTH, QUARTER, YEAR

	}

	private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");

	private static final Pattern MONTH = Pattern.compile("(\\d{4})-(0[1-9]|1[0-2])");

	private static final Pattern YEAR = Pattern.compile("\\d{4}");

	private static final String[] ROMAN = { "I", "II", "III", "IV" };

	static ReportPeriod month(YearMonth month) {
		return new ReportPeriod(Kind.MONTH, month.getYear(), month.getMonthValue());
	}

	static ReportPeriod quarter(Quarter quarter) {
		return new ReportPeriod(Kind.QUARTER, quarter.year(), quarter.number());
	}

	static ReportPeriod year(int year) {
		return new ReportPeriod(Kind.YEAR, year, 0);
	}

	/** Whether none of the three parameters is given: then the caller's default period. */
	static boolean noneGiven(String month, String quarter, String year) {
		return blank(month) && blank(quarter) && blank(year);
	}

	/** The period the one parameter given names; empty for a malformed one, or for more than one given. */
	static Optional<ReportPeriod> parse(String month, String quarter, String year) {
		if (Stream.of(month, quarter, year).filter(text -> !blank(text)).count() != 1) {
			return Optional.empty();
		}
		if (!blank(month)) {
			Matcher matcher = MONTH.matcher(month);
			return matcher.matches() ? Optional.of(month(YearMonth.of(Integer.parseInt(matcher.group(1)),
					Integer.parseInt(matcher.group(2))))) : Optional.empty();
		}
		if (!blank(quarter)) {
			Matcher matcher = QUARTER.matcher(quarter);
			return matcher.matches() ? Optional.of(new ReportPeriod(Kind.QUARTER, Integer.parseInt(matcher.group(1)),
					Integer.parseInt(matcher.group(2)))) : Optional.empty();
		}
		return YEAR.matcher(year).matches() ? Optional.of(year(Integer.parseInt(year))) : Optional.empty();
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

	YearMonth first() {
		return switch (kind) {
			case MONTH -> YearMonth.of(year, number);
			case QUARTER -> YearMonth.of(year, number * 3 - 2);
			case YEAR -> YearMonth.of(year, 1);
		};
	}

	YearMonth last() {
		return switch (kind) {
			case MONTH -> first();
			case QUARTER -> first().plusMonths(2);
			case YEAR -> YearMonth.of(year, 12);
		};
	}

	List<YearMonth> months() {
		YearMonth first = first();
		return IntStream.rangeClosed(0, (int) first.until(last(), ChronoUnit.MONTHS))
			.mapToObj(first::plusMonths)
			.toList();
	}

	LocalDate firstDay() {
		return first().atDay(1);
	}

	LocalDate lastDay() {
		return last().atEndOfMonth();
	}

	/** The number as reports write it: 10 for a month, IV for a quarter, nothing for a year. */
	String numeral() {
		return switch (kind) {
			case MONTH -> String.valueOf(number);
			case QUARTER -> ROMAN[number - 1];
			case YEAR -> "";
		};
	}

	/** The period after this one, which section V of the report plans for. */
	ReportPeriod next() {
		return switch (kind) {
			case MONTH -> month(first().plusMonths(1));
			case QUARTER -> number == 4 ? new ReportPeriod(Kind.QUARTER, year + 1, 1)
					: new ReportPeriod(Kind.QUARTER, year, number + 1);
			case YEAR -> year(year + 1);
		};
	}

	/** As addresses write it: 2026-10, 2026-Q4, 2026. */
	String parameterName() {
		return kind.name().toLowerCase(Locale.ROOT);
	}

	String parameterValue() {
		return switch (kind) {
			case MONTH -> first().toString();
			case QUARTER -> year + "-Q" + number;
			case YEAR -> String.valueOf(year);
		};
	}

}
