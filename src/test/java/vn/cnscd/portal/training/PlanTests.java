package vn.cnscd.portal.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.annotation.Transactional;

import vn.cnscd.portal.IntegrationTest;
import vn.cnscd.portal.account.PortalUser;
import vn.cnscd.portal.area.UnitLevel;
import vn.cnscd.portal.area.UnitService;
import vn.cnscd.portal.area.UnitSummary;
import vn.cnscd.portal.upload.UploadSlots;
import vn.cnscd.portal.upload.ZipBombs;

@IntegrationTest
@Transactional
class PlanTests {

	static final int YEAR = 2031;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	UnitService units;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UploadSlots slots;

	RequestPostProcessor as(String username) {
		return user(users.loadUserByUsername(username));
	}

	UnitSummary commune(String code) {
		return units.findOpen(UnitLevel.COMMUNE, code).orElseThrow();
	}

	long teamOf(String unitCode) {
		return jdbc.sql("""
				SELECT t.id FROM team t JOIN unit u ON u.id = t.unit_id
				WHERE u.code = :code AND t.status = 'ACTIVE' ORDER BY t.id LIMIT 1""")
			.param("code", unitCode)
			.query(Long.class)
			.single();
	}

	String plan(long team) {
		return "/teams/" + team + "/plans/" + YEAR;
	}

