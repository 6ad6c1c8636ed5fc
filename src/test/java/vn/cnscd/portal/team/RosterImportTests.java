package vn.cnscd.portal.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.cnscd.portal.team.RosterFiles.HEADERS;
import static vn.cnscd.portal.team.RosterFiles.row;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.annotation.Transactional;

import vn.cnscd.portal.IntegrationTest;
import vn.cnscd.portal.area.UnitLevel;
import vn.cnscd.portal.area.UnitService;
import vn.cnscd.portal.area.UnitSummary;

@IntegrationTest
@Transactional
class RosterImportTests {

	static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

	static final LocalDate JOINED = LocalDate.of(2024, 5, 1);

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	UnitService units;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MessageSource messages;

	UnitSummary tuKy;

	List<UnitSummary> villages;

	RosterImportSteps steps;

	@BeforeEach
	void tuKy() {
		tuKy = units.findOpen(UnitLevel.COMMUNE, "11074").orElseThrow();
		villages = units.openChildren(tuKy.id());
		steps = new RosterImportSteps(mvc, users);
	}

	RequestPostProcessor as(String username) {
		return user(users.loadUserByUsername(username));
	}

	String importUrl(UnitSummary commune) {
		return commune.url() + "/roster-import";
	}

	ResultActions upload(String username, UnitSummary commune, String fileName, byte[] content) throws Exception {
		return mvc.perform(multipart(importUrl(commune))
			.file(new MockMultipartFile("file", fileName, "application/octet-stream", content))
			.with(as(username))
			.with(csrf()));
	}

	/** The page the upload answers with: the mapping step, or the upload page with the refusal. */
	Document uploaded(String fileName, byte[] content) throws Exception {
		return steps.uploaded(tuKy, fileName, content);
	}

