package vn.cnscd.portal.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.annotation.Transactional;

import vn.cnscd.portal.IntegrationTest;
import vn.cnscd.portal.account.AccountService;
import vn.cnscd.portal.account.PortalUser;
import vn.cnscd.portal.area.Actor;
import vn.cnscd.portal.area.UnitLevel;
import vn.cnscd.portal.area.UnitService;
import vn.cnscd.portal.area.UnitSummary;

@IntegrationTest
@Transactional
class RosterExportTests {

	static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

	static final List<String> HEADERS = List.of("Xã", "Mã thôn", "Thôn", "Tổ", "Trạng thái tổ", "Họ và tên",
			"Giới tính", "Năm sinh", "Số điện thoại", "Vai trò trong tổ", "Thuộc thành phần", "Ngày tham gia");

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	AccountService accounts;

	@Autowired
	UnitService units;

	@Autowired
	TeamService teams;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MessageSource messages;

	UnitSummary district;

	UnitSummary tuKy;

	List<UnitSummary> villages;

	@BeforeEach
	void rosters() {
		district = units.findOpen(UnitLevel.DISTRICT, "298").orElseThrow();
		tuKy = units.findOpen(UnitLevel.COMMUNE, "11074").orElseThrow();
		villages = units.openChildren(tuKy.id());
		// the rosters of Tứ Kỳ are those below, whatever the demo data holds
		jdbc.sql("UPDATE team SET status = 'DISSOLVED', dissolved_on = DATE '2024-01-01' WHERE status = 'ACTIVE'"
				+ " AND unit_id IN (SELECT id FROM unit WHERE id = :commune OR parent_id = :commune)")
			.param("commune", tuKy.id())
			.update();
		Actor chair = accounts.actor(((PortalUser) users.loadUserByUsername("commune")).getId()).orElseThrow();
		long communeTeam = teams.create(chair, tuKy.id(), teams.suggestedDetails(tuKy)).id();
		teams.addMember(chair, communeTeam, new MemberDetails("Nguyễn Văn Chủ", Gender.MALE, 1970, "0913000001",
				TeamRole.LEADER, Affiliation.COMMUNE_CHAIR, LocalDate.of(2024, 1, 2)), null);
		long first = teams.create(chair, villages.get(0).id(), teams.suggestedDetails(villages.get(0))).id();
		teams.addMember(chair, first, new MemberDetails("=1+2", Gender.FEMALE, 1999, "0913000012", TeamRole.MEMBER,
				Affiliation.YOUTH_UNION, LocalDate.of(2024, 2, 3)), null);
		teams.addMember(chair, first, new MemberDetails("Trần Văn Bình", Gender.MALE, 1975, "0913000011",
				TeamRole.LEADER, Affiliation.VILLAGE_HEAD, LocalDate.of(2024, 2, 1)), null);
		teams.addMember(chair, first, new MemberDetails("Lê Thị Cúc", Gender.FEMALE, null, "0913000013",
				TeamRole.DEPUTY, Affiliation.WOMENS_UNION, LocalDate.of(2024, 2, 2)), null);
		teams.create(chair, villages.get(1).id(), teams.suggestedDetails(villages.get(1)));
	}

	RequestPostProcessor as(String username) {
		return user(users.loadUserByUsername(username));
	}

	MockHttpServletResponse export(String url, String username) throws Exception {
		return mvc.perform(get(url).with(as(username))).andExpect(status().isOk()).andReturn().getResponse();
	}

	/** The sheet as text, as Excel shows it: numbers without decimals, dates dd/MM/yyyy. */
	static List<List<String>> lines(Sheet sheet) {
		DataFormatter formatter = new DataFormatter();
		List<List<String>> lines = new ArrayList<>();
		for (Row row : sheet) {
			List<String> cells = new ArrayList<>();
			for (int i = 0; i < HEADERS.size(); i++) {
				cells.add(formatter.formatCellValue(row.getCell(i)));
			}
			lines.add(cells);
		}
		return lines;
	}

