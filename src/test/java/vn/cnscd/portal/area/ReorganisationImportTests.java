package vn.cnscd.portal.area;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.cnscd.portal.area.ReorganisationPages.JANUARY;
import static vn.cnscd.portal.area.ReorganisationPages.JULY;
import static vn.cnscd.portal.area.ReorganisationPages.html;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.transaction.annotation.Transactional;

import vn.cnscd.portal.IntegrationTest;
import vn.cnscd.portal.area.ReorganisationPlan.NewUnit;
import vn.cnscd.portal.area.ReorganisationPlan.Step;

/**
 * The import of the shared file tu-ky-reorganisations.csv, both rounds, on the demo's 23 communes of 2022:
 * the drafts it builds (the January mergers into communes that keep their codes, the July communes of the city
 * with the part transfers waiting for their villages and the district abolished), what the officer sees and
 * sends, and the files and rows it refuses.
 */
@IntegrationTest
@Transactional
class ReorganisationImportTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UnitService units;

	@LocalServerPort
	int port;

	ReorganisationPages pages;

	@BeforeEach
	void setUp() {
		pages = new ReorganisationPages(mvc, users, jdbc, units);
	}

	long id(String code) {
		return pages.commune(code).id();
	}

	@Test
	void theFileIsShownRoundByRoundWithItsInferredRowsAndWhatItsBasisSays() throws Exception {
		Document choose = html(pages.upload("district", ReorganisationFileTests.sharedFile()));
		List<Element> rounds = choose.select(".round");
		assertThat(rounds).hasSize(2);
		assertThat(rounds.get(0).select(".choice").text()).isEqualTo("Đợt có hiệu lực từ 01/01/2025: 6 dòng");
		assertThat(rounds.get(0).text()).contains("6 dòng được suy ra, cần kiểm tra lại",
				"Đọc được: số —, ngày —, cơ quan ban hành Ủy ban Thường vụ Quốc hội.");
		assertThat(rounds.get(0).select("tbody tr")).hasSize(6)
			.allSatisfy(row -> assertThat(row.select(".badge").text()).isEqualTo("Suy ra"));
		assertThat(rounds.get(1).select(".choice").text()).isEqualTo("Đợt có hiệu lực từ 01/07/2025: 22 dòng");
		assertThat(rounds.get(1).text()).contains(
				"Đọc được: số 1669/NQ-UBTVQH15, ngày 16/06/2025, cơ quan ban hành Ủy ban Thường vụ Quốc hội.")
			.doesNotContain("suy ra");
		assertThat(rounds.get(1).select("tbody tr").get(8).text())
			.isEqualTo("16 Xã Hưng Đạo (11086) Xã Tân Kỳ (11113) Một phần (chọn thôn)");
		// two rounds: none is chosen for the officer; one parent to choose from: it is
		assertThat(choose.select("input[name=round][checked]")).isEmpty();
		assertThat(choose.select("#import-parentId option[selected]").text()).isEqualTo("Huyện Tứ Kỳ (298)");
	}

	@Test
	void theJanuaryRoundMergesIntoTheCommunesThatKeepTheirCodesAndRenamesThem() throws Exception {
		long district = pages.district().id();
		MockHttpServletResponse unread = pages.importDraft("district", ReorganisationFileTests.sharedFile(), JANUARY,
				district, true, Map.of());
		assertThat(unread.getStatus()).isEqualTo(200);
		Document again = html(unread);
		assertThat(again.getElementById("import-number-error").text()).isEqualTo("Tệp không ghi rõ; hãy nhập.");
		assertThat(again.getElementById("import-basisDate-error").text()).isEqualTo("Tệp không ghi rõ; hãy nhập.");
		assertThat(again.getElementById("import-signer").val()).isEqualTo("Ủy ban Thường vụ Quốc hội");
		assertThat(again.getElementById("import-abolishEmpty").hasAttr("checked")).isTrue();
		assertThat(again.getElementById("round-2025-01-01").hasAttr("checked")).isTrue();
		assertThat(jdbc.sql("SELECT count(*) FROM reorganisation").query(Long.class).single()).isZero();

		long draft = ReorganisationPages.draftOf(pages.importDraft("district", ReorganisationFileTests.sharedFile(),
				JANUARY, district, true, Map.of("number", "1234/NQ-UBTVQH15", "basisDate", "30/11/2024")));
		ReorganisationPlan plan = pages.plan(draft);
		assertThat(plan.opens()).isEmpty();
		assertThat(plan.steps()).containsExactly(Step.merge(List.of(id("11089")), id("11098")),
				Step.merge(List.of(id("11110")), id("11122")), Step.merge(List.of(id("11137")), id("11140")),
				Step.rename(id("11098"), null, null, "Kỳ Sơn"), Step.rename(id("11122"), null, null, "Dân An"),
				Step.rename(id("11140"), null, null, "Lạc Phượng"));
		assertThat(jdbc.sql("SELECT basis_number || ' ' || basis_date || ' ' || basis_signer || ' ' || effective_on || ' ' || status"
				+ " FROM reorganisation WHERE id = :id").param("id", draft).query(String.class).single())
			.isEqualTo("1234/NQ-UBTVQH15 2024-11-30 Ủy ban Thường vụ Quốc hội 2025-01-01 DRAFT");

		Document page = pages.page("/reorganisations/" + draft, "district");
		assertThat(page.select("#steps li")).extracting(Element::text)
			.containsExactly(
					"Hợp nhất Xã Ngọc Kỳ (11089) vào Xã Tái Sơn (11098) Bỏ thay đổi này",
					"Hợp nhất Xã Dân Chủ (11110) vào Xã Quảng Nghiệp (11122) Bỏ thay đổi này",
					"Hợp nhất Xã Phượng Kỳ (11137) vào Xã Cộng Lạc (11140) Bỏ thay đổi này",
					"Đổi Xã Tái Sơn (11098) thành Xã Kỳ Sơn (11098) Bỏ thay đổi này",
					"Đổi Xã Quảng Nghiệp (11122) thành Xã Dân An (11122) Bỏ thay đổi này",
					"Đổi Xã Cộng Lạc (11140) thành Xã Lạc Phượng (11140) Bỏ thay đổi này");
		assertThat(page.getElementById("problems")).isNull();
		assertThat(page.select("#closed tbody tr")).extracting(Element::text)
			.containsExactly("Xã Ngọc Kỳ (11089) Xã Tái Sơn (11098)", "Xã Dân Chủ (11110) Xã Quảng Nghiệp (11122)",
					"Xã Phượng Kỳ (11137) Xã Cộng Lạc (11140)");
	}

	@Test
	void theJulyRoundOpensTheSixCommunesOfTheCityAndWaitsForTheVillagesOfTheTwoSplitOnes() throws Exception {
		pages.recordJanuary();
		String officer = pages.provinceOfficer();
		long province = pages.province().id();
		long district = pages.district().id();
		MvcResult built = pages.importDraftResult(officer, ReorganisationFileTests.sharedFile(), JULY, province, true,
				Map.of());
		long draft = ReorganisationPages.draftOf(built.getResponse());
		assertThat(pages.mvc.perform(MockMvcRequestBuilders.get("/reorganisations/" + draft)
			.flashAttrs(built.getFlashMap())
			.with(pages.as(officer))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
			.contains("Đã tạo bản nháp từ 22 dòng của tệp. Còn 2 phần chuyển đi chờ bạn chọn thôn.");

		ReorganisationPlan plan = pages.plan(draft);
		assertThat(plan.opens()).containsExactly(new NewUnit(-1, province, UnitKind.XA, "11074", "Tứ Kỳ"),
				new NewUnit(-2, province, UnitKind.XA, "11113", "Tân Kỳ"),
				new NewUnit(-3, province, UnitKind.XA, "11086", "Đại Sơn"),
				new NewUnit(-4, province, UnitKind.XA, "11131", "Chí Minh"),
				new NewUnit(-5, province, UnitKind.XA, "11140", "Lạc Phượng"),
				new NewUnit(-6, province, UnitKind.XA, "11146", "Nguyên Giáp"));
		long hungDao = id("11086");
		long tienDong = id("11143");
		assertThat(plan.steps()).containsExactly(Step.transfer(hungDao, List.of(), -2), Step.transfer(tienDong, List.of(), -5),
				Step.merge(List.of(id("11074"), id("11128"), id("11116"), id("11101")), -1),
				Step.merge(List.of(id("11119"), id("11113"), id("11122"), id("11098")), -2),
				Step.merge(List.of(id("11092"), id("11083"), hungDao), -3),
				Step.merge(List.of(id("11125"), id("11131"), id("11095")), -4),
				Step.merge(List.of(id("11134"), id("11140")), -5),
				Step.merge(List.of(id("11149"), id("11146"), id("11152"), tienDong), -6), Step.abolish(district));
		assertThat(jdbc.sql("SELECT basis_number || ' ' || basis_date || ' ' || basis_signer || ' ' || effective_on"
				+ " FROM reorganisation WHERE id = :id").param("id", draft).query(String.class).single())
			.isEqualTo("1669/NQ-UBTVQH15 2025-06-16 Ủy ban Thường vụ Quốc hội 2025-07-01");

		Document page = pages.page("/reorganisations/" + draft, officer);
		List<Element> waiting = page.select("#steps li.waiting");
		assertThat(waiting).extracting(step -> step.selectFirst("p").text())
			.containsExactly("Chuyển một phần của Xã Hưng Đạo (11086) sang Xã Tân Kỳ (11113) mới: chưa chọn thôn",
					"Chuyển một phần của Xã Tiên Động (11143) sang Xã Lạc Phượng (11140) mới: chưa chọn thôn");
		List<UnitSummary> hungDaoVillages = units.villagesOn(List.of(hungDao), JULY);
		assertThat(waiting.get(0).select("input[type=checkbox]")).extracting(box -> box.val())
			.containsExactlyElementsOf(hungDaoVillages.stream().map(v -> String.valueOf(v.id())).toList());
		assertThat(page.select("#problems li")).extracting(Element::text)
			.containsExactly("Chưa chọn thôn nào của Hưng Đạo chuyển sang Tân Kỳ.",
					"Chưa chọn thôn nào của Tiên Động chuyển sang Lạc Phượng.");
		assertThat(page.select("#opened tbody tr")).hasSize(6);
		assertThat(page.select("#closed tbody tr")).hasSize(21);

		// the officer ticks two villages of Hưng Đạo and one of Tiên Động; the rest of each goes with its merger
		List<UnitSummary> tienDongVillages = units.villagesOn(List.of(tienDong), JULY);
		MockHttpServletResponse ticked = pages.post("/reorganisations/" + draft + "/steps/0/villages", officer,
				Map.of("version", pages.version(draft), "villages",
						List.of(hungDaoVillages.get(0).id(), hungDaoVillages.get(1).id())));
		assertThat(ticked.getStatus()).isEqualTo(302);
		pages.post("/reorganisations/" + draft + "/steps/1/villages", officer,
				Map.of("version", pages.version(draft), "villages", List.of(tienDongVillages.get(0).id())));
		page = pages.page("/reorganisations/" + draft, officer);
		assertThat(page.getElementById("problems")).isNull();
		assertThat(page.select("#steps li").get(0).selectFirst("p").text()).isEqualTo("Chuyển một phần của Xã Hưng Đạo (11086) sang"
				+ " Xã Tân Kỳ (11113) mới: Thôn " + hungDaoVillages.get(0).name() + " (" + hungDaoVillages.get(0).code()
				+ "), Thôn " + hungDaoVillages.get(1).name() + " (" + hungDaoVillages.get(1).code() + ")");
		assertThat(page.select("#closed tbody tr")).extracting(Element::text).contains(
				"Xã Hưng Đạo (11086) Xã Tân Kỳ (11113), Xã Đại Sơn (11086)",
				"Huyện Tứ Kỳ (298) Tỉnh Hải Dương (30)");
		assertThat(page.select("#villages-moved tbody tr")).hasSize(
				units.villagesOn(units.communesOn(pages.district(), JULY).stream().map(UnitSummary::id).toList(), JULY).size());
		assertThat(page.getElementById("followers").text()).contains("tổ cấp xã kết thúc hoạt động",
				"6 xã mới cần thành lập tổ", "tài khoản có đơn vị đóng");

		// accounts: each proposed its unit's successor; the officer disables the steering member's instead
		long chair = jdbc.sql("SELECT id FROM app_user WHERE username = 'commune'").query(Long.class).single();
		assertThat(page.selectFirst("select[name=accounts[" + chair + "]] option[selected]").text())
			.isEqualTo("Chuyển về Xã Tứ Kỳ (11074)");
		long steering = jdbc.sql("SELECT id FROM app_user WHERE username = 'steering'").query(Long.class).single();
		assertThat(page.selectFirst("select[name=accounts[" + steering + "]] option[selected]").text())
			.isEqualTo("Chuyển về Tỉnh Hải Dương (30)");
		MockHttpServletResponse recorded = pages.post("/reorganisations/" + draft + "/record", officer,
				Map.of("version", pages.version(draft), "accounts[" + steering + "]", 0));
		assertThat(recorded.getStatus()).as(html(recorded).select(".alert-error").text()).isEqualTo(302);
		assertThat(pages.status(draft)).isEqualTo("IN_FORCE");
		UnitSummary tuKy = pages.commune("11074");
		assertThat(tuKy.parentId()).isEqualTo(province);
		assertThat(tuKy.kind()).isEqualTo(UnitKind.XA);
		assertThat(jdbc.sql("SELECT home_unit_id FROM app_user WHERE username = 'commune'").query(Long.class).single())
			.isEqualTo(tuKy.id());
		assertThat(jdbc.sql("SELECT enabled FROM app_user WHERE username = 'steering'").query(Boolean.class).single()).isFalse();
		assertThat(jdbc.sql("SELECT valid_to FROM unit WHERE id = :id").param("id", district).query(LocalDate.class).single())
			.isEqualTo(JULY);
		assertThat(units.openChildren(pages.commune("11113").id())).extracting(UnitSummary::id)
			.contains(hungDaoVillages.get(0).id(), hungDaoVillages.get(1).id());
		assertThat(units.openChildren(pages.commune("11086").id())).extracting(UnitSummary::id)
			.containsAll(hungDaoVillages.subList(2, hungDaoVillages.size()).stream().map(UnitSummary::id).toList())
			.doesNotContain(hungDaoVillages.get(0).id());
	}

	@Test
	void withoutTheJanuaryRoundTheJulyRowsDoNotNameTheUnitsAsTheyStandAndTheDistrictsOfficerCannotChooseTheProvince()
			throws Exception {
		MockHttpServletResponse province = pages.importDraft("district", ReorganisationFileTests.sharedFile(), JULY,
				pages.province().id(), true, Map.of());
		assertThat(html(province).getElementById("import-parentId-error").text())
			.isEqualTo("Hãy chọn đơn vị cấp trên của các đơn vị sau sắp xếp.");

		MockHttpServletResponse refused = pages.importDraft("district", ReorganisationFileTests.sharedFile(), JULY,
				pages.district().id(), true, Map.of());
		Document page = html(refused);
		assertThat(page.select("#file-problems tbody tr")).extracting(Element::text)
			.containsExactly("14 old_name Dân An Vào ngày 30/06/2025, đơn vị mã 11122 có tên Quảng Nghiệp, khác với tệp.",
					"15 old_name Kỳ Sơn Vào ngày 30/06/2025, đơn vị mã 11098 có tên Tái Sơn, khác với tệp.",
					"24 old_name Lạc Phượng Vào ngày 30/06/2025, đơn vị mã 11140 có tên Cộng Lạc, khác với tệp.");
		assertThat(page.getElementById("choose")).as("the choices stay, to send again").isNotNull();
		assertThat(jdbc.sql("SELECT count(*) FROM reorganisation").query(Long.class).single()).isZero();
	}

	@Test
	void rowsOfUnitsOutsideTheOfficersAreaAreRefusedEachWithItsRow() throws Exception {
		long province = pages.province().id();
		long other = jdbc.sql("""
				INSERT INTO unit (parent_id, level, kind, code, name, search_text, ancestor_path, valid_from)
				VALUES (:p, 'DISTRICT', 'HUYEN', '288', 'Thanh Hà', 'huyen thanh ha 288', '/' || :p || '/', DATE '2019-12-01')
				RETURNING id""").param("p", province).query(Long.class).single();
		jdbc.sql("""
				INSERT INTO app_user (username, password_hash, full_name, role, home_unit_id, must_change_password)
				VALUES ('thanhha', 'x', 'Lê Thị Hà', 'OFFICER', :home, false)""").param("home", other).update();

		Document page = html(pages.importDraft("thanhha", ReorganisationFileTests.sharedFile(), JANUARY, other, false,
				Map.of("number", "1/NQ", "basisDate", "2024-11-30")));
		assertThat(page.select("#file-problems tbody tr")).extracting(Element::text)
			.containsExactly("2 old_code 11098 Không có đơn vị mã 11098 trong địa bàn của bạn vào ngày 31/12/2024.",
					"3 old_code 11089 Không có đơn vị mã 11089 trong địa bàn của bạn vào ngày 31/12/2024.",
					"4 old_code 11122 Không có đơn vị mã 11122 trong địa bàn của bạn vào ngày 31/12/2024.",
					"5 old_code 11110 Không có đơn vị mã 11110 trong địa bàn của bạn vào ngày 31/12/2024.",
					"6 old_code 11140 Không có đơn vị mã 11140 trong địa bàn của bạn vào ngày 31/12/2024.",
					"7 old_code 11137 Không có đơn vị mã 11137 trong địa bàn của bạn vào ngày 31/12/2024.");
		assertThat(page.text()).doesNotContain("Huyện Tứ Kỳ");
		assertThat(jdbc.sql("SELECT count(*) FROM reorganisation").query(Long.class).single()).isZero();
		// and a unit that does not exist reads the same as one elsewhere
		String unknown = ReorganisationFileTests.HEADER + "\n2025-01-01,NQ 1,99999,XA,Không Có,99999,XA,Không Có,whole,official";
		assertThat(html(pages.importDraft("district", unknown.getBytes(StandardCharsets.UTF_8), JANUARY,
				pages.district().id(), false, Map.of("number", "1/NQ", "basisDate", "2024-11-30", "signer", "UBND tỉnh")))
			.select("#file-problems tbody td:last-child").text())
			.isEqualTo("Không có đơn vị mã 99999 trong địa bàn của bạn vào ngày 31/12/2024.");
	}

	@Test
	void aBadFileIsRefusedWithAMessagePerRowOrAsAWhole() throws Exception {
		String bad = ReorganisationFileTests.HEADER + "\n2025-07-01,NQ 1,11074,THI_TRAN,Tứ Kỳ,11074,XA,Tứ Kỳ,whole,official"
				+ "\n2025-07-01,NQ 1,11128,XÃ,Minh Đức,11074,XA,Tứ Kỳ,whole,official";
		Document page = html(pages.upload("district", bad.getBytes(StandardCharsets.UTF_8)));
		assertThat(page.select(".alert-error").text()).startsWith("Chưa tạo bản nháp: tệp có 1 dòng sai");
		assertThat(page.select("#file-problems tbody tr")).extracting(Element::text)
			.containsExactly("3 old_kind XÃ Không phải là một loại đơn vị; các loại là: TINH, THANH_PHO_TW, HUYEN, THI_XA,"
					+ " THANH_PHO, QUAN, XA, THI_TRAN, PHUONG, DAC_KHU, THON, KHU_DAN_CU, TO_DAN_PHO.");
		assertThat(page.getElementById("choose")).isNull();
		assertThat(page.getElementById("upload")).isNotNull();

		assertThat(html(pages.upload("district", "a;b\n1;2".getBytes(StandardCharsets.UTF_8))).getElementById("refusal").text())
			.startsWith("Dòng đầu của tệp phải là dòng tiêu đề: effective_from,basis,old_code");
		assertThat(html(pages.upload("district", new byte[ReorganisationFile.MAX_BYTES + 10])).getElementById("refusal").text())
			.isEqualTo("Tệp quá lớn: tối đa 512 KB.");
		assertThat(html(pages.upload("district", new byte[0])).getElementById("refusal").text()).isEqualTo("Tệp trống.");
		// a choice form whose file text went missing asks for the file again, rather than failing
		Document lost = html(pages.post("/reorganisations/import/draft", "district",
				Map.of("content", "", "round", "2025-07-01", "parentId", pages.district().id())));
		assertThat(lost.getElementById("refusal").text()).isEqualTo("Không còn nội dung của tệp; hãy tải tệp lên lại.");
	}

	/** Over the request limit, Tomcat would answer with a bare 413: the filter sends the officer back to the page. */
	@Test
	void anUploadOverTheRequestLimitIsSentBackToTheImportPageWithTheTooLargeMessage() throws Exception {
		HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		URI login = URI.create("http://localhost:" + port + "/login");
		String token = Jsoup.parse(client.send(HttpRequest.newBuilder(login).build(), HttpResponse.BodyHandlers.ofString()).body())
			.selectFirst("input[name=_csrf]")
			.attr("value");
		client.send(HttpRequest.newBuilder(login)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=district&password=demo1234&_csrf="
					+ URLEncoder.encode(token, StandardCharsets.UTF_8)))
			.build(), HttpResponse.BodyHandlers.discarding());
		String boundary = "reorganisation-boundary";
		List<byte[]> parts = new ArrayList<>();
		parts.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"lon.csv\"\r\n"
				+ "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		parts.add(new byte[2 * 1024 * 1024]);
		parts.add(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
		parts.forEach(body::writeBytes);
		// a declared length, as a browser's upload has: the filter decides on it without reading the body
		HttpResponse<String> upload = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/reorganisations/import"))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(upload.statusCode()).isEqualTo(302);
		String location = upload.headers().firstValue("Location").orElseThrow();
		assertThat(location).endsWith("/reorganisations/import?tooLarge=true");
		String shown = client.send(HttpRequest.newBuilder(login.resolve(location)).build(), HttpResponse.BodyHandlers.ofString())
			.body();
		assertThat(Jsoup.parse(shown).getElementById("refusal").text()).isEqualTo("Tệp quá lớn: tối đa 512 KB.");
	}

	@Test
	void onlyOfficersAndAdministratorsImport() throws Exception {
		for (String username : List.of("steering", "commune", "village")) {
			assertThat(pages.get("/reorganisations/import", username).getStatus()).isEqualTo(403);
			assertThat(pages.upload(username, ReorganisationFileTests.sharedFile()).getStatus()).isEqualTo(403);
		}
		assertThat(pages.get("/reorganisations/import", "admin").getStatus()).isEqualTo(200);
	}

}