	long count(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

	long members() {
		return count("SELECT count(*) FROM team_member");
	}

	long teams() {
		return count("SELECT count(*) FROM team");
	}

	long last(String table) {
		return count("SELECT coalesce(max(id), 0) FROM " + table);
	}

	/** Dissolves the villages' active teams: a test starts from villages without one, whatever the demo data. */
	void withoutTeam(String... villageCodes) {
		for (String code : villageCodes) {
			jdbc.sql("UPDATE team SET status = 'DISSOLVED', dissolved_on = DATE '2024-01-01'"
					+ " WHERE status = 'ACTIVE' AND unit_id = :village")
				.param("village", units.findOpen(UnitLevel.VILLAGE, code).orElseThrow().id())
				.update();
		}
	}

	/** A new, empty team, the only active one of the village. */
	long villageTeam(String villageCode, String name) {
		withoutTeam(villageCode);
		long village = units.findOpen(UnitLevel.VILLAGE, villageCode).orElseThrow().id();
		return jdbc.sql("INSERT INTO team (unit_id, level, name) VALUES (:unit, 'VILLAGE', :name) RETURNING id")
			.param("unit", village)
			.param("name", name)
			.query(Long.class)
			.single();
	}

	void member(long team, String name, String phone) {
		jdbc.sql("""
				INSERT INTO team_member (team_id, full_name, search_text, gender, phone, team_role, affiliation, joined_on)
				VALUES (:team, :name, :name, 'MALE', :phone, 'LEADER', 'VILLAGE_HEAD', DATE '2023-01-01')""")
			.param("team", team)
			.param("name", name)
			.param("phone", phone)
			.update();
	}

	List<String> membersOfVillage(String code) {
		return jdbc.sql("""
				SELECT m.full_name FROM team_member m JOIN team t ON t.id = m.team_id JOIN unit u ON u.id = t.unit_id
				WHERE u.code = :code AND u.level = 'VILLAGE' AND t.status = 'ACTIVE' ORDER BY m.id""")
			.param("code", code)
			.query(String.class)
			.list();
	}

	@Test
	void aGoodWorkbookIsImportedIntoTheVillageTeamsAndAVillageWithoutOneGetsANewTeam() throws Exception {
		long existing = villageTeam("11074-01", "Tổ CNSCĐ khu dân cư 1");
		withoutTeam("11074-02");
		long membersBefore = members();
		long lastMember = last("team_member");
		long lastTeam = last("team");
		byte[] file = RosterFiles.xlsx(List.of(HEADERS,
				row("11074-01", "Trần Văn Bình", "Nam", 1975, "0912 000 001", "Tổ trưởng", "Trưởng thôn", JOINED),
				// a phone typed into a number cell loses its leading zero; a date typed as text
				row("11074-01", "Lê Thị Cúc", "Nữ", 1990, 912000002, "Thành viên", "Hội Liên hiệp Phụ nữ", "01/06/2024"),
				// a village by its name, labels without diacritics, no year of birth
				row("Khu dân cư 2", "Phạm Văn Dũng", "nam", null, "+84 912 000 003", "to truong", "truong thon", JOINED),
				row("2", "Hoàng Thị Em", "NỮ", 1995, "0912000004", "Tổ phó", "Đoàn Thanh niên", JOINED)));

		assertThat(steps.imported(tuKy, "danh-sach.xlsx", file)).containsExactly(4, 1, 0);

		assertThat(members()).isEqualTo(membersBefore + 4);
		assertThat(jdbc.sql("SELECT full_name FROM team_member WHERE team_id = :team ORDER BY id")
			.param("team", existing)
			.query(String.class)
			.list()).containsExactly("Trần Văn Bình", "Lê Thị Cúc");
		assertThat(membersOfVillage("11074-02")).containsExactly("Phạm Văn Dũng", "Hoàng Thị Em");
		assertThat(jdbc.sql("""
				SELECT t.name FROM team t JOIN unit u ON u.id = t.unit_id WHERE u.code = '11074-02' AND t.status = 'ACTIVE'""")
			.query(String.class)
			.list()).containsExactly("Tổ Công nghệ số cộng đồng khu dân cư 2");
		assertThat(jdbc.sql("""
				SELECT gender, birth_year, phone, team_role, affiliation, joined_on::text, search_text FROM team_member
				WHERE full_name = 'Lê Thị Cúc' AND id > :last""")
			.param("last", lastMember)
			.query()
			.listOfRows()
			.get(0)
			.values())
			.containsExactly("FEMALE", 1990, "0912000002", "MEMBER", "WOMENS_UNION", "2024-06-01", "le thi cuc 0912000002");
		assertThat(jdbc.sql("SELECT birth_year FROM team_member WHERE full_name = 'Phạm Văn Dũng' AND id > :last")
			.param("last", lastMember)
			.query(Integer.class)
			.list()).containsExactly((Integer) null);

		assertThat(count("SELECT count(DISTINCT entity_id) FROM audit_event WHERE action = 'MEMBER_ADDED'"
				+ " AND actor_name = 'commune' AND entity_id > " + lastMember)).isEqualTo(4);
		assertThat(jdbc.sql("""
				SELECT e.field || '=' || e.new_value FROM audit_event e JOIN team_member m ON m.id = e.entity_id
				WHERE e.entity_type = 'MEMBER' AND e.action = 'MEMBER_ADDED' AND m.full_name = 'Lê Thị Cúc' AND m.id > :last
				ORDER BY e.id""")
			.param("last", lastMember)
			.query(String.class)
			.list()).containsExactly("fullName=Lê Thị Cúc", "gender=FEMALE", "birthYear=1990", "phone=0912000002",
					"role=MEMBER", "affiliation=WOMENS_UNION", "joinedOn=2024-06-01");
		assertThat(count("SELECT count(DISTINCT entity_id) FROM audit_event WHERE action = 'TEAM_CREATED'"
				+ " AND actor_name = 'commune' AND entity_id > " + lastTeam)).isEqualTo(1);
		assertThat(messages.getMessage("rosterImport.imported", new Object[] { 4, 1, 0 }, VIETNAMESE))
			.isEqualTo("Đã nhập 4 thành viên từ tệp. Đã lập 1 tổ mới cho thôn chưa có tổ.");
		assertThat(messages.getMessage("rosterImport.imported", new Object[] { 2, 0, 3 }, VIETNAMESE)).isEqualTo(
				"Đã nhập 2 thành viên từ tệp. Không phải lập tổ mới. 3 người đã có trong tổ nên không thêm lại.");
	}

	@Test
	void aGoodCsvIsImported() throws Exception {
		withoutTeam("11074-03");
		long teamsBefore = teams();
		long lastMember = last("team_member");
		byte[] file = RosterFiles.csv(';', List.of(HEADERS,
				row("khu dan cu 3", "Đỗ Văn Giang", "Nam", "1980", "0987 000 101", "Tổ trưởng", "Trưởng thôn", "5/3/2024"),
				row("11074-03", "Vũ Thị Hà", "Nữ", "", "0987000102", "Thành viên", "Giáo viên tiểu học", "05/03/2024"),
				row("11074-03", "Ngô Văn Ích, con", "Nam", "2001", "0987000103", "Thành viên", "Khác", "05/03/2024")));

		assertThat(steps.imported(tuKy, "danh-sach.csv", file)).containsExactly(3, 1, 0);

		assertThat(teams()).isEqualTo(teamsBefore + 1);
		assertThat(membersOfVillage("11074-03")).containsExactly("Đỗ Văn Giang", "Vũ Thị Hà", "Ngô Văn Ích, con");
		assertThat(jdbc.sql("SELECT joined_on::text FROM team_member WHERE full_name = 'Đỗ Văn Giang' AND id > :last")
			.param("last", lastMember)
			.query(String.class)
			.single()).isEqualTo("2024-03-05");
		assertThat(count("SELECT count(*) FROM audit_event WHERE action = 'MEMBER_ADDED' AND field = 'fullName'"
				+ " AND entity_id > " + lastMember)).isEqualTo(3);
	}

	@Test
	void aFileWithThreeBadRowsImportsNothingAndListsEveryBadCell() throws Exception {
		withoutTeam("11074-01", "11074-02");
		long membersBefore = members();
		long teamsBefore = teams();
		LocalDate future = LocalDate.now().plusDays(10);
		byte[] file = RosterFiles.xlsx(List.of(HEADERS,
				row("11074-01", "Trần Văn Bình", "Nam", 1975, "0912000001", "Tổ trưởng", "Trưởng thôn", JOINED),
				row("11074-01", "Lê Thị Cúc", "Không rõ", 1990, "0912000002", "Thành viên", "Khác", JOINED),
				row("11074-01", "Phạm Văn Dũng", "Nam", 1980, "0912000003", "Thành viên", "Khác", JOINED),
				row("11074-02", "Hoàng Thị Em", "Nữ", 1995, "12345", "Thành viên", "Khác", future),
				row("11074-02", "Đỗ Văn Giang", "Nam", 1970, "0912000005", "Tổ trưởng", "Trưởng thôn", JOINED),
				row("11083-01", "Vũ Thị Hà", "Nữ", 1985, "0912000006", "Thành viên", "Khác", JOINED)));

		Document page = uploaded("danh-sach.xlsx", file);

		assertThat(RosterImportSteps.totals(page)).isEqualTo("3 thành viên sẽ được thêm, 0 dòng bỏ qua, 4 ô cần sửa");
		assertThat(page.select(".alert-error strong").text()).isEqualTo("Chưa nhập dòng nào: tệp có 3 dòng sai");
		assertThat(RosterImportSteps.cells(page, "errors")).containsExactly(
				List.of("3", "Giới tính", "Không rõ", "Hãy ghi một trong các giá trị: Nam, Nữ."),
				List.of("5", "Số điện thoại", "12345",
						"Số di động Việt Nam gồm 10 chữ số, bắt đầu bằng 03, 05, 07, 08 hoặc 09 (ví dụ 0912 345 678)."),
				List.of("5", "Ngày tham gia", future.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")),
						"Ngày tham gia không được sau hôm nay."),
				List.of("7", "Thôn", "11083-01",
						"Thôn này không thuộc Thị trấn Tứ Kỳ; bạn chỉ nhập được thành viên cho các thôn của xã mình."));
		assertThat(page.select("#errors td[data-label]").eachAttr("data-label")).contains("Dòng", "Cột", "Giá trị", "Lý do");
		assertThat(page.select("button[value=IMPORT]")).isEmpty();

		// sent anyway, the import refuses the same way and writes nothing
		MvcResult forced = steps.importFrom(page);
		assertThat(forced.getResponse().getStatus()).isEqualTo(200);
		assertThat(RosterImportSteps.cells(Jsoup.parse(forced.getResponse().getContentAsString()), "errors")).hasSize(4);
		assertThat(members()).isEqualTo(membersBefore);
		assertThat(teams()).isEqualTo(teamsBefore);
	}

	@Test
	void theErrorsAreInTheUsersLanguage() throws Exception {
		byte[] file = RosterFiles.xlsx(List.of(HEADERS,
				row("99999-99", "Trần Văn Bình", "Nam", 1899, "0912000001", "Chủ tịch", "Trưởng thôn", "31/02/2024")));
		Document page = Jsoup.parse(steps.upload("commune", tuKy, "x.xlsx", file, "?lang=en").getContentAsString());
		assertThat(RosterImportSteps.cells(page, "errors"))
			.containsExactly(List.of("2", "Thôn", "99999-99", "No village of Thị trấn Tứ Kỳ has this code or name."),
					List.of("2", "Năm sinh", "1899",
							"The year of birth must be a whole number from 1930 to " + LocalDate.now().getYear() + "."),
					List.of("2", "Vai trò trong tổ", "Chủ tịch", "Write one of: Tổ trưởng, Tổ phó, Thành viên."),
					List.of("2", "Ngày tham gia", "31/02/2024", "Write the date as day/month/year, e.g. 15/03/2024."));
		assertThat(RosterImportSteps.totals(page)).isEqualTo("No member to add, no line left out, 4 cells to correct");
	}

	@Test
	void aPhoneTwiceInOneVillageIsARowErrorAndSomeoneAlreadyInTheTeamIsNotAddedAgain() throws Exception {
		long team = villageTeam("11074-01", "Tổ CNSCĐ khu dân cư 1");
		member(team, "Trần Văn Bình", "0912000001");
		withoutTeam("11074-02", "11074-03");
		long membersBefore = members();
		byte[] file = RosterFiles.xlsx(List.of(HEADERS,
				row("11074-01", "Trần Văn Bình", "Nam", 1975, "0912000001", "Tổ trưởng", "Trưởng thôn", JOINED),
				row("11074-02", "Lê Thị Cúc", "Nữ", 1990, "0912000002", "Thành viên", "Khác", JOINED),
				// the same phone in another village is another person's business, not an error of the file
				row("11074-03", "Lê Thị Cúc", "Nữ", 1990, "0912000002", "Thành viên", "Khác", JOINED),
				row("Khu dân cư 2", "Lê Cúc", "Nữ", 1990, "0912 000 002", "Thành viên", "Khác", JOINED)));

		Document page = uploaded("danh-sach.xlsx", file);

		assertThat(RosterImportSteps.cells(page, "errors")).containsExactly(
				List.of("5", "Số điện thoại", "0912 000 002", "Số điện thoại này đã có ở dòng 3, cùng thôn."));
		assertThat(RosterImportSteps.cells(page, "rows")).extracting(cells -> cells.get(cells.size() - 1))
			.containsExactly("Đã có trong tổ (Trần Văn Bình)", "Sẽ thêm", "Sẽ thêm", "Cần sửa");
		assertThat(RosterImportSteps.totals(page)).isEqualTo("2 thành viên sẽ được thêm, 1 dòng bỏ qua, 1 ô cần sửa");
		assertThat(members()).isEqualTo(membersBefore);
	}

	@Test
	void theExampleRowOfTheTemplateIsNotImported() throws Exception {
		withoutTeam(RosterTemplate.EXAMPLE_VILLAGE);
		Document page = uploaded("mau.xlsx", mvc.perform(get("/roster-import/template.xlsx").with(as("commune")))
			.andReturn()
			.getResponse()
			.getContentAsByteArray());
		assertThat(RosterImportSteps.cells(page, "errors"))
			.containsExactly(List.of("2", "Họ và tên", "Nguyễn Văn An", "Đây là dòng ví dụ của tệp mẫu; hãy xóa dòng này."));
	}

	static Stream<Arguments> refusedFiles() {
		List<List<Object>> good = List.of(HEADERS,
				row("11074-01", "Trần Văn Bình", "Nam", 1975, "0912000001", "Tổ trưởng", "Trưởng thôn", JOINED));
		byte[] png = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 1, 0 };
		StringBuilder large = new StringBuilder("Thôn,Họ và tên,Giới tính,Năm sinh,Số điện thoại,Vai trò trong tổ,Thuộc thành phần,Ngày tham gia\r\n");
		while (large.length() <= 5 * 1024 * 1024) {
			large.append("11074-01,Trần Văn Bình,Nam,1975,0912000001,Tổ trưởng,Trưởng thôn,01/05/2024\r\n");
		}
		byte[] macros = RosterFiles.withPart(RosterFiles.xlsx(good), "xl/vbaProject.bin",
				"application/vnd.ms-office.vbaProject", new byte[512]);
		byte[] document = RosterFiles.replaceInContentTypes(RosterFiles.xlsx(good),
				"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
				"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml");
		String notSpreadsheet = "Tệp này không phải bảng tính .xlsx hoặc .csv, dù tên tệp là gì.";
		return Stream.of(
				Arguments.of("danh-sach.csv", large.toString().getBytes(StandardCharsets.UTF_8),
						"Tệp lớn hơn 5 MB nên không được nhận."),
				Arguments.of("anh.xlsx", png, notSpreadsheet),
				Arguments.of("danh-sach.xlsx", macros, "Tệp có macro nên không được nhận."),
				Arguments.of("danh-sach.xlsx", document, notSpreadsheet),
				Arguments.of("danh-sach.xlsx", RosterFiles.xlsx(List.of(HEADERS)),
						"Tệp không có dòng thành viên nào dưới dòng tiêu đề."),
				Arguments.of("danh-sach.csv", "Thôn,Tên thôn\r\n11074-01,An\r\n".getBytes(StandardCharsets.UTF_8),
						"Không tìm thấy dòng tiêu đề của danh sách trong 20 dòng đầu của tệp."),
				Arguments.of("danh-sach.csv", new byte[0], "Tệp không có dòng thành viên nào dưới dòng tiêu đề."));
	}

