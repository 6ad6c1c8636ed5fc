package vn.cnscd.portal.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static vn.cnscd.portal.team.RosterFiles.HEADERS;
import static vn.cnscd.portal.team.RosterFiles.row;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

import vn.cnscd.portal.IntegrationTest;
import vn.cnscd.portal.account.AccountService;
import vn.cnscd.portal.account.PortalUser;
import vn.cnscd.portal.area.Actor;
import vn.cnscd.portal.area.UnitLevel;
import vn.cnscd.portal.area.UnitService;
import vn.cnscd.portal.area.UnitSummary;
import vn.cnscd.portal.upload.UploadSlots;
import vn.cnscd.portal.upload.ZipBombs;

/**
 * Issue #11: what one chair's roster file can do to everyone. A file holds at most 2,000 members, said before
 * the rows are read; a zip bomb is refused before it is unpacked; no file of any size or shape answers 500;
 * an upload waits for no other, and finds the portal busy rather than queueing; a team holds at most 50
 * members, whether they come from the form or from a file.
 */
@IntegrationTest
@Transactional
class RosterImportLimitsTests {

	static final LocalDate JOINED = LocalDate.of(2024, 5, 1);

	static final String TOO_MANY_ROWS = "Tệp có hơn 2.000 dòng thành viên nên không được nhận.";

	static final String TOO_MUCH_DATA = "Tệp có quá nhiều dữ liệu so với danh sách thành viên của một xã, hoặc nén bất"
			+ " thường, nên không được nhận.";

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

	@Autowired
	TeamService teams;

	@Autowired
	AccountService accounts;

	UnitSummary tuKy;

	RosterImportSteps steps;

	@BeforeEach
	void tuKy() {
		tuKy = units.findOpen(UnitLevel.COMMUNE, "11074").orElseThrow();
		steps = new RosterImportSteps(mvc, users);
	}

	long members() {
		return jdbc.sql("SELECT count(*) FROM team_member").query(Long.class).single();
	}

	long userId(String username) {
		return ((PortalUser) users.loadUserByUsername(username)).getId();
	}

	/** The page of a refused upload: the upload form again, with the refusal. */
	String refusal(String fileName, byte[] content) throws Exception {
		long before = members();
		long kept = jdbc.sql("SELECT count(*) FROM roster_upload").query(Long.class).single();
		MockHttpServletResponse response = steps.upload("commune", tuKy, fileName, content, "");
		assertThat(response.getStatus()).isEqualTo(200);
		Document page = Jsoup.parse(response.getContentAsString());
		assertThat(page.select("form[enctype=multipart/form-data]")).hasSize(1);
		assertThat(page.select("form.mapping")).isEmpty();
		assertThat(members()).isEqualTo(before);
		assertThat(jdbc.sql("SELECT count(*) FROM roster_upload").query(Long.class).single()).isEqualTo(kept);
		return page.select(".alert-error").text();
	}

	/** A valid member row of a Tứ Kỳ village, its phone from the number. */
	static List<Object> member(int n) {
		return row("11074-0" + (1 + n % 5), "Người Thứ " + n, n % 2 == 0 ? "Nam" : "Nữ", 1960 + n % 40,
				String.format("09%08d", n), "Thành viên", "Khác", "01/05/2024");
	}

