package vn.cnscd.portal.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import vn.cnscd.portal.area.UnitSummary;

/**
 * A commune chair's steps through the roster import, as the pages offer them: upload a file, read the
 * mapping page, send its form back (as shown, or with some choices changed) to look again or to import.
 */
final class RosterImportSteps {

	private final MockMvc mvc;

	private final UserDetailsService users;

	RosterImportSteps(MockMvc mvc, UserDetailsService users) {
		this.mvc = mvc;
		this.users = users;
	}

	MockHttpServletResponse upload(String username, UnitSummary commune, String fileName, byte[] content,
			String query) throws Exception {
		return mvc.perform(multipart(commune.url() + "/roster-import" + query)
			.file(new MockMultipartFile("file", fileName, "application/octet-stream", content))
			.with(user(users.loadUserByUsername(username)))
			.with(csrf())).andReturn().getResponse();
	}

	/** The page the upload answers with: the mapping step, or the upload page with the refusal. */
	Document uploaded(UnitSummary commune, String fileName, byte[] content) throws Exception {
		MockHttpServletResponse response = upload("commune", commune, fileName, content, "");
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
		return Jsoup.parse(response.getContentAsString());
	}

	/** The mapping page's form sent back with the action, and {@code changes} by field name ("columns#2" for a column). */
	MvcResult send(String username, Document page, String action, Map<String, String> changes) throws Exception {
		Element form = page.selectFirst("form.mapping");
		assertThat(form).as("the mapping form in " + page.text()).isNotNull();
		MockHttpServletRequestBuilder request = post(form.attr("action"));
		int column = 0;
		for (Element field : form.select("input[name], select[name]")) {
			String name = field.attr("name");
			if (name.equals("_csrf") || List.of("submit", "button").contains(field.attr("type"))) {
				continue;
			}
			String value;
			if (field.tagName().equals("select")) {
				Element selected = field.selectFirst("option[selected]");
				value = selected == null ? field.select("option").first().val() : selected.val();
			}
			else {
				value = field.val();
			}
			String key = name.equals("columns") ? "columns#" + column++ : name;
			request.param(name, changes.getOrDefault(key, value));
		}
		request.param("action", action);
		return mvc.perform(request.with(user(users.loadUserByUsername(username))).with(csrf())).andReturn();
	}

	Document again(Document page, Map<String, String> changes) throws Exception {
		MockHttpServletResponse response = send("commune", page, "PREVIEW", changes).getResponse();
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
		return Jsoup.parse(response.getContentAsString());
	}

	/** Imports from the mapping page; the answer, a redirect once imported. */
	MvcResult importFrom(Document page) throws Exception {
		return send("commune", page, "IMPORT", Map.of());
	}

	/** Uploads the file and imports it as the mapping page first shows it; the flash notice's arguments. */
	Object[] imported(UnitSummary commune, String fileName, byte[] content) throws Exception {
		MvcResult result = importFrom(uploaded(commune, fileName, content));
		assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(302);
		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo(commune.url() + "/teams");
		assertThat(result.getFlashMap().get("notice")).isEqualTo("rosterImport.imported");
		return (Object[]) result.getFlashMap().get("noticeArgs");
	}

	/** The mapping page's totals line: "N thành viên sẽ được thêm, M dòng bỏ qua, K ô cần sửa". */
	static String totals(Document page) {
		return page.select("#totals").text();
	}

	static List<List<String>> cells(Document page, String table) {
		return page.select("#" + table + " tbody tr")
			.stream()
			.map(tr -> tr.select("td").stream().map(Element::text).toList())
			.toList();
	}

	/** The field chosen for each column of the mapping page, by its header: its option's text, the first if none is chosen. */
	static Map<String, String> columns(Document page) {
		Map<String, String> chosen = new LinkedHashMap<>();
		for (Element row : page.select("#columns tbody tr")) {
			Element selected = row.selectFirst("select option[selected]");
			chosen.put(row.selectFirst("label").text(),
					selected == null ? row.selectFirst("select option").text() : selected.text());
		}
		return chosen;
	}

}
