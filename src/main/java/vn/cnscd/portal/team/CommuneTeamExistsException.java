package vn.cnscd.portal.team;

/** A commune has one commune team at a time. */
class CommuneTeamExistsException extends RuntimeException {

	CommuneTeamExistsException() {
		super("The commune already has a commune team");
	}

}
