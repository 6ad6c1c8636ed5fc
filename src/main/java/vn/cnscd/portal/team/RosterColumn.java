package vn.cnscd.portal.team;

/**
 * The columns of a roster import file, in the order of the template. Headers are Vietnamese in every file,
 * whatever the reader's language, so that a file downloaded in one language imports in the other.
 */
enum RosterColumn {

	VILLAGE("village"), FULL_NAME("fullName"), GENDER("gender"), BIRTH_YEAR("birthYear"), PHONE("phone"),
	ROLE("role"), AFFILIATION("affiliation"), JOINED_ON("joinedOn");

	private final String name;

	RosterColumn(String name) {
		this.name = name;
	}

	String headerKey() {
		return "rosterFile.header." + name;
	}

	/** What to write in the column, in the reader's language, for the import page. */
	String hintKey() {
		return "rosterImport.column." + name;
	}

}
