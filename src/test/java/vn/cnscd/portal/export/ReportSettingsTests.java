package vn.cnscd.portal.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
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

/** The officer of a unit sets who issues and signs its reports; the documents then say so. */
@IntegrationTest
@Transactional
class ReportSettingsTests {

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

	UnitSummary district() {
		return units.findOpen(UnitLevel.DISTRICT, "298").orElseThrow();
	}

	Document page(String url, String username) throws Exception {
		return Jsoup.parse(mvc.perform(get(url).with(as(username)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	MockHttpServletRequestBuilder save(String url, Map<String, String> fields) {
		MockHttpServletRequestBuilder request = post(url).with(csrf());
		fields.forEach(request::param);
		return request;
	}

	static Map<String, String> settings(String version) {
		return Map.of("superior", "UBND THÀNH PHỐ HẢI PHÒNG", "issuer", "Sở Khoa học và Công nghệ", "symbol", "SKHCN",
				"place", "Hải Phòng", "authority", "KT. GIÁM ĐỐC", "signerTitle", "PHÓ GIÁM ĐỐC", "signerName",
				"Nguyễn Văn Bình", "recipients", "- UBND thành phố (để báo cáo);\nLưu: VT, VP.", "version", version);
	}

	@Test
	void theFormOpensOnTheDefaultsOfTheUnitsName() throws Exception {
		Document page = page(district().url() + "/report-settings", "district");
		assertThat(page.select("input[name=superior]").val()).isEqualTo("UBND HUYỆN TỨ KỲ");
		assertThat(page.select("input[name=issuer]").val()).isEqualTo("TỔ CHỈ ĐẠO TRIỂN KHAI CNSCĐ");
		assertThat(page.select("input[name=symbol]").val()).isEqualTo("TCĐ");
		assertThat(page.select("input[name=place]").val()).isEqualTo("Tứ Kỳ");
		assertThat(page.select("input[name=authority]").val()).isEqualTo("TM. TỔ CHỈ ĐẠO");
		assertThat(page.select("textarea[name=recipients]").val()).startsWith("UBND tỉnh Hải Dương (để báo cáo);");
		assertThat(page.select("input[name=version]").val()).isEqualTo("0");

		UnitSummary commune = units.findOpen(UnitLevel.COMMUNE, "11074").orElseThrow();
		Document own = page(commune.url() + "/report-settings", "commune");
		assertThat(own.select("input[name=superior]").val()).isEmpty();
		assertThat(own.select("input[name=issuer]").val()).isEqualTo("UBND THỊ TRẤN TỨ KỲ");
		assertThat(own.select("input[name=signerTitle]").val()).isEqualTo("CHỦ TỊCH");
	}

	@Test
	void savedSettingsAreAuditedAndTheDocumentsSayThem() throws Exception {
		UnitSummary district = district();
		String url = district.url() + "/report-settings";
		mvc.perform(save(url, settings("0")).with(as("district"))).andExpect(redirectedUrl(url));
		assertThat(page(url, "district").select("input[name=version]").val()).isEqualTo("1");
		List<String> changed = jdbc.sql("""
				SELECT field FROM audit_event WHERE entity_type = 'REPORT_SETTINGS' AND entity_id = :u
				  AND action = 'REPORT_SETTINGS_SAVED' ORDER BY id""")
			.param("u", district.id())
			.query(String.class)
			.list();
		assertThat(changed).containsExactly("superior", "issuer", "symbol", "place", "authority", "signerTitle",
				"signerName", "recipients");

		byte[] file = mvc.perform(get(district.url() + "/summary.docx").with(as("district")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (XWPFDocument document = ReportFiles.docx(file)) {
			List<XWPFTable> tables = ReportFiles.tables(ReportFiles.body(document));
			assertThat(cell(tables.get(0), 0)).containsExactly("UBND THÀNH PHỐ HẢI PHÒNG", "SỞ KHOA HỌC VÀ CÔNG NGHỆ", "",
					"Số:        /BC-SKHCN");
			assertThat(cell(tables.get(0), 1).get(3)).startsWith("Hải Phòng, ngày ");
			XWPFTable signature = tables.get(tables.size() - 1);
			assertThat(cell(signature, 0)).containsExactly("Nơi nhận:", "- UBND thành phố (để báo cáo);", "- Lưu: VT, VP.");
			assertThat(cell(signature, 1)).containsSubsequence("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Nguyễn Văn Bình");
			assertThat(ReportFiles.texts(ReportFiles.appendices(document)))
				.anyMatch(text -> text.startsWith("(Kèm theo Báo cáo số        /BC-SKHCN ngày ")
						&& text.endsWith(" của Sở Khoa học và Công nghệ)"));
		}
	}

	@Test
	void badLinesAreRefusedNextToTheirFieldWithWhatWasTyped() throws Exception {
		String url = district().url() + "/report-settings";
		Map<String, String> bad = new HashMap<>(settings("0"));
		bad.put("authority", "GIÁM ĐỐC");
		bad.put("issuer", " ");
		bad.put("symbol", "BC/TCĐ");
		Document page = Jsoup.parse(mvc.perform(save(url, bad).with(as("district")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(page.select("#authority-error").text()).contains("TM., KT., Q., TL. hoặc TUQ.");
		assertThat(page.select("input[name=authority]").val()).isEqualTo("GIÁM ĐỐC");
		assertThat(page.select("#issuer-error").text()).isEqualTo("Không được để trống.");
		assertThat(page.select("#symbol-error").text()).contains("TCĐ, UBND");
		assertThat(page.select("input[name=symbol]").val()).isEqualTo("BC/TCĐ");
		assertThat(jdbc.sql("SELECT count(*) FROM report_settings").query(Long.class).single()).isZero();
	}

	/** Two officers open the form; the second to save is told, and keeps what they typed. */
	@Test
	void aStaleEditIsRefusedWithTheInputKept() throws Exception {
		String url = district().url() + "/report-settings";
		mvc.perform(save(url, settings("0")).with(as("district"))).andExpect(status().is3xxRedirection());
		Map<String, String> late = new HashMap<>(settings("0"));
		late.put("signerName", "Trần Thị Cúc");
		Document page = Jsoup.parse(mvc.perform(save(url, late).with(as("district")))
			.andExpect(status().isConflict())
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(page.select(".alert-error").text()).contains("Người khác vừa lưu thay đổi");
		assertThat(page.select("input[name=signerName]").val()).isEqualTo("Trần Thị Cúc");
		assertThat(page.select("input[name=version]").val()).isEqualTo("1");
		assertThat(jdbc.sql("SELECT signer_name FROM report_settings").query(String.class).single())
			.isEqualTo("Nguyễn Văn Bình");
	}

	/** Only the unit's own officer: not the district's officer for a commune, nor the commune's chair for the district. */
	@Test
	void onlyTheOfficerOfTheUnitChangesItsSettings() throws Exception {
		UnitSummary commune = units.findOpen(UnitLevel.COMMUNE, "11074").orElseThrow();
		mvc.perform(get(commune.url() + "/report-settings").with(as("district"))).andExpect(status().isForbidden());
		mvc.perform(save(district().url() + "/report-settings", settings("0")).with(as("commune")))
			.andExpect(status().isForbidden());
		mvc.perform(save(district().url() + "/report-settings", settings("0")).with(as("steering")))
			.andExpect(status().isForbidden());
		mvc.perform(get(commune.url() + "/report-settings").with(as("commune"))).andExpect(status().isOk());
		mvc.perform(get("/districts/" + commune.id() + "/report-settings").with(as("commune")))
			.andExpect(status().isNotFound());
		assertThat(jdbc.sql("SELECT count(*) FROM report_settings").query(Long.class).single()).isZero();
	}

	private static List<String> cell(XWPFTable table, int column) {
		return table.getRow(0).getCell(column).getParagraphs().stream().map(XWPFParagraph::getText).toList();
	}

}
