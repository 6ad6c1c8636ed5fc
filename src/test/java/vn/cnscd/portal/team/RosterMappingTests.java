package vn.cnscd.portal.team;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.cnscd.portal.team.RosterFiles.row;

import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.annotation.Transactional;

import vn.cnscd.portal.IntegrationTest;
import vn.cnscd.portal.MutableClock;
import vn.cnscd.portal.area.UnitLevel;
import vn.cnscd.portal.area.UnitService;
import vn.cnscd.portal.area.UnitSummary;
import vn.cnscd.portal.team.RosterFiles.OfficeMember;

/**
 * Issue #17: the roster files commune offices already keep import through the mapping step, without
 * retyping: the table is found, its columns matched and shown for the chair to correct, and the same file
 * imported twice adds nobody the second time.
 */
@IntegrationTest
@Transactional
class RosterMappingTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	UnitService units;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RosterUploads uploads;

	@Autowired
	MutableClock clock;

	UnitSummary tuKy;

	RosterImportSteps steps;

	/** Today in Hanoi, where the portal's clock is. */
	LocalDate today;

	String todayShown;

	@BeforeEach
	void tuKy() {
		tuKy = units.findOpen(UnitLevel.COMMUNE, "11074").orElseThrow();
		steps = new RosterImportSteps(mvc, users);
		today = LocalDate.now(clock);
		todayShown = today.format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
	}

	@AfterEach
	void releaseClock() {
		clock.reset();
	}

	long count(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

	/** Dissolves the village's active teams: the import starts from a village without one. */
	void withoutTeam(String code) {
		jdbc.sql("UPDATE team SET status = 'DISSOLVED', dissolved_on = DATE '2024-01-01' WHERE status = 'ACTIVE'"
				+ " AND unit_id = :village")
			.param("village", units.findOpen(UnitLevel.VILLAGE, code).orElseThrow().id())
			.update();
	}

	List<Map<String, Object>> membersOf(String code) {
		return jdbc.sql("""
				SELECT m.full_name, m.gender, m.birth_year, m.phone, m.team_role, m.affiliation, m.joined_on::text AS joined
				FROM team_member m JOIN team t ON t.id = m.team_id JOIN unit u ON u.id = t.unit_id
				WHERE u.code = :code AND t.status = 'ACTIVE' AND m.left_on IS NULL ORDER BY m.id""")
			.param("code", code)
			.query()
			.listOfRows();
	}

	static final List<OfficeMember> OFFICE = List.of(
			new OfficeMember("Trần Văn Bình", true, 1975, "KDC 2", "TT", "Trưởng khu", 912345001, null),
			new OfficeMember("Lê Thị Cúc", false, 1990, "Khu dân cư 2", "TP", "Bí thư chi đoàn", "0975.222.333", null),
			new OfficeMember("Phạm Văn Dũng", true, "x", "Khu 2", "tv", "CCB", "+84 966 444 555", "mới"));

	@Test
	void aCommuneOfficesOwnWorkbookImportsThroughTheMappingStepAndTheSameFileAgainAddsNobody() throws Exception {
		withoutTeam("11074-02");
		byte[] file = RosterFiles.officeWorkbook(OFFICE);

		Document page = steps.uploaded(tuKy, "Danh sach to CNS 2022.xlsx", file);

		assertThat(page.select("h1").text()).isEqualTo("Xem lại danh sách trước khi nhập: Thị trấn Tứ Kỳ");
		assertThat(page.select("form.mapping").text()).contains("Tệp “Danh sach to CNS 2022.xlsx”: dòng tiêu đề là dòng 6.");
		assertThat(page.select("#sheet option").eachText()).containsExactly("Tổng hợp", "DS thành viên");
		assertThat(page.select("#sheet option[selected]").text()).isEqualTo("DS thành viên");
		Map<String, String> columns = new LinkedHashMap<>();
		columns.put("STT", "— Không dùng —");
		columns.put("Họ tên", "Họ và tên");
		columns.put("Nam", "Năm sinh của nam (cột Nam)");
		columns.put("Nữ", "Năm sinh của nữ (cột Nữ)");
		columns.put("Khu dân cư", "Thôn");
		columns.put("Chức danh trong tổ", "Vai trò trong tổ");
		columns.put("Chức vụ", "Thuộc thành phần");
		columns.put("SĐT", "Số điện thoại");
		columns.put("Ghi chú", "— Không dùng —");
		assertThat(RosterImportSteps.columns(page)).containsExactlyEntriesOf(columns);
		assertThat(page.select("#columns tbody tr").get(1).select("td").last().text())
			.isEqualTo("Trần Văn Bình · Lê Thị Cúc · Phạm Văn Dũng");
		assertThat(page.select("#unmatched").text()).isEqualTo("Các cột không dùng: STT, Ghi chú.");
		assertThat(page.select("#problems")).isEmpty();
		assertThat(RosterImportSteps.totals(page)).isEqualTo("3 thành viên sẽ được thêm, 1 dòng bỏ qua, 0 ô cần sửa");
		assertThat(page.select("#rows thead th").eachText()).containsExactly("Dòng", "Thôn", "Họ và tên", "Giới tính",
				"Năm sinh", "Số điện thoại", "Vai trò trong tổ", "Thuộc thành phần", "Ngày tham gia", "Kết quả");
		assertThat(RosterImportSteps.cells(page, "rows")).containsExactly(
				List.of("8", "Khu dân cư 2", "Trần Văn Bình", "Nam", "1975", "0912 345 001", "Tổ trưởng", "Trưởng thôn",
						todayShown, "Sẽ thêm"),
				List.of("9", "Khu dân cư 2", "Lê Thị Cúc", "Nữ", "1990", "0975 222 333", "Tổ phó", "Đoàn Thanh niên", todayShown,
						"Sẽ thêm"),
				List.of("10", "Khu dân cư 2", "Phạm Văn Dũng", "Nam", "", "0966 444 555", "Thành viên", "Hội Cựu chiến binh",
						todayShown, "Sẽ thêm"));
		assertThat(page.select("#errors")).isEmpty();
		assertThat(page.select("button[value=IMPORT]").text()).isEqualTo("Nhập 3 thành viên");
		assertThat(count("SELECT count(*) FROM roster_upload")).isEqualTo(1);
		assertThat(count("SELECT count(*) FROM team_member m JOIN team t ON t.id = m.team_id JOIN unit u ON u.id = t.unit_id"
				+ " WHERE u.code = '11074-02' AND t.status = 'ACTIVE'")).isZero();

		MvcResult imported = steps.importFrom(page);
		assertThat(imported.getResponse().getRedirectedUrl()).isEqualTo(tuKy.url() + "/teams");
		assertThat((Object[]) imported.getFlashMap().get("noticeArgs")).containsExactly(3, 1, 0);
		assertThat(membersOf("11074-02")).extracting(member -> (Object) new ArrayList<>(member.values()))
			.containsExactly(
					List.of("Trần Văn Bình", "MALE", 1975, "0912345001", "LEADER", "VILLAGE_HEAD", today.toString()),
					List.of("Lê Thị Cúc", "FEMALE", 1990, "0975222333", "DEPUTY", "YOUTH_UNION", today.toString()),
					Arrays.asList("Phạm Văn Dũng", "MALE", null, "0966444555", "MEMBER", "VETERANS_ASSOCIATION",
							today.toString()));
		// the file went with the import
		assertThat(count("SELECT count(*) FROM roster_upload")).isZero();

		Document again = steps.uploaded(tuKy, "Danh sach to CNS 2022.xlsx", file);
		assertThat(RosterImportSteps.totals(again)).isEqualTo("0 thành viên sẽ được thêm, 4 dòng bỏ qua, 0 ô cần sửa");
		assertThat(RosterImportSteps.cells(again, "rows")).extracting(cells -> cells.get(cells.size() - 1))
			.containsExactly("Đã có trong tổ (Trần Văn Bình)", "Đã có trong tổ (Lê Thị Cúc)", "Đã có trong tổ (Phạm Văn Dũng)");
		assertThat(again.select(".alert-ok").text()).isEqualTo("Mọi người trong tệp đều đã có trong tổ: không có ai để thêm.");
		assertThat(again.select("button[value=IMPORT]")).isEmpty();
		assertThat(steps.importFrom(again).getResponse().getStatus()).isEqualTo(200);
		assertThat(membersOf("11074-02")).hasSize(3);
	}

	@Test
	void theChairCorrectsWhatAColumnWasMatchedToBeforeAnythingIsWritten() throws Exception {
		withoutTeam("11074-03");
		// the office wrote the roles under "Chức vụ" and the affiliations under "Nhiệm vụ"
		byte[] file = RosterFiles.xlsx(List.of(
				row("Họ và tên", "Giới tính", "Chức vụ", "Nhiệm vụ", "Điện thoại", "Thôn", "Năm sinh"),
				row("Đỗ Văn Giang", "Nam", "Tổ trưởng", "Trưởng thôn", "0987000101", "11074-03", "1/2/1980"),
				row("Vũ Thị Hà", "Nu", "Thành viên", "Hội Phụ nữ", "0987000102", "11074-03", LocalDate.of(1991, 5, 2))));

		Document page = steps.uploaded(tuKy, "ds.xlsx", file);
		assertThat(RosterImportSteps.totals(page)).isEqualTo("0 thành viên sẽ được thêm, 0 dòng bỏ qua, 4 ô cần sửa");
		assertThat(RosterImportSteps.cells(page, "errors")).extracting(cells -> cells.get(1))
			.containsExactly("Nhiệm vụ", "Chức vụ", "Nhiệm vụ", "Chức vụ");

		Document corrected = steps.again(page, Map.of("columns#2", "ROLE", "columns#3", "AFFILIATION"));
		assertThat(RosterImportSteps.columns(corrected)).containsEntry("Chức vụ", "Vai trò trong tổ")
			.containsEntry("Nhiệm vụ", "Thuộc thành phần");
		assertThat(RosterImportSteps.totals(corrected)).isEqualTo("2 thành viên sẽ được thêm, 0 dòng bỏ qua, 0 ô cần sửa");
		assertThat(membersOf("11074-03")).isEmpty();

		// a column left out: its field takes what the import takes without one
		Document without = steps.again(corrected, Map.of("columns#3", ""));
		assertThat(without.select("#defaults").text()).isEqualTo("Tệp không có cột thành phần: mọi người được ghi là Khác.");
		assertThat(without.select("#unmatched").text()).isEqualTo("Các cột không dùng: Nhiệm vụ.");

		MvcResult imported = steps.importFrom(corrected);
		assertThat((Object[]) imported.getFlashMap().get("noticeArgs")).containsExactly(2, 1, 0);
		assertThat(membersOf("11074-03")).extracting(member -> member.get("team_role") + " " + member.get("affiliation")
				+ " " + member.get("birth_year") + " " + member.get("gender"))
			.containsExactly("LEADER VILLAGE_HEAD 1980 MALE", "MEMBER WOMENS_UNION 1991 FEMALE");
	}

	@Test
	void aFileWithoutAVillageColumnTakesTheVillageChosenForTheWholeFileAndTheDateOfJoiningToo() throws Exception {
		withoutTeam("11074-04");
		UnitSummary four = units.findOpen(UnitLevel.VILLAGE, "11074-04").orElseThrow();
		byte[] file = RosterFiles.csv(',', List.of(row("DANH SÁCH TỔ CNSCĐ KHU DÂN CƯ 4"), row(),
				row("STT", "Họ và tên", "Giới tính", "Số điện thoại", "Chức danh"),
				row("1", "Bùi Văn Khoa", "Nam", "0977000401", "Tổ trưởng"),
				row("2", "Bùi Thị Lan", "Nữ", "0977000402", "TV")));

		Document page = steps.uploaded(tuKy, "kdc4.csv", file);
		assertThat(page.select("#problems li").eachText())
			.containsExactly("Tệp không có cột thôn: hãy chọn thôn cho cả tệp.");
		assertThat(page.select("#village option")).hasSize(units.openChildren(tuKy.id()).size() + 1);
		assertThat(page.select("#rows")).isEmpty();
		assertThat(page.select("button[value=IMPORT]")).isEmpty();

		Document chosen = steps.again(page, Map.of("village", String.valueOf(four.id()), "joinedOn", "2022-04-15"));
		assertThat(chosen.select("#problems")).isEmpty();
		assertThat(chosen.select("#defaults").text()).isEqualTo("Tệp không có cột thành phần: mọi người được ghi là Khác.");
		assertThat(RosterImportSteps.cells(chosen, "rows")).extracting(cells -> cells.get(1) + " " + cells.get(8))
			.containsExactly("Khu dân cư 4 15/04/2022", "Khu dân cư 4 15/04/2022");

		steps.importFrom(chosen);
		assertThat(membersOf("11074-04")).extracting(member -> member.get("full_name") + " " + member.get("joined") + " "
				+ member.get("affiliation"))
			.containsExactly("Bùi Văn Khoa 2022-04-15 OTHER", "Bùi Thị Lan 2022-04-15 OTHER");
	}

	@Test
	void aWorkbookOfSeveralListsOpensOnTheOneMostLikeARosterAndTheChairMayChooseAnother() throws Exception {
		byte[] file = RosterFiles.workbook(workbook -> {
			RosterFiles.sheet(workbook, "Ghi chú", List.of(row("Danh sách gửi phòng Văn hóa ngày 20/4/2022")));
			RosterFiles.sheet(workbook, "KDC 5", List.of(row("Họ tên", "SĐT", "Giới tính", "Thôn"),
					row("Lý Văn Minh", "0966000501", "Nam", "KDC 5")));
			RosterFiles.sheet(workbook, "KDC 6 cũ", List.of(row("Họ tên", "SĐT"), row("Lý Thị Na", "0966000601")));
		});
		Document page = steps.uploaded(tuKy, "ds.xlsx", file);
		assertThat(page.select("#sheet option[selected]").text()).isEqualTo("KDC 5");
		assertThat(RosterImportSteps.cells(page, "rows")).extracting(cells -> cells.get(2)).containsExactly("Lý Văn Minh");

		Document other = steps.again(page, Map.of("sheet", "2"));
		assertThat(other.select("#sheet option[selected]").text()).isEqualTo("KDC 6 cũ");
		assertThat(RosterImportSteps.columns(other).keySet()).containsExactly("Họ tên", "SĐT");
		assertThat(other.select("#problems li").eachText()).containsExactly(
				"Chưa có cột nào là Giới tính, hay cặp cột Nam và Nữ.", "Tệp không có cột thôn: hãy chọn thôn cho cả tệp.");

		Document noTable = steps.again(page, Map.of("sheet", "0"));
		assertThat(noTable.select("#problems li").eachText())
			.containsExactly("Không tìm thấy dòng tiêu đề trong 20 dòng đầu của trang này; hãy chọn trang khác.");
		assertThat(noTable.select("#sheet option[selected]").text()).isEqualTo("Ghi chú");
	}

	@Test
	void theNamAndNuColumnsGiveTheGenderAndAPersonUnderBothIsACellToFix() throws Exception {
		byte[] file = RosterFiles.xlsx(List.of(row("Họ và tên", "Nam", "Nữ", "SĐT", "Thôn"),
				row("Mai Văn Ơn", 1970, null, "0911000001", "11074-05"),
				row("Mai Thị Phượng", null, LocalDate.of(1988, 3, 8), "0911000002", "11074-05"),
				row("Mai Thị Quế", 1990, 1990, "0911000003", "11074-05"),
				row("Mai Văn Rạng", null, null, "0911000004", "11074-05")));
		Document page = steps.uploaded(tuKy, "ds.xlsx", file);
		assertThat(RosterImportSteps.cells(page, "rows")).extracting(cells -> cells.get(3) + " " + cells.get(4))
			.containsExactly("Nam 1970", "Nữ 1988", " ", " ");
		assertThat(RosterImportSteps.cells(page, "errors")).containsExactly(
				List.of("4", "Nữ", "1990", "Có năm sinh ở cả cột Nam và cột Nữ; hãy chỉ ghi ở một cột."),
				List.of("5", "Nam", "", "Hãy ghi năm sinh (hoặc dấu x) ở cột Nam hoặc cột Nữ."));
	}

	@Test
	void theKeptFileIsTheUploadersForHalfAnHourAndThenGone() throws Exception {
		byte[] file = RosterFiles.xlsx(List.of(RosterFiles.HEADERS,
				row("11074-05", "Trần Văn Bình", "Nam", 1975, "0912000001", "Tổ trưởng", "Trưởng thôn", "01/05/2024")));
		Document first = steps.uploaded(tuKy, "a.xlsx", file);
		Document second = steps.uploaded(tuKy, "b.xlsx", file);
		// one file kept per user: the second upload took the place of the first
		assertThat(count("SELECT count(*) FROM roster_upload")).isEqualTo(1);
		assertThat(Jsoup.parse(steps.send("commune", first, "PREVIEW", Map.of()).getResponse().getContentAsString())
			.select(".alert-error").text()).startsWith("Tệp đã tải lên chỉ được giữ 30 phút để xem lại");
		assertThat(steps.again(second, Map.of()).select("#rows tbody tr")).hasSize(1);

		clock.set(clock.instant().plus(Duration.ofMinutes(31)));
		Document expired = Jsoup.parse(steps.importFrom(second).getResponse().getContentAsString());
		assertThat(expired.select(".alert-error").text())
			.isEqualTo("Tệp đã tải lên chỉ được giữ 30 phút để xem lại, và đã hết hạn hoặc đã được nhập. Hãy tải tệp lên lại.");
		assertThat(expired.select("form[enctype=multipart/form-data]")).hasSize(1);
		assertThat(count("SELECT count(*) FROM roster_upload")).isEqualTo(1);
		uploads.deleteExpired();
		assertThat(count("SELECT count(*) FROM roster_upload")).isZero();
	}

	@Test
	void aMappingFormTheSiteDidNotWriteIsABadRequest() throws Exception {
		Document page = steps.uploaded(tuKy, "a.xlsx", RosterFiles.xlsx(List.of(RosterFiles.HEADERS,
				row("11074-05", "Trần Văn Bình", "Nam", 1975, "0912000001", "Tổ trưởng", "Trưởng thôn", "01/05/2024"))));
		assertThat(steps.send("commune", page, "PREVIEW", Map.of("upload", "../../etc/passwd")).getResponse().getStatus())
			.isEqualTo(400);
		assertThat(steps.send("commune", page, "PREVIEW", Map.of("columns#1", "PASSWORD")).getResponse().getStatus())
			.isEqualTo(400);
		assertThat(steps.send("commune", page, "PREVIEW", Map.of("sheet", "99999")).getResponse().getStatus())
			.isEqualTo(400);
		// a date typed by hand in a browser without a date picker is the chair's mistake, shown beside the field
		Document typed = Jsoup.parse(steps.send("commune", page, "IMPORT", Map.of("joinedOn", "15/04/2022"))
			.getResponse()
			.getContentAsString());
		assertThat(typed.select("#joinedOn").val()).isEqualTo("15/04/2022");
		assertThat(typed.select("#joinedOn-error")).hasSize(1);
	}

}
