package vn.cnscd.portal.reporting;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.validation.Errors;

import vn.cnscd.portal.area.UnitSummary;
import vn.cnscd.portal.indicator.Denominator;
import vn.cnscd.portal.indicator.IndicatorKind;
import vn.cnscd.portal.indicator.IndicatorSummary;

/**
 * The checks of a monthly report: whole numbers, not negative; a household-based STOCK not above the
 * village's households (adult-based likewise); a STOCK lower than the month before explained; a STOCK
 * confirmed unchanged is last month's figure (filled in when left empty). A draft may leave fields empty; a
 * submission may not.
 */
final class ReportChecks {

	static final int MAX_VALUE = 10_000_000;

	private static final Pattern DIGITS = Pattern.compile("\\d+");

	/** Vietnamese thousands: 1.234 or 1 234 567. */
	private static final Pattern GROUPED = Pattern.compile("\\d{1,3}([. ]\\d{3})+");

	private ReportChecks() {
	}

	/** The report's content when every check passes; errors on the form otherwise. */
	static ReportContent check(VillageReportForm form, List<IndicatorSummary> indicators,
			Map<Long, VillageReportService.PreviousValue> previous, UnitSummary village, boolean submit, Errors errors) {
		Map<Long, ReportValue> values = new HashMap<>();
		for (IndicatorSummary indicator : indicators) {
			String field = "values[" + indicator.id() + "]";
			VillageReportService.PreviousValue before = previous.get(indicator.id());
			boolean confirmed = indicator.kind() == IndicatorKind.STOCK && before != null
					&& Boolean.TRUE.equals(form.getUnchanged().get(indicator.id()));
			String typed = form.getValues().get(indicator.id());
			if (confirmed && (typed == null || typed.isBlank())) {
				typed = String.valueOf(before.value());
			}
			Integer value = number(typed, field, submit, errors);
			if (value == null) {
				continue;
			}
			if (confirmed && value != before.value()) {
				errors.rejectValue(field, "report.unchanged.differs", new Object[] { before.value() }, null);
				continue;
			}
			if (indicator.kind() == IndicatorKind.STOCK && indicator.denominator() != null) {
				Integer limit = indicator.denominator() == Denominator.HOUSEHOLDS ? village.households() : village.adults();
				if (limit != null && value > limit) {
					errors.rejectValue(field, "report.value.over." + indicator.denominator(), new Object[] { limit }, null);
					continue;
				}
			}
			String explanation = blankToNull(form.getExplanations().get(indicator.id()));
			boolean fell = indicator.kind() == IndicatorKind.STOCK && before != null && value < before.value();
			if (fell && explanation == null && submit) {
				errors.rejectValue("explanations[" + indicator.id() + "]", "report.explanation.required",
						new Object[] { before.value() }, null);
			}
			values.put(indicator.id(), new ReportValue(value, fell ? explanation : null, confirmed));
		}
		Integer sessions = number(form.getSessionsHeld(), "sessionsHeld", submit, errors);
		Integer guided = number(form.getResidentsGuided(), "residentsGuided", submit, errors);
		Integer visited = number(form.getHouseholdsVisited(), "householdsVisited", submit, errors);
		if (visited != null && village.households() != null && visited > village.households()) {
			errors.rejectValue("householdsVisited", "report.value.over.HOUSEHOLDS", new Object[] { village.households() },
					null);
		}
		if (errors.hasErrors()) {
			return null;
		}
		return new ReportContent(values, sessions, guided, visited, blankToNull(form.getObstacles()),
				blankToNull(form.getProposals()));
	}

	/**
	 * A whole number, not negative, or null when empty (an error when {@code required}) or already refused (too
	 * long for its field).
	 */
	static Integer number(String typed, String field, boolean required, Errors errors) {
		if (errors.hasFieldErrors(field)) {
			return null;
		}
		String text = typed == null ? "" : typed.strip();
		if (text.isEmpty()) {
			if (required) {
				errors.rejectValue(field, "report.value.required");
			}
			return null;
		}
		if (text.startsWith("-") && DIGITS.matcher(text.substring(1).strip()).matches()) {
			errors.rejectValue(field, "report.value.negative");
			return null;
		}
		String digits = GROUPED.matcher(text).matches() ? text.replaceAll("[. ]", "") : text;
		if (!DIGITS.matcher(digits).matches()) {
			errors.rejectValue(field, "report.value.notWhole");
			return null;
		}
		if (digits.length() > 8 || Long.parseLong(digits) > MAX_VALUE) {
			errors.rejectValue(field, "report.value.tooLarge", new Object[] { MAX_VALUE }, null);
			return null;
		}
		return Integer.valueOf(digits);
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

}
