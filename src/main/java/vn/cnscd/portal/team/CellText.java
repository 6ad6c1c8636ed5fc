package vn.cnscd.portal.team;

/**
 * Text for a cell of a file the portal writes. A cell starting with =, +, - or @ (or a tab or carriage
 * return) would run as a formula once the file is saved as CSV and opened again, or pasted elsewhere; a
 * leading apostrophe keeps it text, as Excel itself does.
 */
public final class CellText {

	private static final String FORMULA_STARTS = "=+-@\t\r";

	private CellText() {
	}

	public static String safe(String text) {
		if (text == null || text.isEmpty() || FORMULA_STARTS.indexOf(text.charAt(0)) < 0) {
			return text;
		}
		return "'" + text;
	}

}
