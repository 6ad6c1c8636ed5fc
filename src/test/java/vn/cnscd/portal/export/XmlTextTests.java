package vn.cnscd.portal.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.junit.jupiter.api.Test;

/** What the streamed rows of the DOCX and XLSX make of text a user typed. */
class XmlTextTests {

	@Test
	void markupIsEscapedAndWhatXmlCannotHoldIsLeftOut() throws IOException {
		StringBuilder xml = new StringBuilder();
		XmlText.escape(xml, "<b>Tổ 1 & \"2\"</b>\u0007\u0000\ttab\nline\r");
		assertThat(xml).hasToString("&lt;b&gt;Tổ 1 &amp; \"2\"&lt;/b&gt;\ttab\nline\r");
	}

}
