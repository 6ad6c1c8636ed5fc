package vn.cnscd.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

/** Every text a user reads comes from both bundles: no key missing from one, no text typed into a template. */
class MessagesTests {

	private static final Path TEMPLATES = Path.of("src/main/resources/templates");

	private static final Pattern LITERAL_KEY = Pattern.compile("#\\{([A-Za-z0-9_.]+)[}(]");

	private static final Pattern LETTER = Pattern.compile("\\p{L}");

	private static final Set<String> TEXT_ATTRIBUTES = Set.of("placeholder", "title", "alt", "aria-label", "value",
			"data-label");

	/** A value sent with the form but not shown: a button's, a hidden field's, a choice's. */
	private static boolean machineValue(Element element) {
		return element.tagName().equals("button") || element.tagName().equals("option")
				|| Set.of("hidden", "checkbox", "radio").contains(element.attr("type"));
	}

	static Properties bundle(String language) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = MessagesTests.class.getResourceAsStream("/messages/messages_" + language + ".properties")) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

	static List<Path> templates() throws IOException {
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			return files.filter(file -> file.toString().endsWith(".html")).toList();
		}
	}

	@Test
	void bothLanguagesHaveTheSameKeysAndNoEmptyText() throws IOException {
		Properties vi = bundle("vi");
		Properties en = bundle("en");
		assertThat(new TreeSet<>(vi.stringPropertyNames())).isEqualTo(new TreeSet<>(en.stringPropertyNames()));
		vi.forEach((key, value) -> assertThat(value.toString()).as("vi " + key).isNotBlank());
		en.forEach((key, value) -> assertThat(value.toString()).as("en " + key).isNotBlank());
	}

	/** MessageFormat reads a single quote as the start of quoted text, which would swallow the arguments. */
	@Test
	void messagesWithArgumentsDoubleTheirApostrophes() throws IOException {
		for (String language : List.of("vi", "en")) {
			bundle(language).forEach((key, value) -> {
				String text = value.toString();
				if (text.matches("(?s).*\\{\\d.*")) {
					assertThat(text.replace("''", "")).as(language + " " + key).doesNotContain("'");
				}
			});
		}
	}

	@Test
	void everyKeyNamedInATemplateExists() throws IOException {
		Properties vi = bundle("vi");
		List<String> missing = new ArrayList<>();
		for (Path template : templates()) {
			Matcher keys = LITERAL_KEY.matcher(Files.readString(template));
			while (keys.find()) {
				if (!vi.containsKey(keys.group(1))) {
					missing.add(TEMPLATES.relativize(template) + ": " + keys.group(1));
				}
			}
		}
		assertThat(missing).isEmpty();
	}

	@Test
	void noTemplateHasTextTypedIntoIt() throws IOException {
		List<String> hardCoded = new ArrayList<>();
		for (Path template : templates()) {
			Document document = Jsoup.parse(Files.readString(template), "", Parser.xmlParser());
			for (Element element : document.getAllElements()) {
				boolean replaced = element.hasAttr("th:text") || element.hasAttr("th:utext")
						|| element.hasAttr("th:replace");
				for (TextNode text : element.textNodes()) {
					if (!replaced && LETTER.matcher(text.text()).find()) {
						hardCoded.add(TEMPLATES.relativize(template) + ": <" + element.tagName() + "> " + text.text().strip());
					}
				}
				for (Attribute attribute : element.attributes()) {
					if (TEXT_ATTRIBUTES.contains(attribute.getKey()) && LETTER.matcher(attribute.getValue()).find()
							&& !(attribute.getKey().equals("value") && machineValue(element))) {
						hardCoded.add(TEMPLATES.relativize(template) + ": " + attribute.getKey() + "=\"" + attribute.getValue() + "\"");
					}
				}
			}
		}
		assertThat(hardCoded).isEmpty();
	}

}
