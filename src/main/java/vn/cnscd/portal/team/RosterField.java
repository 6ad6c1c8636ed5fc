package vn.cnscd.portal.team;

/**
 * What a column of an imported roster file holds, as the chair maps it. The pair of columns "Nam" and "Nữ"
 * that many commune lists keep holds each person's year of birth under their gender.
 */
enum RosterField {

	VILLAGE, FULL_NAME, GENDER, BIRTH_YEAR, MALE_BIRTH_YEAR, FEMALE_BIRTH_YEAR, PHONE, ROLE, AFFILIATION, JOINED_ON;

	/** The field's name on the mapping page, in the reader's language. */
	public String labelKey() {
		return "rosterImport.field." + name();
	}

}