	long count(String sql, String path) {
		return jdbc.sql(sql).param("path", path + "%").query(Long.class).single();
	}

	/** Data lines an export of a unit's area has: a line per active member, per empty team, per unit without a team. */
	long expectedLines(UnitSummary unit) {
		String under = "(u.ancestor_path || u.id || '/') LIKE :path AND u.valid_to IS NULL";
		return count("SELECT count(*) FROM team_member m JOIN team t ON t.id = m.team_id JOIN unit u ON u.id = t.unit_id"
				+ " WHERE m.left_on IS NULL AND t.status = 'ACTIVE' AND " + under, unit.path())
				+ count("SELECT count(*) FROM team t JOIN unit u ON u.id = t.unit_id WHERE t.status = 'ACTIVE' AND " + under
						+ " AND NOT EXISTS (SELECT 1 FROM team_member m WHERE m.team_id = t.id AND m.left_on IS NULL)",
						unit.path())
				+ count("SELECT count(*) FROM unit u WHERE u.level IN ('COMMUNE', 'VILLAGE') AND " + under
						+ " AND NOT EXISTS (SELECT 1 FROM team t WHERE t.unit_id = u.id AND t.status = 'ACTIVE')",
						unit.path());
	}

	@Test
	void theCommuneExportHoldsEveryTeamAndMemberOfTheCommuneWithVietnameseHeaders() throws Exception {
		MockHttpServletResponse response = export(tuKy.url() + "/roster.xlsx", "commune");
		assertThat(response.getContentType())
			.isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		assertThat(response.getHeader("Content-Disposition")).isEqualTo(
				"attachment; filename=\"danh-sach-to-cnscd-thi-tran-tu-ky.xlsx\"; filename*=UTF-8''danh-sach-to-cnscd-thi-tran-tu-ky.xlsx");
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.getContentAsByteArray()))) {
			Sheet sheet = workbook.getSheetAt(0);
			List<List<String>> lines = lines(sheet);
			assertThat(lines.get(0)).isEqualTo(HEADERS);
			assertThat(lines).hasSize(1 + 1 + 3 + 1 + (villages.size() - 2));
			assertThat(lines.size() - 1).isEqualTo(expectedLines(tuKy));
			UnitSummary first = villages.get(0);
			assertThat(lines.subList(1, 5)).containsExactly(
					List.of("Thị trấn Tứ Kỳ", "", "", "Tổ Công nghệ số cộng đồng thị trấn Tứ Kỳ", "Đủ", "Nguyễn Văn Chủ",
							"Nam", "1970", "0913 000 001", "Tổ trưởng", "Chủ tịch UBND xã", "02/01/2024"),
					List.of("Thị trấn Tứ Kỳ", first.code(), "Khu dân cư 1", "Tổ Công nghệ số cộng đồng khu dân cư 1", "Đủ",
							"Trần Văn Bình", "Nam", "1975", "0913 000 011", "Tổ trưởng", "Trưởng thôn", "01/02/2024"),
					List.of("Thị trấn Tứ Kỳ", first.code(), "Khu dân cư 1", "Tổ Công nghệ số cộng đồng khu dân cư 1", "Đủ",
							"Lê Thị Cúc", "Nữ", "", "0913 000 013", "Tổ phó", "Hội Liên hiệp Phụ nữ", "02/02/2024"),
					List.of("Thị trấn Tứ Kỳ", first.code(), "Khu dân cư 1", "Tổ Công nghệ số cộng đồng khu dân cư 1", "Đủ",
							"'=1+2", "Nữ", "1999", "0913 000 012", "Thành viên", "Đoàn Thanh niên", "03/02/2024"));
			String reasons = messages.getMessage("roster.problem.noLeader", null, VIETNAMESE) + " "
					+ messages.getMessage("roster.problem.tooFewMembers", new Object[] { 0, 2, 5 }, VIETNAMESE);
			assertThat(lines.get(5)).containsExactly("Thị trấn Tứ Kỳ", villages.get(1).code(), "Khu dân cư 2",
					"Tổ Công nghệ số cộng đồng khu dân cư 2", "Chưa đủ: " + reasons, "", "", "", "", "", "", "");
			assertThat(lines.get(6)).containsExactly("Thị trấn Tứ Kỳ", villages.get(2).code(), "Khu dân cư 3", "",
					"Chưa có tổ", "", "", "", "", "", "", "");

			Cell name = sheet.getRow(4).getCell(5);
			assertThat(name.getCellType()).isEqualTo(CellType.STRING);
			assertThat(name.getStringCellValue()).isEqualTo("'=1+2");
			Cell joined = sheet.getRow(1).getCell(11);
			assertThat(joined.getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat(DateUtil.isCellDateFormatted(joined)).isTrue();
			assertThat(joined.getCellStyle().getDataFormatString()).isEqualTo("dd/mm/yyyy");
			assertThat(joined.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2024, 1, 2));
			assertThat(sheet.getRow(1).getCell(7).getNumericCellValue()).isEqualTo(1970);
		}
	}

	@Test
	void theDistrictExportHoldsEveryCommuneOfTheDistrict() throws Exception {
		MockHttpServletResponse response = export(district.url() + "/roster.xlsx", "district");
		assertThat(response.getHeader("Content-Disposition")).startsWith(
				"attachment; filename=\"danh-sach-to-cnscd-huyen-tu-ky.xlsx\"");
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.getContentAsByteArray()))) {
			List<List<String>> lines = lines(workbook.getSheetAt(0));
			assertThat(lines.get(0)).isEqualTo(HEADERS);
			assertThat(lines.size() - 1).isEqualTo(expectedLines(district));
			assertThat(communes(lines)).hasSize(23).contains("Thị trấn Tứ Kỳ", "Xã Đại Sơn");
			assertThat(lines.get(1).get(5)).isEqualTo("Nguyễn Văn Chủ");
			MockHttpServletResponse commune = export(tuKy.url() + "/roster.xlsx", "district");
			try (XSSFWorkbook communeWorkbook = new XSSFWorkbook(new ByteArrayInputStream(commune.getContentAsByteArray()))) {
				List<List<String>> communeLines = lines(communeWorkbook.getSheetAt(0));
				assertThat(lines.stream().filter(line -> line.get(0).equals("Thị trấn Tứ Kỳ")).toList())
					.isEqualTo(communeLines.subList(1, communeLines.size()));
			}
		}
	}

	@Test
	void aSteeringMemberExportsOnlyTheCommunesInTheirCharge() throws Exception {
		MockHttpServletResponse response = export(district.url() + "/roster.xlsx", "steering");
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.getContentAsByteArray()))) {
			assertThat(communes(lines(workbook.getSheetAt(0))))
				.containsExactlyInAnyOrder("Thị trấn Tứ Kỳ", "Xã Đại Sơn", "Xã Hưng Đạo");
		}
		export(tuKy.url() + "/roster.xlsx", "steering");
	}

	@Test
	void nobodyExportsOutsideTheirArea() throws Exception {
		UnitSummary other = units.findOpen(UnitLevel.COMMUNE, "11089").orElseThrow();
		mvc.perform(get(other.url() + "/roster.xlsx").with(as("steering"))).andExpect(status().isForbidden());
		mvc.perform(get(other.url() + "/roster.xlsx").with(as("commune"))).andExpect(status().isForbidden());
		mvc.perform(get(district.url() + "/roster.xlsx").with(as("commune"))).andExpect(status().isForbidden());
		mvc.perform(get(tuKy.url() + "/roster.xlsx").with(as("village"))).andExpect(status().isForbidden());
		mvc.perform(get("/communes/" + district.id() + "/roster.xlsx").with(as("district")))
			.andExpect(status().isNotFound());
		mvc.perform(get(tuKy.url() + "/roster.xlsx")).andExpect(status().is3xxRedirection());
	}

	static Set<String> communes(List<List<String>> lines) {
		Set<String> communes = new TreeSet<>();
		lines.subList(1, lines.size()).forEach(line -> communes.add(line.get(0)));
		return communes;
	}

}