	@ParameterizedTest
	@MethodSource("refusedFiles")
	void aFileThatIsNotARosterSpreadsheetIsRefusedWithItsMessageAndNothingIsImported(String name, byte[] content,
			String message) throws Exception {
		long membersBefore = members();
		Document page = uploaded(name, content);
		assertThat(page.select(".alert-error").text()).startsWith(message);
		assertThat(page.select("form.mapping")).isEmpty();
		assertThat(page.select("form[enctype=multipart/form-data]")).hasSize(1);
		assertThat(members()).isEqualTo(membersBefore);
		assertThat(count("SELECT count(*) FROM roster_upload")).isZero();
	}

	@Test
	void aWorkbookWithAMacroEnabledMainPartIsRefused() throws Exception {
		byte[] good = RosterFiles.xlsx(List.of(HEADERS));
		String normal = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
		byte[] xlsm = RosterFiles.replaceInContentTypes(good, normal, "application/vnd.ms-excel.sheet.macroEnabled.main+xml");
		assertThat(uploaded("x.xlsx", xlsm).select(".alert-error").text())
			.startsWith("Tệp có macro nên không được nhận.");
	}

	@Test
	void uploadingWithoutAFileAsksForOne() throws Exception {
		Document page = Jsoup.parse(mvc.perform(multipart(importUrl(tuKy)).with(as("commune")).with(csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(page.select(".alert-error").text()).isEqualTo("Hãy chọn tệp danh sách để tải lên.");
	}

	@Test
	void onlyTheChairOfTheCommuneImports() throws Exception {
		UnitSummary other = units.findOpen(UnitLevel.COMMUNE, "11083").orElseThrow();
		byte[] file = RosterFiles.xlsx(List.of(HEADERS, row(units.openChildren(other.id()).get(0).code(), "Trần Văn Bình",
				"Nam", 1975, "0912000001", "Tổ trưởng", "Trưởng thôn", JOINED)));
		long membersBefore = members();
		upload("commune", other, "x.xlsx", file).andExpect(status().isForbidden());
		mvc.perform(get(importUrl(other)).with(as("commune"))).andExpect(status().isForbidden());
		Document mapping = uploaded("x.xlsx", RosterFiles.xlsx(List.of(HEADERS,
				row("11074-05", "Trần Văn Bình", "Nam", 1975, "0912000001", "Tổ trưởng", "Trưởng thôn", JOINED))));
		for (String username : List.of("village", "district", "steering")) {
			mvc.perform(get(importUrl(tuKy)).with(as(username))).andExpect(status().isForbidden());
			upload(username, tuKy, "x.xlsx", file).andExpect(status().isForbidden());
			assertThat(steps.send(username, mapping, "IMPORT", Map.of()).getResponse().getStatus()).isEqualTo(403);
		}
		mvc.perform(get(villages.get(0).url().replace("/villages/", "/communes/") + "/roster-import").with(as("commune")))
			.andExpect(status().isNotFound());
		assertThat(members()).isEqualTo(membersBefore);
	}

	@Test
	void thePageExplainsTheFile() throws Exception {
		Document page = Jsoup.parse(mvc.perform(get(importUrl(tuKy)).with(as("commune")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(page.select("h1").text()).isEqualTo("Nhập danh sách thành viên: Thị trấn Tứ Kỳ");
		Element form = page.selectFirst("form[enctype=multipart/form-data]");
		assertThat(form.attr("method")).isEqualTo("post");
		assertThat(form.attr("action")).isEqualTo(importUrl(tuKy));
		assertThat(form.select("input[type=hidden][name=_csrf]")).hasSize(1);
		assertThat(form.select("input[type=file][name=file]")).hasSize(1);
		assertThat(form.select("#file-hint").text()).isEqualTo(
				"Tệp .xlsx hoặc .csv, tối đa 5 MB và 2.000 dòng thành viên, không có macro. Mỗi tổ có tối đa 50 thành viên.");
		assertThat(page.select("a[href=" + importUrl(tuKy) + "/template.xlsx]")).hasSize(1);
		assertThat(page.select("a[href=/roster-import/template.csv]")).hasSize(1);
		assertThat(page.select("table").get(0).select("tbody td[lang=vi]").eachText()).isEqualTo(
				HEADERS.stream().map(Object::toString).toList());
		assertThat(page.select("table").get(0).text()).contains("Trưởng thôn, Chủ tịch UBND xã, Đoàn Thanh niên");
		assertThat(page.select("table").get(1).select("tbody tr")).hasSize(villages.size());
	}

}
