package vn.cnscd.portal.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.annotation.Transactional;

import vn.cnscd.portal.IntegrationTest;
import vn.cnscd.portal.area.UnitLevel;
import vn.cnscd.portal.area.UnitService;
import vn.cnscd.portal.area.UnitSummary;

@IntegrationTest
@Transactional
class IndicatorPagesTests {

	private static final Path CATALOGUE = Path.of("../shared/data/community-tech-indicators.csv");

	/** kind, denominator (or -) and whether villages report it, as the seed decided. */
	private static final Map<String, String> DECISIONS = Map.ofEntries(Map.entry("CQS01", "STOCK - false"),
			Map.entry("CQS02", "STOCK - false"), Map.entry("CQS03", "STOCK - false"), Map.entry("CQS04", "FLOW - true"),
			Map.entry("CQS05", "STOCK - false"), Map.entry("CQS06", "STOCK - false"),
			Map.entry("KTS01", "STOCK ADULTS true"), Map.entry("KTS02", "FLOW - true"), Map.entry("KTS03", "FLOW - true"),
			Map.entry("XHS01", "STOCK ADULTS true"), Map.entry("XHS02", "STOCK HOUSEHOLDS true"),
			Map.entry("XHS03", "STOCK ADULTS true"), Map.entry("XHS04", "STOCK ADULTS true"),
			Map.entry("XHS05", "STOCK ADULTS true"), Map.entry("XHS06", "STOCK ADULTS true"),
			Map.entry("XHS07", "STOCK HOUSEHOLDS true"), Map.entry("XHS08", "FLOW - true"));

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	IndicatorService indicators;

	@Autowired
	UnitService units;

	@Autowired
	JdbcClient jdbc;

	RequestPostProcessor as(String username) {
		return user(users.loadUserByUsername(username));
	}

