package vn.cnscd.portal.indicator;

import java.util.Locale;

/** Everything an officer describes an indicator with, as typed into its form or as stored. */
record IndicatorDetails(String code, String nameVi, String nameEn, String descriptionVi, String descriptionEn,
		String unitVi, String unitEn, Pillar pillar, IndicatorKind kind, Denominator denominator,
		boolean villageReported, String source, int sortOrder) {

	/** The source's wording, where the name says what is counted instead; {@code null} where none. */
	String description(Locale locale) {
		return IndicatorSummary.vietnamese(locale) ? descriptionVi : descriptionEn;
	}

}