	Document page(String url, String username) throws Exception {
		return Jsoup.parse(mvc.perform(get(url).with(as(username)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	@Test
	void aCommuneChairWritesThePlanOfATeamOfTheirCommuneAndTheChangeIsAudited() throws Exception {
		long team = teamOf("11074-01");
		mvc.perform(post(plan(team) + "/edit").with(csrf()).with(as("commune"))
			.param("version", "0")
			.param("items[0].month", "3").param("items[0].activity", "=Hướng dẫn cài VNeID")
			.param("items[0].personInCharge", "Nguyễn Văn An").param("items[0].status", "DONE")
			.param("items[1].month", "").param("items[1].activity", "").param("items[1].status", "PLANNED")
			.param("items[2].month", "9").param("items[2].activity", "Mở cửa hàng số cho hộ kinh doanh")
			.param("items[2].status", "PLANNED"))
			.andExpect(redirectedUrl(plan(team)));

		assertThat(page(plan(team), "commune").select("tbody tr").eachText()).containsExactly(
				"Tháng 3 =Hướng dẫn cài VNeID Nguyễn Văn An Đã hoàn thành",
				"Tháng 9 Mở cửa hàng số cho hộ kinh doanh Dự kiến");
		assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'PLAN_SAVED' AND actor_name = 'commune'")
			.query(Long.class).single()).isEqualTo(1);
		assertThat(page(plan(team), "village").select("tbody tr")).hasSize(2);
		assertThat(page(plan(team), "steering").select("a[href$=/edit]")).isEmpty();
	}

	@Test
	void aSecondEditFromAStaleFormIsAConflictThatKeepsWhatWasTyped() throws Exception {
		long team = teamOf("11074");
		mvc.perform(post(plan(team) + "/edit").with(csrf()).with(as("commune")).param("version", "0")
			.param("items[0].month", "1").param("items[0].activity", "Họp tổ").param("items[0].status", "PLANNED"))
			.andExpect(status().is3xxRedirection());
		Document conflict = Jsoup.parse(mvc.perform(post(plan(team) + "/edit").with(csrf()).with(as("commune"))
			.param("version", "0")
			.param("items[0].month", "2").param("items[0].activity", "Tập huấn thanh toán").param("items[0].status", "PLANNED"))
			.andExpect(status().isConflict()).andReturn().getResponse().getContentAsString());
		assertThat(conflict.select("input[name=items[0].activity]").attr("value")).isEqualTo("Tập huấn thanh toán");
		assertThat(conflict.select("input[name=version]").attr("value")).isEqualTo("1");
		assertThat(conflict.select(".alert-error").text()).contains("Người khác vừa lưu");
	}

	@Test
	void onlyTheChairOfTheTeamsCommuneEditsAndEachReadsOnlyTheirArea() throws Exception {
		long otherCommuneTeam = teamOf("11083");
		long otherVillageTeam = teamOf("11074-02");
		mvc.perform(get(plan(otherCommuneTeam) + "/edit").with(as("commune"))).andExpect(status().isForbidden());
		mvc.perform(get(plan(teamOf("11074")) + "/edit").with(as("district"))).andExpect(status().isForbidden());
		mvc.perform(get(plan(teamOf("11074-01")) + "/edit").with(as("village"))).andExpect(status().isForbidden());
		mvc.perform(post(plan(otherCommuneTeam) + "/edit").with(csrf()).with(as("commune")).param("version", "0")
			.param("items[0].month", "1").param("items[0].activity", "X").param("items[0].status", "PLANNED"))
			.andExpect(status().isForbidden());
		mvc.perform(get(plan(otherCommuneTeam)).with(as("commune"))).andExpect(status().isForbidden());
		mvc.perform(get(plan(otherVillageTeam)).with(as("village"))).andExpect(status().isForbidden());
		mvc.perform(get(plan(otherCommuneTeam)).with(as("steering"))).andExpect(status().isOk());
		mvc.perform(get(plan(teamOf("11092"))).with(as("steering"))).andExpect(status().isForbidden());
		assertThat(jdbc.sql("SELECT count(*) FROM activity_plan WHERE year = :year").param("year", YEAR)
			.query(Long.class).single()).isZero();
	}

	@Test
	void aPdfIsStoredAndAlwaysDownloadedAsAnAttachment() throws Exception {
		long team = teamOf("11074-01");
		byte[] pdf = "%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
		mvc.perform(multipart(plan(team) + "/file").file(new MockMultipartFile("file", "C:\\tmp\\Kế hoạch 2031.pdf",
				"text/html", pdf)).with(csrf()).with(as("commune"))).andExpect(redirectedUrl(plan(team)));

		assertThat(jdbc.sql("SELECT file_name || ' ' || size_bytes || ' ' || content_type FROM activity_plan_file")
			.query(String.class).single()).isEqualTo("Kế hoạch 2031.pdf " + pdf.length + " application/pdf");
		byte[] sent = mvc.perform(get(plan(team) + "/file").with(as("village")))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "application/pdf"))
			.andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment;")))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andReturn().getResponse().getContentAsByteArray();
		assertThat(sent).isEqualTo(pdf);
		mvc.perform(get(plan(team) + "/file").with(as("village")).header("Accept", "text/html"))
			.andExpect(header().string("Content-Type", "application/pdf"));
		mvc.perform(get("/teams/" + teamOf("11083") + "/plans/" + YEAR + "/file").with(as("commune")))
			.andExpect(status().isForbidden());
	}

	@Test
	void officeFilesAreToldFromTheirContentNotTheirName() throws Exception {
		ByteArrayOutputStream docx = new ByteArrayOutputStream();
		try (XWPFDocument document = new XWPFDocument()) {
			document.createParagraph().createRun().setText("Kế hoạch");
			document.write(docx);
		}
		ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			workbook.createSheet("Kế hoạch");
			workbook.write(xlsx);
		}
		assertThat(PlanFileType.detect(docx.toByteArray())).contains(PlanFileType.DOCX);
		assertThat(PlanFileType.detect(xlsx.toByteArray())).contains(PlanFileType.XLSX);
		assertThat(PlanFileType.detect("<html><script>alert(1)</script>".getBytes(StandardCharsets.UTF_8))).isEmpty();
		assertThat(PlanFileType.detect(new byte[] { 'P', 'K', 3, 4, 0, 0 })).isEmpty();

		long team = teamOf("11074-01");
		mvc.perform(multipart(plan(team) + "/file").file(new MockMultipartFile("file", "bang-tinh.pdf",
				"application/pdf", xlsx.toByteArray())).with(csrf()).with(as("commune")))
			.andExpect(redirectedUrl(plan(team)));
		assertThat(jdbc.sql("SELECT file_name || ' ' || content_type FROM activity_plan_file").query(String.class).single())
			.isEqualTo("bang-tinh.xlsx application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
	}

	@Test
	void aFileOfAnotherTypeIsRefusedWhateverItsName() throws Exception {
		long team = teamOf("11074-01");
		Document refused = Jsoup.parse(mvc.perform(multipart(plan(team) + "/file")
			.file(new MockMultipartFile("file", "ke-hoach.pdf", "application/pdf",
					"<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8)))
			.with(csrf()).with(as("commune")))
			.andExpect(status().isUnprocessableEntity()).andReturn().getResponse().getContentAsString());
		assertThat(refused.select(".alert-error").text()).startsWith("Tệp không phải PDF, DOCX hay XLSX");
		assertThat(jdbc.sql("SELECT count(*) FROM activity_plan_file").query(Long.class).single()).isZero();
	}

	@Test
	void aZipBombedDocumentIsRefusedWithThePlansOwnMessageBeforeItIsUnpacked() throws Exception {
		ByteArrayOutputStream docx = new ByteArrayOutputStream();
		try (XWPFDocument document = new XWPFDocument()) {
			document.createParagraph().createRun().setText("Kế hoạch");
			document.write(docx);
		}
		byte[] bomb = ZipBombs.padded(docx.toByteArray(), "word/document.xml", "document", 200);
		assertThat(bomb.length).isLessThan(300 * 1024);
		long team = teamOf("11074-01");
		for (byte[] file : List.of(bomb, ZipBombs.lyingAbout(bomb, "word/document.xml", 4096),
				ZipBombs.padded(docx.toByteArray(), "word/document.xml", "document", 20))) {
			Document refused = Jsoup.parse(mvc.perform(multipart(plan(team) + "/file")
				.file(new MockMultipartFile("file", "ke-hoach.docx", "application/octet-stream", file))
				.with(csrf()).with(as("commune")))
				.andExpect(status().isUnprocessableEntity()).andReturn().getResponse().getContentAsString());
			assertThat(refused.select(".alert-error").text()).isEqualTo("Tệp khi giải nén lớn bất thường (hơn 64 MB, hoặc"
					+ " nén gấp hơn 100 lần) nên không được nhận. Hãy lưu lại tệp bằng Word hoặc Excel rồi đính kèm lại.");
		}
		assertThat(jdbc.sql("SELECT count(*) FROM activity_plan_file").query(Long.class).single()).isZero();
	}

	@Test
	void aSecondPlanFileWhileTheFirstIsCheckedGetsTheTryAgainPage() throws Exception {
		long team = teamOf("11074-01");
		long chair = ((PortalUser) users.loadUserByUsername("commune")).getId();
		MockMultipartFile pdf = new MockMultipartFile("file", "ke-hoach.pdf", "application/pdf",
				"%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
		try (UploadSlots.Slot first = slots.take(PlanController.UPLOAD_KIND, chair, "/")) {
			Document busy = Jsoup.parse(mvc.perform(multipart(plan(team) + "/file").file(pdf).with(csrf()).with(as("commune")))
				.andExpect(status().isTooManyRequests())
				.andReturn()
				.getResponse()
				.getContentAsString());
			assertThat(busy.select("main a.button").attr("href")).isEqualTo(plan(team));
			assertThat(jdbc.sql("SELECT count(*) FROM activity_plan_file").query(Long.class).single()).isZero();
		}
		mvc.perform(multipart(plan(team) + "/file").file(pdf).with(csrf()).with(as("commune")))
			.andExpect(redirectedUrl(plan(team)));
	}

	@Test
	void aFileOverTenMegabytesIsRefused() throws Exception {
		long team = teamOf("11074-01");
		byte[] large = new byte[10 * 1024 * 1024 + 1];
		byte[] header = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
		System.arraycopy(header, 0, large, 0, header.length);
		Arrays.fill(large, header.length, large.length, (byte) ' ');
		Document refused = Jsoup.parse(mvc.perform(multipart(plan(team) + "/file")
			.file(new MockMultipartFile("file", "lon.pdf", "application/pdf", large))
			.with(csrf()).with(as("commune")))
			.andExpect(status().isUnprocessableEntity()).andReturn().getResponse().getContentAsString());
		assertThat(refused.select(".alert-error").text()).isEqualTo("Tệp lớn hơn 10 MB nên không được nhận.");
		assertThat(jdbc.sql("SELECT count(*) FROM activity_plan_file").query(Long.class).single()).isZero();
		assertThat(page(plan(team) + "?refused=tooLarge", "commune").select(".alert-error").text())
			.isEqualTo("Tệp lớn hơn 10 MB nên không được nhận.");
	}

	@Test
	void theDistrictSeesWhichTeamsHaveNoPlanForTheYear() throws Exception {
		long team = teamOf("11074-01");
		mvc.perform(post(plan(team) + "/edit").with(csrf()).with(as("commune")).param("version", "0")
			.param("items[0].month", "1").param("items[0].activity", "Họp tổ").param("items[0].status", "PLANNED"));
		long teams = jdbc.sql("SELECT count(*) FROM team WHERE status = 'ACTIVE'").query(Long.class).single();
		UnitSummary district = units.get(commune("11074").parentId());

		Document page = page(district.url() + "/plans?year=" + YEAR, "district");
		assertThat(page.select("#missing-teams li")).hasSize((int) teams - 1);
		assertThat(page.select("#missing-teams a[href=" + plan(team) + "]")).isEmpty();
		assertThat(page.select("#planned-teams a[href=" + plan(team) + "]")).hasSize(1);
		assertThat(page(district.url() + "/plans?year=" + YEAR, "steering").select("#missing-teams li").size())
			.isLessThan((int) teams / 3);
		mvc.perform(get(district.url() + "/plans").with(as("commune"))).andExpect(status().isForbidden());
	}

}