	@Test
	void aCsvOfSixtyTwoThousandValidRowsIsRefusedAtTheRowLimitWithoutReadingItAll() throws Exception {
		StringBuilder csv = new StringBuilder(String.join(",", HEADERS.stream().map(Object::toString).toList()))
			.append("\r\n");
		for (int n = 0; n < 62_000; n++) {
			csv.append(String.join(",", member(n).stream().map(Object::toString).toList())).append("\r\n");
		}
		byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);
		assertThat(file.length).isBetween(4 * 1024 * 1024, 5 * 1024 * 1024);
		long began = System.nanoTime();
		assertThat(refusal("danh-sach.csv", file)).startsWith(TOO_MANY_ROWS);
		// it stops where the limit is passed: seconds where it once took 34 minutes
		assertThat((System.nanoTime() - began) / 1_000_000_000).isLessThan(30);
	}

	@Test
	void aWorkbookOfTwoThousandAndOneMembersIsRefusedAndOneOfTwoThousandGoesToTheMappingStep() throws Exception {
		jdbc.sql("UPDATE team SET status = 'DISSOLVED', dissolved_on = DATE '2024-01-01' WHERE status = 'ACTIVE'"
				+ " AND unit_id IN (SELECT id FROM unit WHERE code IN ('11074-01', '11074-02', '11074-03', '11074-04', '11074-05'))")
			.update();
		List<List<Object>> rows = new ArrayList<>(List.of(row("DANH SÁCH THÀNH VIÊN"), HEADERS));
		for (int n = 0; n < 2_000; n++) {
			rows.add(member(n));
		}
		rows.add(row(null, "Tổng cộng: 2.000 người"));
		Document page = steps.uploaded(tuKy, "ds.xlsx", RosterFiles.xlsx(rows));
		// accepted for the mapping step; the teams of five villages cannot hold them all
		assertThat(RosterImportSteps.totals(page)).startsWith("250 thành viên sẽ được thêm");
		assertThat(page.select("#errors tbody tr")).hasSize(RosterImportController.ERRORS_SHOWN);

		rows.add(rows.size() - 1, member(2_000));
		assertThat(refusal("ds.xlsx", RosterFiles.xlsx(rows))).startsWith(TOO_MANY_ROWS);
	}

	@Test
	void aZipBombedWorkbookIsRefusedWithTheRostersOwnMessageBeforeItIsUnpacked() throws Exception {
		byte[] good = RosterFiles.xlsx(List.of(HEADERS, member(1)));
		byte[] bomb = ZipBombs.padded(good, "xl/worksheets/sheet1.xml", "worksheet", 200);
		assertThat(bomb.length).isLessThan(300 * 1024);
		assertThat(refusal("ds.xlsx", bomb)).startsWith(TOO_MUCH_DATA);
		// the same bomb with a directory that says it is small: refused as soon as it unpacks past that
		assertThat(refusal("ds.xlsx", ZipBombs.lyingAbout(bomb, "xl/worksheets/sheet1.xml", 4096))).startsWith(TOO_MUCH_DATA);
		// within the size limits but packed a thousandfold
		assertThat(refusal("ds.xlsx", ZipBombs.padded(good, "xl/worksheets/sheet1.xml", "worksheet", 20)))
			.startsWith(TOO_MUCH_DATA);
		// the shared strings, read whole into memory, have a lower limit of their own, whatever they pack to
		StringBuilder strings = new StringBuilder("<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>");
		Random random = new Random(7);
		while (strings.length() < 9 * 1024 * 1024) {
			strings.append((char) ('a' + random.nextInt(4)));
		}
		strings.append("</t></si></sst>");
		byte[] wordy = RosterFiles.replacePart(good, "xl/sharedStrings.xml", strings.toString().getBytes(StandardCharsets.UTF_8));
		assertThat(wordy.length).isLessThan(5 * 1024 * 1024);
		assertThat(refusal("ds.xlsx", wordy)).startsWith(TOO_MUCH_DATA);
	}

	@Test
	void anOversizedWorkbookIsRefusedBeforeItIsOpened() throws Exception {
		byte[] noise = new byte[6 * 1024 * 1024];
		new Random(11).nextBytes(noise);
		byte[] oversized = RosterFiles.withPart(RosterFiles.xlsx(List.of(HEADERS, member(1))), "xl/media/image1.png",
				"image/png", noise);
		assertThat(refusal("ds.xlsx", oversized)).startsWith("Tệp lớn hơn 5 MB nên không được nhận.");
	}

	@Test
	void noUploadOfAnyShapeAnswersAServerError() throws Exception {
		byte[] good = RosterFiles.xlsx(List.of(HEADERS, member(1)));
		List<byte[]> shapes = new ArrayList<>();
		shapes.add("PK\u0003\u0004".getBytes(StandardCharsets.ISO_8859_1));
		shapes.add(Arrays.copyOf(good, good.length / 2));
		shapes.add(RosterFiles.replaceInContentTypes(good, "<Types", "<Typos"));
		shapes.add(ZipBombs.padded(good, "xl/workbook.xml", "workbook", 1));
		shapes.add(ZipBombs.padded(good, "[Content_Types].xml", "Types", 1));
		shapes.add(ZipBombs.padded(good, "xl/styles.xml", "styleSheet", 1));
		shapes.add(RosterFiles.replacePart(good, "xl/worksheets/sheet1.xml", "<not xml".getBytes(StandardCharsets.UTF_8)));
		shapes.add(RosterFiles.replacePart(good, "xl/worksheets/sheet1.xml", ("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e"
				+ " SYSTEM \"file:///etc/passwd\">]><worksheet><sheetData><row><c t=\"inlineStr\"><is><t>&e;</t></is></c>"
				+ "</row></sheetData></worksheet>").getBytes(StandardCharsets.UTF_8)));
		shapes.add("\"unclosed,quote\r\n".repeat(10).getBytes(StandardCharsets.UTF_8));
		shapes.add(("Họ và tên,Số điện thoại\r\n" + "x,".repeat(20_000)).getBytes(StandardCharsets.UTF_8));
		shapes.add(RosterFiles.xlsx(List.of(HEADERS, member(1)), sheet -> sheet.getRow(1).createCell(16_000)
			.setCellValue("far right")));
		for (byte[] shape : shapes) {
			MockHttpServletResponse response = steps.upload("commune", tuKy, "x.xlsx", shape, "");
			assertThat(response.getStatus()).as(new String(shape, 0, Math.min(40, shape.length), StandardCharsets.ISO_8859_1))
				.isEqualTo(200);
		}
	}

	@Test
	void aSecondUploadWhileTheFirstIsReadGetsTheTryAgainPageAndNothingWaits() throws Exception {
		byte[] file = RosterFiles.xlsx(List.of(HEADERS, member(1)));
		Document mapping = steps.uploaded(tuKy, "a.xlsx", file);
		try (UploadSlots.Slot running = slots.take("ROSTER_IMPORT", userId("commune"), "/")) {
			MockHttpServletResponse busy = steps.upload("commune", tuKy, "b.xlsx", file, "");
			assertThat(busy.getStatus()).isEqualTo(429);
			assertThat(busy.getHeader("Retry-After")).isEqualTo("10");
			Document page = Jsoup.parse(busy.getContentAsString());
			assertThat(page.select("h1").text()).isEqualTo("Hãy thử lại sau một lát");
			assertThat(page.select("main").text()).contains("Tệp bạn tải lên trước đó vẫn đang được đọc");
			assertThat(page.select("main a.button").attr("href")).isEqualTo(tuKy.url() + "/roster-import");
			assertThat(steps.send("commune", mapping, "IMPORT", Map.of()).getResponse().getStatus()).isEqualTo(429);
		}
		// the slot is free again once the first upload is done, and after a refused file too
		assertThat(steps.upload("commune", tuKy, "c.xlsx", new byte[] { 1, 2, 3 }, "").getStatus()).isEqualTo(200);
		assertThat(steps.upload("commune", tuKy, "d.xlsx", file, "").getStatus()).isEqualTo(200);
	}

	@Test
	void whenThePortalReadsAsManyUploadsAsItMayTheNextChairIsAskedToTryAgain() throws Exception {
		List<UploadSlots.Slot> taken = new ArrayList<>();
		try {
			for (int i = 0; i < slots.atOnce(); i++) {
				taken.add(slots.take("ROSTER_IMPORT", -1 - i, "/"));
			}
			MockHttpServletResponse busy = steps.upload("commune", tuKy, "a.xlsx",
					RosterFiles.xlsx(List.of(HEADERS, member(1))), "");
			assertThat(busy.getStatus()).isEqualTo(429);
			assertThat(Jsoup.parse(busy.getContentAsString()).select("main").text())
				.contains("Cổng đang đọc nhiều tệp tải lên cùng lúc");
		}
		finally {
			taken.forEach(UploadSlots.Slot::close);
		}
	}

	@Test
	void aTeamTakesAtMostFiftyMembersFromTheFormOrFromAFile() throws Exception {
		UnitSummary village = units.findOpen(UnitLevel.VILLAGE, "11074-05").orElseThrow();
		jdbc.sql("UPDATE team SET status = 'DISSOLVED', dissolved_on = DATE '2024-01-01' WHERE unit_id = :v AND status = 'ACTIVE'")
			.param("v", village.id())
			.update();
		Actor chair = accounts.actor(userId("commune")).orElseThrow();
		long team = teams.create(chair, village.id(), teams.suggestedDetails(village)).id();
		List<MemberDetails> many = new ArrayList<>();
		for (int n = 0; n < 49; n++) {
			many.add(new MemberDetails("Người " + n, Gender.MALE, 1980, String.format("09770%05d", n), TeamRole.MEMBER,
					Affiliation.OTHER, JOINED));
		}
		teams.addMembers(chair, team, many);
		assertThatThrownBy(() -> teams.addMembers(chair, team, many.subList(0, 2))).isInstanceOf(TeamFullException.class);

		// the form adds the fiftieth, and refuses the fifty-first with a message
		String form = "/teams/" + team + "/members/new";
		assertThat(mvc.perform(post(form).with(user(users.loadUserByUsername("commune")))
			.with(csrf())
			.param("fullName", "Người thứ năm mươi")
			.param("gender", "FEMALE")
			.param("phone", "0977100001")
			.param("role", "MEMBER")
			.param("affiliation", "OTHER")
			.param("joinedOn", "2024-05-01")
			.param("formKey", "cap-1")).andReturn().getResponse().getStatus()).isEqualTo(302);
		MockHttpServletResponse refused = mvc.perform(post(form).with(user(users.loadUserByUsername("commune")))
			.with(csrf())
			.param("fullName", "Người thứ năm mươi mốt")
			.param("gender", "FEMALE")
			.param("phone", "0977100003")
			.param("role", "MEMBER")
			.param("affiliation", "OTHER")
			.param("joinedOn", "2024-05-01")
			.param("formKey", "cap-3")).andReturn().getResponse();
		assertThat(refused.getStatus()).isEqualTo(200);
		Document page = Jsoup.parse(refused.getContentAsString());
		assertThat(page.select(".alert-error").text()).isEqualTo("Tổ đã có 50 thành viên, mức tối đa của một tổ, nên chưa"
				+ " thêm được người này. Hãy ghi nhận một thành viên rời tổ trước, hoặc lập thêm một tổ cho thôn.");
		assertThat(page.select("#fullName").val()).isEqualTo("Người thứ năm mươi mốt");
		assertThat(jdbc.sql("SELECT count(*) FROM team_member WHERE team_id = :t AND left_on IS NULL").param("t", team)
			.query(Long.class).single()).isEqualTo(50);

		// a file: the rows past the fiftieth are cells to fix, and nothing is imported
		Document mapping = steps.uploaded(tuKy, "ds.xlsx", RosterFiles.xlsx(List.of(HEADERS,
				row("11074-05", "Người thêm", "Nam", 1980, "0977200001", "Thành viên", "Khác", JOINED))));
		assertThat(RosterImportSteps.cells(mapping, "errors")).containsExactly(List.of("2", "Họ và tên", "Người thêm",
				"Tổ của Khu dân cư 5 sẽ có hơn 50 thành viên, mức tối đa của một tổ."));
	}

}
