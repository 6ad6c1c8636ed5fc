package vn.cnscd.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

/**
 * The Content-Security-Policy allows no inline script or style, so no template may carry one: they would
 * silently not run. Nothing may be loaded from another site either.
 */
class TemplateSafetyTests {

	@Test
	void noTemplateHasInlineScriptStyleOrOutsideResources() throws IOException {
		List<String> found = new ArrayList<>();
		for (Path template : MessagesTests.templates()) {
			Document document = Jsoup.parse(Files.readString(template), "", Parser.xmlParser());
			for (Element element : document.getAllElements()) {
				if (element.tagName().equals("script") && !element.hasAttr("src") && !element.hasAttr("th:src")) {
					found.add(template + ": inline <script>");
				}
				if (element.tagName().equals("style")) {
					found.add(template + ": <style>");
				}
				for (Attribute attribute : element.attributes()) {
					String name = attribute.getKey().replace("th:", "");
					if (name.equals("style") || name.startsWith("on")) {
						found.add(template + ": " + attribute.getKey() + " on <" + element.tagName() + ">");
					}
					if ((name.equals("src") || name.equals("href")) && attribute.getValue().matches("(?i)(https?:)?//.*")) {
						found.add(template + ": " + attribute.getKey() + "=" + attribute.getValue());
					}
				}
			}
		}
		assertThat(found).isEmpty();
	}

}
