package vn.cnscd.portal.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.annotation.Transactional;

import vn.cnscd.portal.IntegrationTest;
import vn.cnscd.portal.area.SearchText;
import vn.cnscd.portal.area.UnitLevel;
import vn.cnscd.portal.area.UnitService;
import vn.cnscd.portal.area.UnitSummary;

/**
 * Issue #12 item 8: the home unit of a new account is chosen among the units the creator may give, grouped by
 * commune and sorted by code, found by name typed without diacritics, and in two steps (the commune, then its
 * villages) where there are many villages; all of it without script, keeping what was typed.
 */
@IntegrationTest
@Transactional
class UnitPickerTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	UnitService units;

	Document send(MockHttpServletRequestBuilder request, String username) throws Exception {
		return Jsoup.parse(mvc.perform(request.with(csrf()).with(user(users.loadUserByUsername(username))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	static List<String> codes(Element select) {
		return select.select("option[value~=\\d]").eachText().stream()
			.map(text -> text.replaceFirst(".*\\((.+)\\)$", "$1"))
			.toList();
	}

	static void sortedWithinGroups(Element select) {
		for (Element group : select.select("optgroup")) {
			List<String> codes = codes(group);
			assertThat(codes).as(group.attr("label")).isSortedAccordingTo(Comparator.naturalOrder());
		}
		List<String> groups = select.select("optgroup").eachAttr("label");
		assertThat(groups.stream().map(label -> label.replaceFirst(".*\\((.+)\\)$", "$1")).toList())
			.isSortedAccordingTo(Comparator.naturalOrder());
	}

	@Test
	void aDistrictOfficerChoosesTheCommuneThenItsVillage() throws Exception {
		Document first = send(get("/accounts/new"), "district");
		Element home = first.selectFirst("select#homeUnitId");
		// 138 villages: the communes first, each under its own name, by code
		assertThat(home.select("optgroup")).hasSize(23);
		assertThat(home.select("optgroup option")).allSatisfy(option -> assertThat(option.text()).doesNotStartWith("Thôn")
			.doesNotStartWith("Khu dân cư"));
		sortedWithinGroups(home);
		assertThat(first.select("select#communeId option[value~=\\d]")).hasSize(23);

		UnitSummary commune = units.findOpen(UnitLevel.COMMUNE, "11083").orElseThrow();
		Document second = send(post("/accounts/new").param("username", "truong.thon")
			.param("fullName", "Lê Văn Tâm")
			.param("phone", "")
			.param("role", "VILLAGE_HEAD")
			.param("communeId", String.valueOf(commune.id()))
			.param("narrow", "commune"), "district");
		assertThat(second.select("input#username").val()).isEqualTo("truong.thon");
		assertThat(second.select("input#fullName").val()).isEqualTo("Lê Văn Tâm");
		assertThat(second.select(".field-error")).isEmpty();
		Element villages = second.selectFirst("select#homeUnitId");
		assertThat(villages.select("optgroup")).singleElement()
			.satisfies(group -> assertThat(group.attr("label")).isEqualTo("Xã Đại Sơn (11083)"));
		List<String> expected = units.openChildren(commune.id()).stream().map(UnitSummary::code).sorted().toList();
		assertThat(codes(villages.selectFirst("optgroup"))).containsExactlyElementsOf(
				Stream.concat(Stream.of("11083"), expected.stream()).toList());
	}

	@Test
	void aSearchWithoutDiacriticsListsTheMatchesUnderTheirCommunes() throws Exception {
		UnitSummary match = units.openChildren(units.findOpen(UnitLevel.COMMUNE, "11083").orElseThrow().id()).get(0);
		String typed = SearchText.fold(match.name());
		Document found = send(post("/accounts/new").param("username", "")
			.param("fullName", "")
			.param("role", "VILLAGE_HEAD")
			.param("unitSearch", typed)
			.param("narrow", "search"), "district");
		assertThat(found.select("input#unitSearch").val()).isEqualTo(typed);
		Element home = found.selectFirst("select#homeUnitId");
		assertThat(home.select("option[value~=\\d]")).isNotEmpty().allSatisfy(option ->
			assertThat(SearchText.fold(option.text())).contains(typed));
		assertThat(home.select("option[value=" + match.id() + "]")).hasSize(1);
		assertThat(home.select("option[value=" + match.id() + "]").first().parent().attr("label"))
			.isEqualTo("Xã Đại Sơn (11083)");
		sortedWithinGroups(home);
	}

	@Test
	void aCommuneChairChoosesOnlyAmongTheVillagesOfTheirCommune() throws Exception {
		Document page = send(get("/accounts/new"), "commune");
		Element home = page.selectFirst("select#homeUnitId");
		UnitSummary township = units.findOpen(UnitLevel.COMMUNE, "11074").orElseThrow();
		assertThat(home.select("optgroup")).singleElement()
			.satisfies(group -> assertThat(group.attr("label")).isEqualTo("Thị trấn Tứ Kỳ (11074)"));
		assertThat(codes(home.selectFirst("optgroup"))).containsExactlyElementsOf(
				units.openChildren(township.id()).stream().map(UnitSummary::code).sorted().toList());
		assertThat(page.select("select#communeId")).isEmpty();
		// the layout's one script (drafts, sign-out) is all: the picker has none of its own
		assertThat(page.select("main script")).isEmpty();
	}

}
