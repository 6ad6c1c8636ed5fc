package vn.cnscd.portal.area;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.annotation.Transactional;

import vn.cnscd.portal.IntegrationTest;

@IntegrationTest
@Transactional
class UnitPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	UnitService units;

	@Autowired
	JdbcClient jdbc;

	RequestPostProcessor as(String username) {
		return user(users.loadUserByUsername(username));
	}

	UnitSummary commune(String code) {
		return units.findOpen(UnitLevel.COMMUNE, code).orElseThrow();
	}

	UnitSummary firstVillageOf(String communeCode) {
		return units.openChildren(commune(communeCode).id()).get(0);
	}

	Document page(String url, String username) throws Exception {
		return Jsoup.parse(mvc.perform(get(url).with(as(username)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	@Test
	void theDistrictPageListsItsTwentyThreeCommunes() throws Exception {
		UnitSummary district = units.findOpen(UnitLevel.DISTRICT, "298").orElseThrow();
		Document page = page(district.url(), "district");
		assertThat(page.select("h1").text()).contains("Huyện Tứ Kỳ");
		assertThat(page.select("tbody tr")).hasSize(23);
		assertThat(page.select("tbody tr").first().text()).contains("11074", "Thị trấn Tứ Kỳ");
	}

	@Test
	void aSteeringMemberSeesOnlyTheCommunesInTheirCharge() throws Exception {
		UnitSummary district = units.findOpen(UnitLevel.DISTRICT, "298").orElseThrow();
		Document page = page(district.url(), "steering");
		assertThat(page.select("tbody tr")).hasSize(3);
		assertThat(page.select("tbody tr").text()).contains("Thị trấn Tứ Kỳ", "Xã Đại Sơn", "Xã Hưng Đạo");
		mvc.perform(get(commune("11089").url()).with(as("steering"))).andExpect(status().isForbidden());
		mvc.perform(get(commune("11083").url() + "/edit").with(as("steering"))).andExpect(status().isForbidden());
	}

	@ParameterizedTest
	@CsvSource({ "tu ky, Thị trấn Tứ Kỳ", "dai son, Xã Đại Sơn", "DAI SON, Xã Đại Sơn", "Đại Sơn, Xã Đại Sơn",
			"xa dai, Xã Đại Hợp", "11152, Xã Hà Thanh" })
	void searchIgnoresDiacriticsAndCase(String query, String expected) throws Exception {
		Document page = page("/units/search?q=" + query, "district");
		assertThat(page.select(".results li a").eachText()).contains(expected);
	}

	@Test
	void searchStaysInsideTheUsersArea() throws Exception {
		Document page = page("/units/search?q=dai son", "commune");
		assertThat(page.select(".results li")).isEmpty();
		assertThat(page.select(".empty").text()).contains("dai son");
	}

	@Test
	void aCommuneChairCannotOpenOrChangeAVillageOfAnotherCommune() throws Exception {
		UnitSummary other = firstVillageOf("11083");
		mvc.perform(get(other.url()).with(as("commune"))).andExpect(status().isForbidden());
		mvc.perform(get(other.url() + "/edit").with(as("commune"))).andExpect(status().isForbidden());
		mvc.perform(post(other.url() + "/edit").with(as("commune"))
			.with(csrf())
			.param("name", "Taken over")
			.param("kind", "THON")
			.param("households", "1")
			.param("adults", "1")
			.param("version", String.valueOf(other.version()))).andExpect(status().isForbidden());
		mvc.perform(post(other.url() + "/close").with(as("commune")).with(csrf()).param("closedOn", "2026-01-01"))
			.andExpect(status().isForbidden());
		assertThat(units.get(other.id())).isEqualTo(other);
	}

	@Test
	void aCommuneChairChangesAVillageOfTheirCommuneAndTheChangeIsAudited() throws Exception {
		UnitSummary village = firstVillageOf("11074");
		mvc.perform(post(village.url() + "/edit").with(as("commune"))
			.with(csrf())
			.param("name", "Khu 1 mới")
			.param("kind", "KHU_DAN_CU")
			.param("code", village.code())
			.param("households", "412")
			.param("adults", "1003")
			.param("version", String.valueOf(village.version()))).andExpect(redirectedUrl(village.url()));
		UnitSummary changed = units.get(village.id());
		assertThat(changed.name()).isEqualTo("Khu 1 mới");
		assertThat(changed.households()).isEqualTo(412);
		assertThat(changed.adults()).isEqualTo(1003);
		assertThat(jdbc.sql("SELECT field FROM audit_event WHERE entity_type = 'UNIT' AND entity_id = :id")
			.param("id", village.id())
			.query(String.class)
			.list()).contains("name", "households", "adults");
		assertThat(page("/units/search?q=khu 1 moi", "commune").select(".results li a").eachText())
			.contains("Khu dân cư Khu 1 mới");
	}

	@Test
	void aVillageHeadReadsTheirVillageAndChangesNothing() throws Exception {
		UnitSummary own = firstVillageOf("11074");
		UnitSummary sibling = units.openChildren(commune("11074").id()).get(1);
		Document page = page(own.url(), "village");
		assertThat(page.select("a[href$=/edit]")).isEmpty();
		mvc.perform(get(own.url() + "/edit").with(as("village"))).andExpect(status().isForbidden());
		mvc.perform(get(sibling.url()).with(as("village"))).andExpect(status().isForbidden());
		mvc.perform(get(commune("11074").url()).with(as("village"))).andExpect(status().isForbidden());
	}

	@Test
	void aPostWithoutACsrfTokenIsRejected() throws Exception {
		UnitSummary village = firstVillageOf("11074");
		mvc.perform(post(village.url() + "/edit").with(as("commune"))
			.param("name", "Không có token")
			.param("kind", "KHU_DAN_CU")
			.param("households", "1")
			.param("adults", "1")
			.param("version", String.valueOf(village.version()))).andExpect(status().isForbidden());
		assertThat(units.get(village.id()).name()).isEqualTo(village.name());
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "name|''|300|Không được để trống.", "households|-1|300|Không được nhỏ hơn 0.",
			"households|1000000000000|300|Hãy nhập một số nguyên không âm, không quá 1.000.000.",
			"name|LONG|300|Tối đa 200 ký tự." })
	void badInputOnTheVillageFormIsShownBesideTheFieldAndNothingIsSaved(String field, String value, String adults,
			String message) throws Exception {
		UnitSummary village = firstVillageOf("11074");
		String typed = "LONG".equals(value) ? "x".repeat(10_000) : value;
		String name = field.equals("name") ? typed : "Tên hợp lệ";
		String households = field.equals("households") ? typed : "250";
		String html = mvc
			.perform(post(village.url() + "/edit").with(as("commune"))
				.with(csrf())
				.param("name", name)
				.param("kind", "KHU_DAN_CU")
				.param("households", households)
				.param("adults", adults)
				.param("version", String.valueOf(village.version())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		Document form = Jsoup.parse(html);
		assertThat(form.select("[id=" + field + "]")).hasSize(1);
		Element input = form.getElementById(field);
		assertThat(input.attr("value")).isEqualTo(typed);
		assertThat(input.attr("aria-invalid")).isEqualTo("true");
		Element error = input.parent().selectFirst(".field-error");
		assertThat(error).isNotNull();
		assertThat(error.text()).isEqualTo(message);
		assertThat(form.getElementById("adults").attr("value")).isEqualTo(adults);
		assertThat(units.get(village.id())).isEqualTo(village);
	}

	@Test
	void aStaleEditIsRefusedWithWhatTheUserTypedKept() throws Exception {
		UnitSummary village = firstVillageOf("11074");
		mvc.perform(post(village.url() + "/edit").with(as("district"))
			.with(csrf())
			.param("name", "Sửa trước")
			.param("kind", "KHU_DAN_CU")
			.param("households", "300")
			.param("adults", "700")
			.param("version", String.valueOf(village.version()))).andExpect(status().is3xxRedirection());
		String html = mvc
			.perform(post(village.url() + "/edit").with(as("commune"))
				.with(csrf())
				.param("name", "Sửa sau")
				.param("kind", "KHU_DAN_CU")
				.param("households", "301")
				.param("adults", "701")
				.param("version", String.valueOf(village.version())))
			.andExpect(status().isConflict())
			.andReturn()
			.getResponse()
			.getContentAsString();
		Document form = Jsoup.parse(html);
		assertThat(form.select(".alert-error").text()).contains("Người khác vừa lưu thay đổi");
		assertThat(form.getElementById("name").attr("value")).isEqualTo("Sửa sau");
		assertThat(units.get(village.id()).name()).isEqualTo("Sửa trước");
		String current = form.getElementById("version").attr("value");
		assertThat(current).isEqualTo(String.valueOf(units.get(village.id()).version()));
		mvc.perform(post(village.url() + "/edit").with(as("commune"))
			.with(csrf())
			.param("name", "Sửa sau")
			.param("kind", "KHU_DAN_CU")
			.param("households", "301")
			.param("adults", "701")
			.param("version", current)).andExpect(status().is3xxRedirection());
		assertThat(units.get(village.id()).name()).isEqualTo("Sửa sau");
	}

	@Test
	void aDistrictOfficerAddsACommuneAndClosesAVillage() throws Exception {
		UnitSummary district = units.findOpen(UnitLevel.DISTRICT, "298").orElseThrow();
		mvc.perform(post(district.url() + "/new").with(as("district"))
			.with(csrf())
			.param("name", "Tân Phong")
			.param("kind", "XA")
			.param("code", "99999")
			.param("version", "0")).andExpect(status().is3xxRedirection());
		UnitSummary created = commune("99999");
		assertThat(created.name()).isEqualTo("Tân Phong");
		assertThat(created.isUnder(district.path())).isTrue();

		UnitSummary village = firstVillageOf("11083");
		mvc.perform(post(village.url() + "/close").with(as("district"))
			.with(csrf())
			.param("closedOn", "2025-07-01")
			.param("version", String.valueOf(village.version()))).andExpect(redirectedUrl(village.url()));
		assertThat(units.get(village.id()).closed()).isTrue();
		List<String> listed = page(commune("11083").url(), "district").select("tbody tr a").eachText();
		assertThat(listed).doesNotContain("Thôn " + village.name());
		assertThat(page(commune("11083").url() + "?closed=true", "district").select("tbody tr a").eachText())
			.contains("Thôn " + village.name());
	}

	@Test
	void aCommuneChairCannotAddOrRenameCommunes() throws Exception {
		UnitSummary district = units.findOpen(UnitLevel.DISTRICT, "298").orElseThrow();
		mvc.perform(post(district.url() + "/new").with(as("commune")).with(csrf()).param("name", "X").param("kind", "XA"))
			.andExpect(status().isForbidden());
		UnitSummary own = commune("11074");
		mvc.perform(post(own.url() + "/edit").with(as("commune"))
			.with(csrf())
			.param("name", "Đổi tên")
			.param("kind", "THI_TRAN")
			.param("version", String.valueOf(own.version()))).andExpect(status().isForbidden());
		assertThat(commune("11074").name()).isEqualTo("Tứ Kỳ");
	}

}
