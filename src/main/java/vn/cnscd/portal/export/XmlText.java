package vn.cnscd.portal.export;

import java.io.IOException;

/** Text for the XML the DOCX and XLSX writers stream themselves. */
final class XmlText {

	private XmlText() {
	}

	/**
	 * Appends text as XML character data: markup escaped, and the control characters XML 1.0 cannot hold at all
	 * left out (tab, line feed and carriage return are kept).
	 */
	static void escape(Appendable out, String text) throws IOException {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '&' -> out.append("&amp;");
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				default -> {
					if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
						out.append(c);
					}
				}
			}
		}
	}

}
