package vn.cnscd.portal.account;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Vietnamese mobile numbers in one stored form, "0912345678": "0912 345 678", "+84 912 345 678" and
 * "84912345678" are the same number. Mobile numbers have ten digits and start 03, 05, 07, 08 or 09.
 */
public final class PhoneNumber {

	private static final Pattern SEPARATORS = Pattern.compile("[\\s.\\-()]");

	private static final Pattern MOBILE = Pattern.compile("0[35789]\\d{8}");

	private PhoneNumber() {
	}

	/** The stored form of a mobile number, or empty when the text is not one. */
	public static Optional<String> normalize(String text) {
		if (text == null) {
			return Optional.empty();
		}
		String digits = SEPARATORS.matcher(text.strip()).replaceAll("");
		if (digits.startsWith("+84")) {
			digits = "0" + digits.substring(3);
		}
		else if (digits.startsWith("84") && digits.length() == 11) {
			digits = "0" + digits.substring(2);
		}
		return MOBILE.matcher(digits).matches() ? Optional.of(digits) : Optional.empty();
	}

	/** "0912 345 678", as people read it aloud. */
	public static String display(String stored) {
		if (stored == null || stored.length() != 10) {
			return stored;
		}
		return stored.substring(0, 4) + " " + stored.substring(4, 7) + " " + stored.substring(7);
	}

}
