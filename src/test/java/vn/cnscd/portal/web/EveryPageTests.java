package vn.cnscd.portal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ContentDisposition;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.util.UriComponentsBuilder;

import vn.cnscd.portal.IntegrationTest;

/**
 * Issue #12 item 1: every page a user can reach from their home page, in Vietnamese and in English, and every
 * file those pages offer for download, is read as that user would: no page fails, and no year is ever printed
 * as a grouped number ("năm 2.026", "2,026", "11/2.026"), in the text, the title, an attribute, a file's name or
 * its content. The pages are found by following links, so a new page is checked without being listed here; of
 * the addresses that differ only in their ids, one is visited in each language.
 */
@IntegrationTest
class EveryPageTests {

	/** How many addresses of one shape (ids and numbers aside) are visited, per language. */
	static final int PER_SHAPE = 1;

	/** Enough for every shape of page a role reaches, with room for more. */
	static final int MAX_PAGES = 300;

	/**
	 * A year in a grouped number: after a word that names a year, a month or a quarter, or after a slash
	 * (11/2.026, quý IV/2.026); after "for" or "of" only where the number reads as a year of this era.
	 */
	static final List<Pattern> GROUPED_YEAR = List.of(
			// "cả năm 1.380": the whole year's count in a table, after the label of its row
			Pattern.compile("(?iu)(?<!cả\\s)\\b(năm|year|years|quý\\s+[IVX]+|quarter\\s+[IVX1-4]+|tháng|month)\\s+\\d[.,\\u00a0]\\d{3}\\b"),
			Pattern.compile("(?iu)\\b(for|of|in)\\s+(1[.,\\u00a0]9|2[.,\\u00a0]0|2[.,\\u00a0]1)\\d{2}\\b"),
			// a month and its year, "11/2.026"; not a share of counts, "1.134/1.366"
			Pattern.compile("(?u)(?<![\\d.,])\\d{1,2}/\\d[.,\\u00a0]\\d{3}\\b"));

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	final List<String> problems = new ArrayList<>();

