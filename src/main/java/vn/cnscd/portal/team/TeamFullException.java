package vn.cnscd.portal.team;

/** A team would hold more active members than {@link TeamService#MAX_ACTIVE_MEMBERS}. */
public class TeamFullException extends RuntimeException {

	private final int maximum;

	TeamFullException(int maximum) {
		super("A team holds at most " + maximum + " active members");
		this.maximum = maximum;
	}

	public int maximum() {
		return maximum;
	}

}
