package vn.cnscd.portal.upload;

/**
 * A ZIP package refused before any of its content is used. The caller says why in the words of its own
 * upload (a roster, a plan), from the reason.
 */
public class RefusedZipException extends Exception {

	public enum Reason {

		/** Not a ZIP file that can be read, or one whose entries do not hold what its directory says. */
		DAMAGED,
		/** More entries than any document of the kind has. */
		TOO_MANY_ENTRIES,
		/** An entry, or all of them together, unpack to more than the limit. */
		TOO_LARGE,
		/** An entry unpacks to far more than it takes packed, as only a crafted file does. */
		RATIO

	}

	private final Reason reason;

	RefusedZipException(Reason reason, String detail) {
		super("ZIP package refused (" + reason + "): " + detail);
		this.reason = reason;
	}

	public Reason reason() {
		return reason;
	}

}