	@ParameterizedTest
	@ValueSource(strings = { "admin", "district", "steering", "commune", "village" })
	void noPageOrFileGroupsTheDigitsOfAYear(String username) throws Exception {
		Deque<String> queue = new ArrayDeque<>(List.of("/", "/?lang=en"));
		Set<String> seen = new HashSet<>(queue);
		Map<String, Integer> shapes = new HashMap<>();
		int pages = 0;
		while (!queue.isEmpty() && pages < MAX_PAGES) {
			String url = queue.poll();
			if (shapes.merge(shape(url), 1, Integer::sum) > PER_SHAPE) {
				continue;
			}
			pages++;
			MockHttpServletResponse response;
			try {
				response = mvc
					.perform(MockMvcRequestBuilders.get(URI.create(url)).with(user(users.loadUserByUsername(username))))
					.andReturn()
					.getResponse();
			}
			catch (Exception failure) {
				problems.add(username + " " + url + ": " + failure.getMessage());
				continue;
			}
			int status = response.getStatus();
			if (status >= 300 && status < 400) {
				String location = response.getRedirectedUrl();
				if (location != null && local(location) != null && seen.add(local(location))) {
					queue.add(local(location));
				}
				continue;
			}
			if (status >= 500) {
				problems.add(username + " " + url + ": status " + status);
				continue;
			}
			if (status != 200) {
				continue;
			}
			String type = response.getContentType() == null ? "" : response.getContentType();
			if (type.startsWith("text/html")) {
				Document page = Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8), url);
				check(username + " " + url, pageTexts(page));
				for (Element link : page.select("a[href]")) {
					String next = local(link.attr("href"));
					if (next != null && seen.add(next)) {
						queue.add(next);
					}
				}
			}
			else {
				checkFile(username + " " + url, response);
			}
		}
		assertThat(pages).as(username + ": pages visited").isGreaterThan(5);
		assertThat(problems).isEmpty();
	}

	/** The text a reader sees or hears: the page, its title and the attributes read aloud or shown. */
	static List<String> pageTexts(Document page) {
		List<String> texts = new ArrayList<>();
		texts.add(page.title());
		texts.add(page.text());
		for (Element element : page.select("[aria-label], [title], [placeholder], [value], [data-label]")) {
			for (String attribute : List.of("aria-label", "title", "placeholder", "data-label")) {
				if (element.hasAttr(attribute)) {
					texts.add(element.attr(attribute));
				}
			}
			if (element.tagName().equals("option") || element.attr("type").equals("submit")) {
				texts.add(element.attr("value"));
			}
		}
		page.select("textarea").forEach(area -> texts.add(area.val()));
		return texts;
	}

	void checkFile(String where, MockHttpServletResponse response) throws IOException {
		String header = response.getHeader("Content-Disposition");
		List<String> texts = new ArrayList<>();
		if (header != null) {
			String name = ContentDisposition.parse(header).getFilename();
			texts.add(name);
			// file names are folded to ASCII with dashes for spaces: "bao-cao-quy-iv-nam-2.026-…"
			if (name != null && Pattern.compile("(^|[-_ ])\\d[.,]\\d{3}([-_ .]|$)").matcher(name).find()) {
				problems.add(where + ": file name " + name);
			}
		}
		String type = response.getContentType() == null ? "" : response.getContentType();
		byte[] content = response.getContentAsByteArray();
		if (type.contains("spreadsheetml")) {
			try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
				for (Sheet sheet : workbook) {
					texts.add(sheet.getSheetName());
					for (Row row : sheet) {
						for (Cell cell : row) {
							if (cell.getCellType() == CellType.STRING) {
								texts.add(cell.getStringCellValue());
							}
						}
					}
				}
			}
		}
		else if (type.startsWith("text/csv")) {
			texts.add(new String(content, StandardCharsets.UTF_8));
		}
		else if (type.equals("application/pdf") && content.length > 4
				&& new String(content, 0, 4, StandardCharsets.US_ASCII).equals("%PDF")) {
			try (PDDocument pdf = Loader.loadPDF(content)) {
				texts.add(new PDFTextStripper().getText(pdf));
			}
		}
		else if (type.contains("wordprocessingml")) {
			try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(content));
					XWPFWordExtractor extractor = new XWPFWordExtractor(document)) {
				texts.add(extractor.getText());
			}
		}
		check(where, texts);
	}

	void check(String where, List<String> texts) {
		for (String text : texts) {
			if (text == null) {
				continue;
			}
			for (Pattern pattern : GROUPED_YEAR) {
				Matcher found = pattern.matcher(text);
				if (found.find()) {
					int from = Math.max(0, found.start() - 40);
					problems.add(where + ": «" + text.substring(from, Math.min(text.length(), found.end() + 20)) + "»");
				}
			}
		}
	}

	/** The address within the portal, or null for one elsewhere, a fragment, a phone number or signing out. */
	static String local(String href) {
		if (href.isBlank() || href.startsWith("#") || href.startsWith("tel:") || href.startsWith("mailto:")) {
			return null;
		}
		URI uri;
		try {
			uri = URI.create(href.strip());
		}
		catch (IllegalArgumentException notAnAddress) {
			return null;
		}
		if (uri.getHost() != null && !uri.getHost().equals("localhost")) {
			return null;
		}
		String path = uri.getRawPath();
		if (path == null || !path.startsWith("/") || path.startsWith("/logout") || path.startsWith("/css/")
				|| path.startsWith("/js/") || path.startsWith("/login") || path.startsWith("/favicon")) {
			return null;
		}
		return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
	}

	/** The address with every number replaced, and its parameters' names and shapes in order. */
	static String shape(String url) {
		var components = UriComponentsBuilder.fromUriString(url).build();
		Map<String, String> query = new TreeMap<>();
		components.getQueryParams().forEach((name, values) -> query.put(name,
				name.equals("lang") ? String.valueOf(values) : String.valueOf(values).replaceAll("\\d+", "#")));
		return components.getPath().replaceAll("\\d+", "#") + query;
	}

}
