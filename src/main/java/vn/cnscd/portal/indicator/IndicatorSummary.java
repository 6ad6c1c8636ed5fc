package vn.cnscd.portal.indicator;

import java.util.Locale;

/**
 * An indicator as the rest of the portal sees it. A percentage indicator ({@link #percentage()}) is a
 * {@code STOCK} count that pages show as a share of the unit's households or adults; its targets are
 * percentages, those of every other indicator counts in {@link #unit(Locale)}.
 */
public record IndicatorSummary(long id, String code, String nameVi, String nameEn, String unitVi, String unitEn,
		Pillar pillar, IndicatorKind kind, Denominator denominator, boolean villageReported, boolean active,
		int sortOrder, long version) {

	/** The name in the reader's language: Vietnamese for Vietnamese, English otherwise. */
	public String name(Locale locale) {
		return vietnamese(locale) ? nameVi : nameEn;
	}

	/** What is counted, in the reader's language: "hộ", "người", "lượt người". */
	public String unit(Locale locale) {
		return vietnamese(locale) ? unitVi : unitEn;
	}

	public boolean percentage() {
		return denominator != null;
	}

	static boolean vietnamese(Locale locale) {
		return locale != null && "vi".equals(locale.getLanguage());
	}

}
