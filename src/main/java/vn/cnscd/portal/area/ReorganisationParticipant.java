package vn.cnscd.portal.area;

import java.util.List;

/**
 * A module whose records follow the units when they are reorganised: it says in the preview what will happen
 * to them (teams ended, accounts to re-home, assignments moved, targets carried over) and makes it so when the
 * reorganisation takes effect, in the same transaction, so that it is all or nothing. Declared here and
 * implemented by the modules that keep those records, as {@link SteeringAssignments} is.
 */
public interface ReorganisationParticipant {

	/** The lines of the preview about this module's records. */
	List<PreviewLine> preview(UnitsReorganised change);

	/** Makes the change to this module's records; the units have changed already. */
	void takeEffect(UnitsReorganised change);

}
