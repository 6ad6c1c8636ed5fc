package vn.cnscd.portal.notification;

import java.time.LocalDate;
import java.time.YearMonth;

import vn.cnscd.portal.area.UnitSummary;

/**
 * A notification to be sent: its kind (and wording), the unit and period it names, a due date, a number (days
 * left, villages counted), a reason or title, and the page it leads to.
 */
record Draft(NotificationKind kind, String variant, UnitSummary unit, YearMonth period, LocalDate due, Integer number,
		String detail, String link) {

	static Draft of(NotificationKind kind, UnitSummary unit, YearMonth period, String link) {
		return new Draft(kind, null, unit, period, null, null, null, link);
	}

	Draft variant(String wording) {
		return new Draft(kind, wording, unit, period, due, number, detail, link);
	}

	Draft due(LocalDate date) {
		return new Draft(kind, variant, unit, period, date, number, detail, link);
	}

	Draft number(Integer value) {
		return new Draft(kind, variant, unit, period, due, value, detail, link);
	}

	Draft detail(String text) {
		return new Draft(kind, variant, unit, period, due, number, text, link);
	}

}
