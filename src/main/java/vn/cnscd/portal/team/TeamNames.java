package vn.cnscd.portal.team;

import java.util.Locale;

import vn.cnscd.portal.area.UnitLevel;
import vn.cnscd.portal.area.UnitSummary;

/**
 * The plan's naming convention, used to prefill forms: a commune's chat group is "CNSCĐ xã Đại Sơn - Huyện
 * Tứ Kỳ", a township's "CNSCĐ thị trấn Tứ Kỳ - Huyện Tứ Kỳ", the district's own "CNSCĐ huyện Tứ Kỳ". A
 * village's follows the same pattern under its commune. Names are Vietnamese whatever the reader's language.
 */
final class TeamNames {

	private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

	private TeamNames() {
	}

	static String chatGroup(UnitSummary unit, UnitSummary parent) {
		String own = "CNSCĐ " + lower(unit) + " " + unit.name();
		return parent == null || unit.level() == UnitLevel.DISTRICT ? own
				: own + " - " + unit(parent);
	}

	static String team(UnitSummary unit) {
		return "Tổ Công nghệ số cộng đồng " + lower(unit) + " " + unit.name();
	}

	private static String lower(UnitSummary unit) {
		return unit.kind().vietnameseWord().toLowerCase(VIETNAMESE);
	}

	private static String unit(UnitSummary unit) {
		return unit.kind().vietnameseWord() + " " + unit.name();
	}

}
