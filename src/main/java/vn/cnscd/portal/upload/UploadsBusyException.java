package vn.cnscd.portal.upload;

/** No slot was free for an upload: the user's own earlier upload still runs, or too many others do. */
public class UploadsBusyException extends RuntimeException {

	private final boolean own;

	private final String back;

	UploadsBusyException(boolean own, String back) {
		super(own ? "The user's previous upload is still being read" : "Too many uploads are being read");
		this.own = own;
		this.back = back;
	}

	/** Whether it is the user's own upload that still runs. */
	boolean own() {
		return own;
	}

	/** The page to go back to, an address of the portal's own making. */
	String back() {
		return back;
	}

}
