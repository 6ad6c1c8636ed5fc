package vn.cnscd.portal.export;

import java.util.Arrays;
import java.util.List;

/**
 * Who issues and signs a unit's report documents, as Decree 30/2020/NĐ-CP sets them out: the superior body
 * (blank for a people's committee, which has none above it on the page) and the issuing body, the symbol of
 * "Số: .../BC-<symbol>", the place of the date line, the signer's authority line (TM., KT., Q., TL., TUQ.;
 * blank when the head signs in their own name), title and name (blank for the officer to write), and the
 * recipients of "Nơi nhận", one a line. {@code version} is 0 while the unit keeps the defaults.
 */
record ReportSettings(String superior, String issuer, String symbol, String place, String authority,
		String signerTitle, String signerName, String recipients, long version) {

	/** The prefixes Decree 30 allows before a signer's authority (thay mặt, ký thay, quyền, thừa lệnh...). */
	static final List<String> AUTHORITIES = List.of("TM.", "KT.", "Q.", "TL.", "TUQ.");

	/** The recipients one a line, without the bullet ("- ") the document writes before each. */
	List<String> recipientLines() {
		return Arrays.stream(recipients == null ? new String[0] : recipients.split("\\R"))
			.map(line -> line.strip().replaceFirst("^[-–•]\\s+", ""))
			.filter(line -> !line.isEmpty())
			.toList();
	}

	/** Whether an authority line starts as Decree 30 has it: blank, or one of {@link #AUTHORITIES} and a name. */
	static boolean validAuthority(String authority) {
		if (authority == null || authority.isBlank()) {
			return true;
		}
		String text = authority.strip();
		return AUTHORITIES.stream()
			.anyMatch(prefix -> text.regionMatches(true, 0, prefix, 0, prefix.length()) && text.length() > prefix.length()
					&& Character.isWhitespace(text.charAt(prefix.length())));
	}

}
