package vn.cnscd.portal.area;

/** Someone saved the record after this edit began; the edit must not overwrite their change. */
public class StaleEditException extends RuntimeException {

	public StaleEditException() {
		super("The record changed since the form was opened");
	}

}