	Document page(String url, String username) throws Exception {
		return Jsoup.parse(mvc.perform(get(url).with(as(username)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	IndicatorSummary byCode(String code) {
		return indicators.all().stream().filter(i -> i.code().equals(code)).findFirst().orElseThrow();
	}

	UnitSummary commune(String code) {
		return units.findOpen(UnitLevel.COMMUNE, code).orElseThrow();
	}

	Element row(Document list, String code) {
		return list.select("tbody tr").stream()
			.filter(tr -> tr.selectFirst("td").text().equals(code))
			.findFirst()
			.orElseThrow();
	}

	/** The form of a new households' share indicator; each pair of {@code changes} replaces or adds a field. */
	MockHttpServletRequestBuilder indicatorForm(String url, String code, String nameVi, String... changes) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("code", code);
		fields.put("nameVi", nameVi);
		fields.put("nameEn", "Households using the commune's public Wi-Fi");
		fields.put("unitVi", "hộ");
		fields.put("unitEn", "households");
		fields.put("pillar", "XA_HOI_SO");
		fields.put("kind", "STOCK");
		fields.put("denominator", "HOUSEHOLDS");
		fields.put("villageReported", "true");
		fields.put("source", "Kế hoạch của huyện năm 2026");
		fields.put("sortOrder", "500");
		for (int i = 0; i < changes.length; i += 2) {
			fields.put(changes[i], changes[i + 1]);
		}
		MockHttpServletRequestBuilder request = post(url).with(csrf());
		fields.forEach(request::param);
		return request;
	}

	List<String> audit(String action, long id) {
		return jdbc.sql("""
				SELECT field || '=' || coalesce(old_value, '') || '>' || coalesce(new_value, '') FROM audit_event
				WHERE action = :action AND entity_type = 'INDICATOR' AND entity_id = :id ORDER BY id""")
			.param("action", action)
			.param("id", id)
			.query(String.class)
			.list();
	}

	@Test
	void theSeedHoldsEveryCatalogueIndicatorWithItsVietnameseWordingAndTheKindDecided() throws IOException {
		List<IndicatorSummary> all = indicators.all();
		assertThat(all).extracting(IndicatorSummary::code).containsAll(DECISIONS.keySet());
		for (IndicatorSummary indicator : all) {
			assertThat(indicator.kind() + " " + (indicator.denominator() == null ? "-" : indicator.denominator()) + " "
					+ indicator.villageReported()).as(indicator.code()).isEqualTo(DECISIONS.get(indicator.code()));
			assertThat(indicator.active()).isTrue();
			assertThat(indicator.percentage()).isEqualTo(indicator.denominator() != null);
		}
		assertThat(byCode("KTS01").nameVi()).isEqualTo("Số người trưởng thành có tài khoản thanh toán điện tử");
		assertThat(byCode("KTS01").unitVi()).isEqualTo("người");
		assertThat(byCode("XHS02").unitEn()).isEqualTo("households");
		assertThat(byCode("CQS04").unitVi()).isEqualTo("lượt người");
		assertThat(indicators.villageReportIndicators()).extracting(IndicatorSummary::code)
			.containsExactly("CQS04", "KTS01", "KTS02", "KTS03", "XHS01", "XHS02", "XHS03", "XHS04", "XHS05", "XHS06",
					"XHS07", "XHS08");
		if (Files.exists(CATALOGUE)) {
			Map<String, String> wording = jdbc.sql("SELECT code, name_vi || ' | ' || coalesce(description_vi, '') FROM indicator")
				.query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
				.list()
				.stream()
				.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
			List<String> lines = Files.readAllLines(CATALOGUE, StandardCharsets.UTF_8);
			assertThat(lines).hasSize(18);
			for (String line : lines.subList(1, lines.size())) {
				List<String> cells = csv(line);
				assertThat(wording.get(cells.get(0))).as(cells.get(0)).contains(cells.get(1));
			}
		}
	}

	/** One line of a CSV file whose quoted cells may hold commas. */
	static List<String> csv(String line) {
		List<String> cells = new ArrayList<>();
		StringBuilder cell = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (c == '"' && quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
				cell.append('"');
				i++;
			}
			else if (c == '"') {
				quoted = !quoted;
			}
			else if (c == ',' && !quoted) {
				cells.add(cell.toString());
				cell.setLength(0);
			}
			else {
				cell.append(c);
			}
		}
		cells.add(cell.toString());
		return cells;
	}

	@Test
	void everyoneSignedInReadsTheListInTheirLanguageWithALinkToTheirOwnTargets() throws Exception {
		Document vi = page("/indicators", "village");
		// the catalogue stays readable, but only those who keep it find it in their menu (issue #12)
		assertThat(vi.select("nav a[href=/indicators]")).isEmpty();
		assertThat(page("/indicators", "district").select("nav a[href=/indicators]").text()).isEqualTo("Chỉ số");
		Element kts01 = row(vi, "KTS01");
		assertThat(kts01.text()).contains("Số người trưởng thành có tài khoản thanh toán điện tử",
				"Theo văn bản: “Tỷ lệ dân số từ 15 tuổi trở lên", "người", "Kinh tế số", "Lũy kế (số hiện có)",
				"% người trưởng thành", "Có", "Đang sử dụng");
		assertThat(row(vi, "CQS04").text()).contains("Phát sinh trong kỳ", "lượt người");
		assertThat(row(vi, "CQS01").select("td[data-label='Thôn báo cáo']").text()).isEqualTo("Không");
		assertThat(vi.select("a[href$=/edit], form[action$=/deactivate]")).isEmpty();
		UnitSummary ownVillage = units.openChildren(commune("11074").id()).get(0);
		assertThat(vi.select("a[href=" + ownVillage.url() + "/targets]")).hasSize(1);

		assertThat(page("/indicators", "commune").select("a[href=" + commune("11074").url() + "/targets]")).hasSize(1);
		Document district = page("/indicators", "district");
		assertThat(district.select("a[href=" + units.findOpen(UnitLevel.DISTRICT, "298").orElseThrow().url() + "/targets]"))
			.hasSize(1);
		assertThat(district.select("a[href=/indicators/new]")).hasSize(1);
		assertThat(page("/indicators", "steering").select("a[href$=/targets]")).hasSize(1);

		Document en = page("/indicators?lang=en", "village");
		assertThat(row(en, "KTS01").text()).contains("Adults with an electronic payment account", "% of adults",
				"Stock (level at month end)");
	}

	@Test
	void aDistrictOfficerAddsEditsAndDeactivatesAnIndicatorThatKeepsItsTargets() throws Exception {
		mvc.perform(indicatorForm("/indicators/new", "xhs09", "Số hộ dùng Wi-Fi công cộng của xã").with(as("district")))
			.andExpect(redirectedUrl("/indicators"));
		IndicatorSummary created = byCode("XHS09");
		assertThat(created.denominator()).isEqualTo(Denominator.HOUSEHOLDS);
		assertThat(created.villageReported()).isTrue();
		assertThat(audit("INDICATOR_CREATED", created.id())).contains("code=>XHS09",
				"nameVi=>Số hộ dùng Wi-Fi công cộng của xã", "denominator=>HOUSEHOLDS", "villageReported=>true");
		assertThat(indicators.villageReportIndicators()).contains(created);

		mvc.perform(indicatorForm("/indicators/" + created.id() + "/edit", "XHS09", "Số hộ dùng Wi-Fi miễn phí", "version",
				String.valueOf(created.version())).with(as("district"))).andExpect(redirectedUrl("/indicators"));
		IndicatorSummary edited = indicators.get(created.id());
		assertThat(edited.nameVi()).isEqualTo("Số hộ dùng Wi-Fi miễn phí");
		assertThat(audit("INDICATOR_UPDATED", created.id()))
			.containsExactly("nameVi=Số hộ dùng Wi-Fi công cộng của xã>Số hộ dùng Wi-Fi miễn phí");

		UnitSummary commune = commune("11083");
		jdbc.sql("INSERT INTO target (indicator_id, unit_id, year, value) VALUES (:indicator, :unit, 2026, 60)")
			.param("indicator", created.id())
			.param("unit", commune.id())
			.update();
		Document refused = Jsoup.parse(mvc.perform(indicatorForm("/indicators/" + created.id() + "/edit", "XHS09",
				"Số hộ dùng Wi-Fi miễn phí", "kind", "FLOW", "denominator", "", "version",
				String.valueOf(edited.version())).with(as("district")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(refused.getElementById("kind-error").text())
			.isEqualTo("Chỉ số đã có chỉ tiêu nên không đổi được loại và cách tính tỷ lệ.");
		assertThat(refused.select("select#kind option[selected]").attr("value")).isEqualTo("FLOW");
		assertThat(indicators.get(created.id())).isEqualTo(edited);

		mvc.perform(post("/indicators/" + created.id() + "/deactivate").with(as("district")).with(csrf()))
			.andExpect(redirectedUrl("/indicators"));
		assertThat(indicators.get(created.id()).active()).isFalse();
		assertThat(indicators.villageReportIndicators()).extracting(IndicatorSummary::id).doesNotContain(created.id());
		assertThat(indicators.all()).extracting(IndicatorSummary::id).contains(created.id());
		assertThat(jdbc.sql("SELECT value FROM target WHERE indicator_id = :id AND unit_id = :unit AND year = 2026")
			.param("id", created.id())
			.param("unit", commune.id())
			.query(BigDecimal.class)
			.single()).isEqualByComparingTo("60");
		assertThat(audit("INDICATOR_DEACTIVATED", created.id())).containsExactly("active=true>false");
		Element listed = row(page("/indicators", "district"), "XHS09");
		assertThat(listed.hasClass("closed")).isTrue();
		assertThat(listed.select(".badge").text()).isEqualTo("Ngừng sử dụng");
		assertThat(listed.select("form[action$=/activate]")).hasSize(1);

		mvc.perform(post("/indicators/" + created.id() + "/activate").with(as("district")).with(csrf()))
			.andExpect(redirectedUrl("/indicators"));
		assertThat(indicators.get(created.id()).active()).isTrue();
		assertThat(audit("INDICATOR_ACTIVATED", created.id())).containsExactly("active=false>true");
	}

	@Test
	void badInputIsShownBesideItsFieldAndACodeIsNotTakenTwice() throws Exception {
		Document form = Jsoup.parse(mvc.perform(indicatorForm("/indicators/new", "KTS01", "", "kind", "FLOW", "sortOrder",
				"abc").with(as("district"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
		assertThat(form.getElementById("nameVi-error").text()).isEqualTo("Không được để trống.");
		assertThat(form.getElementById("denominator-error").text())
			.isEqualTo("Chỉ chỉ số lũy kế mới tính được tỷ lệ trên số hộ hoặc số người trưởng thành.");
		assertThat(form.getElementById("sortOrder-error")).isNotNull();
		assertThat(form.getElementById("code").attr("value")).isEqualTo("KTS01");

		Document taken = Jsoup.parse(mvc.perform(indicatorForm("/indicators/new", "kts01", "Trùng mã").with(as("district")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(taken.getElementById("code-error").text()).isEqualTo("Mã này đã dùng cho chỉ số khác.");
		assertThat(indicators.all()).hasSize(17);
	}

	@Test
	void theSecondOfTwoConflictingEditsIsToldAndOverwritesNothing() throws Exception {
		IndicatorSummary indicator = byCode("XHS08");
		String[] unchanged = { "kind", "FLOW", "denominator", "", "version", String.valueOf(indicator.version()) };
		mvc.perform(indicatorForm("/indicators/" + indicator.id() + "/edit", "XHS08", "Tên sửa trước", unchanged)
			.with(as("district"))).andExpect(redirectedUrl("/indicators"));
		Document conflict = Jsoup.parse(mvc.perform(indicatorForm("/indicators/" + indicator.id() + "/edit", "XHS08",
				"Tên sửa sau", unchanged).with(as("admin")))
			.andExpect(status().isConflict())
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(conflict.select(".alert-error").text()).contains("Người khác vừa lưu thay đổi");
		assertThat(conflict.getElementById("nameVi").attr("value")).isEqualTo("Tên sửa sau");
		assertThat(indicators.get(indicator.id()).nameVi()).isEqualTo("Tên sửa trước");
	}

	@Test
	void onlyDistrictOfficersAndAdministratorsChangeIndicators() throws Exception {
		IndicatorSummary indicator = byCode("KTS02");
		for (String username : List.of("steering", "commune", "village")) {
			mvc.perform(get("/indicators/new").with(as(username))).andExpect(status().isForbidden());
			mvc.perform(get("/indicators/" + indicator.id() + "/edit").with(as(username))).andExpect(status().isForbidden());
			mvc.perform(indicatorForm("/indicators/new", "NEW01", "Chỉ số lạ").with(as(username)))
				.andExpect(status().isForbidden());
			mvc.perform(indicatorForm("/indicators/" + indicator.id() + "/edit", "KTS02", "Đổi tên", "kind", "FLOW",
					"denominator", "", "version", String.valueOf(indicator.version())).with(as(username)))
				.andExpect(status().isForbidden());
			mvc.perform(post("/indicators/" + indicator.id() + "/deactivate").with(as(username)).with(csrf()))
				.andExpect(status().isForbidden());
			mvc.perform(post("/indicators/" + indicator.id() + "/activate").with(as(username)).with(csrf()))
				.andExpect(status().isForbidden());
		}
		assertThat(indicators.get(indicator.id())).isEqualTo(indicator);
		assertThat(indicators.all()).hasSize(17);
		page("/indicators/" + indicator.id() + "/edit", "admin");
		mvc.perform(get("/indicators/987654/edit").with(as("district"))).andExpect(status().isNotFound());
	}

}
