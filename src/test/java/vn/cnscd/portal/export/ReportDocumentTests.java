package vn.cnscd.portal.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.cnscd.portal.export.ReportFiles.appendices;
import static vn.cnscd.portal.export.ReportFiles.body;
import static vn.cnscd.portal.export.ReportFiles.flat;
import static vn.cnscd.portal.export.ReportFiles.paragraphs;
import static vn.cnscd.portal.export.ReportFiles.tables;
import static vn.cnscd.portal.export.ReportFiles.texts;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STHighlightColor;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

import vn.cnscd.portal.IntegrationTest;
import vn.cnscd.portal.MutableClock;
import vn.cnscd.portal.area.UnitLevel;
import vn.cnscd.portal.area.UnitService;
import vn.cnscd.portal.area.UnitSummary;
import vn.cnscd.portal.dashboard.DashboardFixture;
import vn.cnscd.portal.indicator.IndicatorService;

/**
 * The report document of {@link DashboardFixture}'s first quarter of 2030, seen on 20/03/2030 (January and
 * February due, March not), with a few facts more: the first village's team established on 15/01/2030, a member
 * who joined and one who left in the quarter, a training session the first village's head attended, an answer to
 * the commune's obstacle and a third commune (c) with a target and no report. Every figure below is worked out by
 * hand from the fixture; the files are opened as an office would: the DOCX with POI, the PDF with PDFBox.
 */
@IntegrationTest
@Transactional
class ReportDocumentTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	UnitService units;

	@Autowired
	IndicatorService indicators;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	DashboardFixture fixture;

	UnitSummary c;

	@AfterEach
	void releaseClock() {
		clock.reset();
	}

	void fixture() {
		fixture = new DashboardFixture(jdbc, units, indicators, clock);
		UnitSummary a1 = fixture.aVillages.get(0);
		long team = jdbc.sql("SELECT id FROM team WHERE unit_id = :u AND status = 'ACTIVE'").param("u", a1.id())
			.query(Long.class)
			.single();
		jdbc.sql("UPDATE team SET decision_number = '15/QĐ-UBND', decision_date = DATE '2030-01-15' WHERE id = :t")
			.param("t", team)
			.update();
		member(team, "Đỗ Văn Giang", "0912000006", "2030-02-01", null);
		member(team, "Vũ Thị Hạnh", "0912000007", "2029-06-01", "2030-03-01");
		long session = jdbc.sql("""
				INSERT INTO training_session (district_id, held_on, mode, organiser, place)
				VALUES (:d, DATE '2030-02-10', 'IN_PERSON', 'Phòng Văn hóa và Thông tin', 'Hội trường UBND huyện')
				RETURNING id""")
			.param("d", fixture.district.id())
			.query(Long.class)
			.single();
		jdbc.sql("""
				INSERT INTO training_attendance (session_id, member_id)
				SELECT :s, id FROM team_member WHERE team_id = :t AND full_name = 'Nguyễn Văn An'""")
			.param("s", session)
			.param("t", team)
			.update();
		jdbc.sql("""
				INSERT INTO obstacle_answer (obstacle_id, author_id, author_name, author_role, text, answered_at)
				SELECT o.id, u.id, 'Nguyễn Thị Hoa', 'OFFICER', 'Huyện sẽ cấp máy chiếu trong tháng 4.',
				       TIMESTAMPTZ '2030-03-02 09:00:00+07'
				FROM obstacle o, app_user u WHERE o.unit_id = :b AND u.username = 'district'""")
			.param("b", fixture.b.id())
			.update();
		c = units.openChildren(fixture.district.id())
			.stream()
			.filter(unit -> unit.id() != fixture.a.id() && unit.id() != fixture.b.id())
			.sorted(Comparator.comparing(UnitSummary::code))
			.findFirst()
			.orElseThrow();
		jdbc.sql("INSERT INTO target (indicator_id, unit_id, year, value) VALUES (:i, :u, 2030, 20)")
			.param("i", fixture.cqs04.id())
			.param("u", c.id())
			.update();
	}

	private void member(long team, String name, String phone, String joined, String left) {
		jdbc.sql("""
				INSERT INTO team_member (team_id, full_name, search_text, gender, phone, team_role, affiliation, joined_on,
				                         left_on)
				VALUES (:t, :n, :n, 'FEMALE', :p, 'MEMBER', 'OTHER', CAST(:j AS date), CAST(:l AS date))""")
			.param("t", team)
			.param("n", name)
			.param("p", phone)
			.param("j", joined)
			.param("l", left)
			.update();
	}

	MockHttpServletResponse download(String url, String username) throws Exception {
		return mvc.perform(get(url).with(user(users.loadUserByUsername(username))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();
	}

	String name(UnitSummary unit) {
		return unit.kind().vietnameseWord() + " " + unit.name();
	}

	String districtUrl(String format, String period) {
		return "/districts/" + fixture.district.id() + "/summary." + format + "?" + period;
	}

	// ---- the DOCX ----

	@Test
	void theDocxIsAnA4DocumentInTheFormOfDecree30() throws Exception {
		fixture();
		MockHttpServletResponse response = download(districtUrl("docx", "quarter=2030-Q1"), "district");
		assertThat(response.getContentType()).isEqualTo(SummaryController.DOCX);
		assertThat(response.getHeader("Content-Disposition")).contains("bao-cao-quy-i-2030-huyen-tu-ky.docx");
		try (XWPFDocument document = ReportFiles.docx(response.getContentAsByteArray())) {
			List<IBodyElement> body = body(document);
			CTSectPr portrait = ((XWPFParagraph) document.getBodyElements().get(body.size())).getCTP().getPPr().getSectPr();
			CTPageSz page = portrait.getPgSz();
			assertThat(List.of(page.getW(), page.getH())).containsExactly(BigInteger.valueOf(11906), BigInteger.valueOf(16838));
			CTPageMar margins = portrait.getPgMar();
			assertThat(mm(margins.getTop())).isBetween(20.0, 25.0);
			assertThat(mm(margins.getBottom())).isBetween(20.0, 25.0);
			assertThat(mm(margins.getLeft())).isBetween(30.0, 35.0);
			assertThat(mm(margins.getRight())).isBetween(15.0, 20.0);
			// the page number in the top margin, not on the first page
			assertThat(portrait.isSetTitlePg()).isTrue();
			assertThat(document.getHeaderList()).anyMatch(header -> header.getParagraphs().stream()
				.anyMatch(p -> p.getCTP().getFldSimpleList().stream().anyMatch(f -> f.getInstr().strip().equals("PAGE"))
						&& p.getAlignment() == ParagraphAlignment.CENTER));
			assertThat(portrait.getHeaderReferenceList()).hasSize(2);

			// the top block: a borderless table of two columns
			XWPFTable top = tables(body).get(0);
			assertThat(top.getCTTbl().getTblPr().getTblBorders().getTop().getVal().toString()).isEqualTo("nil");
			assertThat(cellTexts(top, 0)).containsExactly("UBND HUYỆN TỨ KỲ", "TỔ CHỈ ĐẠO TRIỂN KHAI CNSCĐ", "",
					"Số:        /BC-TCĐ");
			assertThat(cellTexts(top, 1)).containsExactly("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
					"", "Tứ Kỳ, ngày 20 tháng 3 năm 2030");
			// the rules under the issuer and the motto
			assertThat(top.getRow(0).getCell(0).getParagraphs().get(2).getCTP().getPPr().getPBdr().getBottom()).isNotNull();
			assertThat(top.getRow(0).getCell(1).getParagraphs().get(2).getCTP().getPPr().getPBdr().getBottom()).isNotNull();
			XWPFRun date = top.getRow(0).getCell(1).getParagraphs().get(3).getRuns().get(0);
			assertThat(date.isItalic()).isTrue();
			assertThat(date.getFontFamily()).isEqualTo("Times New Roman");

			List<String> texts = texts(body);
			assertThat(texts).containsSubsequence("BÁO CÁO", "Kết quả hoạt động của Tổ Công nghệ số cộng đồng quý I năm 2030");
			assertThat(texts).containsSubsequence("I. TÌNH HÌNH TỔ CHỨC", "1. Tổ Công nghệ số cộng đồng",
					"2. Thay đổi trong quý", "3. Bồi dưỡng, tập huấn", "II. KẾT QUẢ THỰC HIỆN",
					"1. Tình hình gửi báo cáo định kỳ", "2. Kết quả thực hiện các chỉ tiêu năm 2030",
					"3. Xếp hạng các đơn vị", "III. KHÓ KHĂN, VƯỚNG MẮC", "IV. ĐỀ XUẤT, KIẾN NGHỊ",
					"V. PHƯƠNG HƯỚNG, NHIỆM VỤ QUÝ TỚI");

			// every paragraph of the body in Times New Roman 14 pt, justified, indented 1 cm, 6 pt apart
			List<XWPFParagraph> justified = paragraphs(body).stream()
				.filter(p -> p.getAlignment() == ParagraphAlignment.BOTH)
				.toList();
			assertThat(justified).hasSizeGreaterThan(20);
			for (XWPFParagraph paragraph : justified) {
				assertThat(paragraph.getIndentationFirstLine()).as(paragraph.getText()).isEqualTo(567);
				assertThat(paragraph.getSpacingAfter()).as(paragraph.getText()).isEqualTo(120);
				for (XWPFRun run : paragraph.getRuns()) {
					assertThat(run.getFontFamily()).as(paragraph.getText()).isEqualTo("Times New Roman");
					assertThat(run.getFontSizeAsDouble()).as(paragraph.getText()).isEqualTo(14.0);
				}
			}
			assertThat(document.getStyles().getStyle("CellText")).isNotNull();

			// the signature block and "Nơi nhận"
			XWPFTable signature = tables(body).get(tables(body).size() - 1);
			assertThat(cellTexts(signature, 0)).containsExactly("Nơi nhận:", "- UBND tỉnh Hải Dương (để báo cáo);",
					"- Thành viên Tổ chỉ đạo;", "- UBND các đơn vị cấp xã;", "- Lưu: VT.");
			assertThat(cellTexts(signature, 1)).startsWith("TM. TỔ CHỈ ĐẠO", "TỔ TRƯỞNG");

			// the appendices: a landscape section, the document's last
			CTSectPr last = document.getDocument().getBody().getSectPr();
			assertThat(last.getPgSz().getOrient()).isEqualTo(STPageOrientation.LANDSCAPE);
			assertThat(List.of(last.getPgSz().getW(), last.getPgSz().getH())).containsExactly(BigInteger.valueOf(16838),
					BigInteger.valueOf(11906));
			assertThat(last.isSetTitlePg()).isFalse();
			List<String> appendixTexts = texts(appendices(document));
			assertThat(appendixTexts).containsSubsequence("Phụ lục I", "TỔ CÔNG NGHỆ SỐ CỘNG ĐỒNG VÀ THÀNH VIÊN QUÝ I NĂM 2030",
					"(Kèm theo Báo cáo số        /BC-TCĐ ngày 20/03/2030 của TỔ CHỈ ĐẠO TRIỂN KHAI CNSCĐ)", "Phụ lục II",
					"Phụ lục III", "Phụ lục IV");
			List<XWPFTable> appendixTables = tables(appendices(document));
			assertThat(appendixTables).hasSize(4);
			for (XWPFTable table : appendixTables) {
				assertThat(table.getRow(0).isRepeatHeader()).isTrue();
			}
		}
	}

	/** Each sentence of the body with the figures worked out by hand from the fixture. */
	@Test
	void theProseGivesTheFiguresOfTheDatabase() throws Exception {
		fixture();
		assertThat(jdbc.sql("SELECT count(*) FROM unit WHERE level = 'COMMUNE' AND valid_to IS NULL AND parent_id = :d")
			.param("d", fixture.district.id()).query(Long.class).single()).isEqualTo(23);
		assertThat(jdbc.sql("SELECT count(*) FROM unit WHERE level = 'VILLAGE' AND valid_to IS NULL AND ancestor_path LIKE :p")
			.param("p", fixture.district.path() + "%").query(Long.class).single()).isEqualTo(138);
		String a = name(fixture.a);
		String b = name(fixture.b);
		UnitSummary a1 = fixture.aVillages.get(0);
		UnitSummary a2 = fixture.aVillages.get(1);
		List<UnitSummary> others = units.openChildren(fixture.district.id()).stream()
			.filter(unit -> unit.id() != fixture.a.id() && unit.id() != fixture.b.id())
			.sorted(Comparator.comparing(UnitSummary::code))
			.toList();
		try (XWPFDocument document = ReportFiles.docx(download(districtUrl("docx", "quarter=2030-Q1"), "district")
			.getContentAsByteArray())) {
			List<String> texts = texts(body(document));
			assertThat(texts).contains(
					"Thực hiện nhiệm vụ được giao, báo cáo kết quả hoạt động của Tổ Công nghệ số cộng đồng trên địa bàn huyện Tứ Kỳ quý I năm 2030 như sau:",
					// March is not due until 05/04: out of every sum, and said so
					"Số liệu tính đến ngày 20/03/2030, gồm tháng 1/2030, tháng 2/2030; tháng 3/2030 chưa đến hạn báo cáo nên chưa được tính.",
					// one commune team of 23; 5 of 138 villages have a team; 5 leaders + the member who joined
					"Trên địa bàn huyện Tứ Kỳ có 23 đơn vị cấp xã với 138 thôn, khu dân cư; 1/23 đơn vị cấp xã đã thành lập Tổ Công nghệ số cộng đồng cấp xã (4,3%) và 5/138 thôn, khu dân cư có Tổ (3,6%). Đến ngày 20/03/2030, các Tổ có 6 thành viên.",
					"Trong quý có 1 Tổ được thành lập mới: Tổ CNSCĐ (" + name(a1)
							+ ", quyết định số 15/QĐ-UBND ngày 15/01/2030). 1 thành viên mới tham gia và 1 thành viên thôi tham gia các Tổ.",
					"Trong quý đã tổ chức 1 lớp bồi dưỡng, tập huấn cho thành viên Tổ (ngày 10/02/2030, trực tiếp, tại Hội trường UBND huyện) với 1 lượt thành viên tham dự.",
					"Đến ngày 20/03/2030, 1/6 thành viên (16,7%) đã được bồi dưỡng, tập huấn ít nhất một lần.",
					// January: a1 and a2 sent, on time; February: a1, a2 (late), b1 sent, a3 returned
					"Tháng 1/2030: 2/5 thôn, khu dân cư có Tổ đã gửi báo cáo (40%), trong đó 2/2 báo cáo gửi đúng hạn (100%).",
					"Tháng 2/2030: 3/5 thôn, khu dân cư có Tổ đã gửi báo cáo (60%), trong đó 2/3 báo cáo gửi đúng hạn (66,7%).",
					"Cả quý: 5/10 lượt báo cáo đã gửi (50%), trong đó 4/5 gửi đúng hạn (80%).",
					"Tính đến hết tháng 2/2030 (2/12 tháng, tiến độ bình quân cần đạt 16,7% chỉ tiêu năm), kết quả thực hiện như sau:",
					// XHS01, a STOCK: a1's 150 and a2's 60 of 240 (60 % of 400 adults), b1's 30 of 100
					"XHS01 Số người trưởng thành có điện thoại thông minh: lũy kế 240/340 người, đạt 70,6% chỉ tiêu năm; 2/2 đơn vị đạt hoặc vượt tiến độ ("
							+ a + " 87,5%, " + b + " 30%).",
					// CQS04, a FLOW: a's 10 + 5 + 20 + 7 of 40, b's 4 of 10, c's nothing of 20
					"CQS04 Số lượt người dân được Tổ công nghệ số cộng đồng hướng dẫn sử dụng dịch vụ công trực tuyến: lũy kế 46/70 lượt người, đạt 65,7% chỉ tiêu năm; 2/3 đơn vị đạt hoặc vượt tiến độ ("
							+ a + " 105%, " + b + " 40%); 1 đơn vị chậm tiến độ, thấp nhất là " + name(c) + " 0%.",
					// a: 50 × (87,5 % + 100 %) / 2 + 30 × 2/3 + 20 × 1/2; b: 50 × 35 % + 30 × 1/2 + 20 × 1
					"Theo cách tính điểm xếp hạng (50 điểm cho tiến độ chỉ tiêu, 30 điểm cho tỷ lệ gửi báo cáo, 20 điểm cho tỷ lệ gửi đúng hạn), tính đến tháng 2/2030, dẫn đầu là "
							+ a + " (76,9 điểm), " + b + " (52,5 điểm), " + name(others.get(0)) + " (0 điểm); cuối bảng là "
							+ others.subList(others.size() - 3, others.size()).stream().map(unit -> name(unit) + " (0 điểm)")
								.collect(Collectors.joining(", "))
							+ ". Bảng xếp hạng đầy đủ tại Phụ lục IV.",
					"Trong quý, các thôn, khu dân cư và đơn vị cấp xã đã nêu 3 khó khăn, vướng mắc (1 chưa trả lời, 1 đã trả lời, 1 đã giải quyết), cụ thể như sau:",
					a + " (2 ý kiến):", "- " + name(a1) + ", tháng 2/2030: “Thiếu máy chiếu” (đã giải quyết).",
					"- " + name(a2) + ", tháng 2/2030: “Thiếu máy chiếu” (chưa trả lời).", b + " (1 ý kiến):",
					"- " + b + ", tháng 2/2030: “Thiếu máy chiếu” (đã trả lời).",
					"Trả lời của Nguyễn Thị Hoa (Cơ quan thường trực Tổ chỉ đạo) ngày 02/03/2030: “Huyện sẽ cấp máy chiếu trong tháng 4.”.");
			assertThat(texts.stream().filter(text -> text.startsWith("Các chỉ số chưa giao chỉ tiêu năm 2030:")).findFirst())
				.hasValueSatisfying(text -> assertThat(text).contains("KTS01", "XHS08").doesNotContain("XHS01", "CQS04"));

			// the table of the indicators: a STOCK's level at February's end, a FLOW's January and February
			XWPFTable table = tables(body(document)).get(1);
			assertThat(cells(row(table, "XHS01"))).containsExactly(
					"XHS01 Số người trưởng thành có điện thoại thông minh (người)", "240", "240", "340", "70,6%");
			assertThat(cells(row(table, "CQS04")).subList(1, 5)).containsExactly("46", "46", "70", "65,7%");
			assertThat(cells(row(table, "KTS01")).subList(3, 5)).containsExactly("Chưa giao", "");
			assertThat(table.getRow(1).getCell(1).getParagraphs().get(0).getStyle()).isEqualTo("CellNumber");

			// no proposal was sent: the section says so
			assertThat(texts.get(texts.indexOf("IV. ĐỀ XUẤT, KIẾN NGHỊ") + 1)).isEqualTo("Không có.");
			// the next quarter's tasks are the officer's to write: marked
			XWPFParagraph draft = paragraphs(body(document)).stream()
				.filter(p -> p.getText().contains("phương hướng, nhiệm vụ trọng tâm của quý II năm 2030"))
				.findFirst()
				.orElseThrow();
			assertThat(draft.getRuns().get(0).isItalic()).isTrue();
			assertThat(draft.getRuns().get(0).getCTR().getRPr().getHighlightArray(0).getVal())
				.isEqualTo(STHighlightColor.YELLOW);
			assertThat(texts).contains("Trên đây là báo cáo kết quả hoạt động của Tổ Công nghệ số cộng đồng quý I năm 2030 trên địa bàn huyện Tứ Kỳ./.");

			// Phụ lục III: a's CQS04 of the quarter (January and February only), its year to date and target
			XWPFTable targets = tables(appendices(document)).get(2);
			XWPFTableRow line = targets.getRows().stream()
				.filter(row -> cells(row).get(1).equals(a) && cells(row).get(2).equals("CQS04"))
				.findFirst()
				.orElseThrow();
			assertThat(cells(line).subList(4, 8)).containsExactly("42", "42", "40", "105%");
		}
	}

	@Test
	void proposalsOfVillagesAndCommunesSentInThePeriodAreListed() throws Exception {
		fixture();
		UnitSummary a1 = fixture.aVillages.get(0);
		proposals(a1, "2030-02-01", "Xin thêm máy chiếu\n  Tập huấn thêm cho tổ  ");
		// a returned report is not sent: its proposals wait
		proposals(fixture.aVillages.get(2), "2030-02-01", "Không được tính");
		jdbc.sql("""
				INSERT INTO commune_report (commune_id, period, status, proposals, submitted_at)
				VALUES (:c, DATE '2030-02-01', 'SUBMITTED', 'Đề nghị hỗ trợ kinh phí', now())""")
			.param("c", fixture.a.id())
			.update();
		try (XWPFDocument document = ReportFiles.docx(download(districtUrl("docx", "quarter=2030-Q1"), "district")
			.getContentAsByteArray())) {
			List<String> texts = texts(body(document));
			int heading = texts.indexOf("IV. ĐỀ XUẤT, KIẾN NGHỊ");
			assertThat(texts.subList(heading + 1, heading + 5)).containsExactly(
					"Trong quý, các thôn, khu dân cư và đơn vị cấp xã đã đề xuất, kiến nghị như sau:",
					"- " + name(fixture.a) + ", tháng 2/2030: “Đề nghị hỗ trợ kinh phí”.",
					"- " + name(a1) + " (" + name(fixture.a) + "), tháng 2/2030: “Xin thêm máy chiếu; Tập huấn thêm cho tổ”.",
					"V. PHƯƠNG HƯỚNG, NHIỆM VỤ QUÝ TỚI");
		}
	}

	private void proposals(UnitSummary village, String period, String text) {
		jdbc.sql("UPDATE village_report SET proposals = :t WHERE village_id = :v AND period = CAST(:p AS date)")
			.param("t", text)
			.param("v", village.id())
			.param("p", period)
			.update();
	}

	/** February alone: a FLOW's month is the year to date less January's; no month is left out. */
	@Test
	void theMonthlyReportIsOfItsMonth() throws Exception {
		fixture();
		MockHttpServletResponse response = download(districtUrl("docx", "month=2030-02"), "district");
		assertThat(response.getHeader("Content-Disposition")).contains("bao-cao-thang-2-2030-huyen-tu-ky.docx");
		try (XWPFDocument document = ReportFiles.docx(response.getContentAsByteArray())) {
			List<String> texts = texts(body(document));
			assertThat(texts).contains("Kết quả hoạt động của Tổ Công nghệ số cộng đồng tháng 2 năm 2030",
					"Tháng 2/2030: 3/5 thôn, khu dân cư có Tổ đã gửi báo cáo (60%), trong đó 2/3 báo cáo gửi đúng hạn (66,7%).",
					"2. Thay đổi trong tháng", "V. PHƯƠNG HƯỚNG, NHIỆM VỤ THÁNG TỚI",
					// the member who joined on 01/02; the one who left on 01/03 was still a member
					"Trong tháng không có Tổ nào được thành lập mới. 1 thành viên mới tham gia và 0 thành viên thôi tham gia các Tổ.");
			assertThat(texts).noneMatch(text -> text.startsWith("Số liệu tính đến ngày") || text.startsWith("Tháng 1/2030")
					|| text.startsWith("Cả tháng"));
			XWPFTable table = tables(body(document)).get(1);
			// CQS04 in February: a's 20 + 7 and b's 4; 46 to date
			assertThat(cells(row(table, "CQS04")).subList(1, 3)).containsExactly("31", "46");
			assertThat(cells(row(table, "XHS01")).subList(1, 3)).containsExactly("240", "240");
			assertThat(texts(appendices(document))).contains("KẾT QUẢ THỰC HIỆN CHỈ TIÊU THÁNG 2 NĂM 2030");
		}
	}

	@Test
	void theYearlyReportLeavesTheMonthsNotDueOut() throws Exception {
		fixture();
		MockHttpServletResponse response = download(districtUrl("docx", "year=2030"), "district");
		assertThat(response.getHeader("Content-Disposition")).contains("bao-cao-nam-2030-huyen-tu-ky.docx");
		try (XWPFDocument document = ReportFiles.docx(response.getContentAsByteArray())) {
			List<String> texts = texts(body(document));
			assertThat(texts).contains("Kết quả hoạt động của Tổ Công nghệ số cộng đồng năm 2030",
					"Cả năm: 5/10 lượt báo cáo đã gửi (50%), trong đó 4/5 gửi đúng hạn (80%).",
					"V. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM TỚI");
			assertThat(texts).anyMatch(text -> text.startsWith(
					"Số liệu tính đến ngày 20/03/2030, gồm tháng 1/2030, tháng 2/2030; tháng 3/2030, tháng 4/2030,")
					&& text.contains("tháng 12/2030 chưa đến hạn"));
			assertThat(cells(row(tables(body(document)).get(1), "CQS04")).subList(1, 3)).containsExactly("46", "46");
		}
		// a period none of whose months is due yet has no report
		mvc.perform(get(districtUrl("docx", "month=2030-03")).with(user(users.loadUserByUsername("district"))))
			.andExpect(status().isNotFound());
		mvc.perform(get(districtUrl("pdf", "month=2030-02&year=2030")).with(user(users.loadUserByUsername("district"))))
			.andExpect(status().isNotFound());
	}

	/** A commune's report is the commune's own document: issued by its people's committee, no ranking. */
	@Test
	void aCommuneChairGetsTheCommunesReport() throws Exception {
		fixture();
		MockHttpServletResponse response = download("/communes/" + fixture.a.id() + "/summary.docx?quarter=2030-Q1",
				"commune");
		assertThat(response.getHeader("Content-Disposition")).contains("bao-cao-quy-i-2030-thi-tran-tu-ky.docx");
		try (XWPFDocument document = ReportFiles.docx(response.getContentAsByteArray())) {
			List<IBodyElement> body = body(document);
			assertThat(cellTexts(tables(body).get(0), 0)).containsExactly("UBND THỊ TRẤN TỨ KỲ", "", "Số:        /BC-UBND");
			assertThat(cellTexts(tables(body).get(0), 1)).endsWith("Tứ Kỳ, ngày 20 tháng 3 năm 2030");
			List<String> texts = texts(body);
			assertThat(texts).contains(
					"Thị trấn Tứ Kỳ có " + fixture.aVillages.size()
							+ " thôn, khu dân cư, trong đó 3 thôn, khu dân cư có Tổ Công nghệ số cộng đồng ("
							+ percent(3, fixture.aVillages.size()) + "); Tổ cấp xã đã được thành lập. Đến ngày 20/03/2030, các Tổ có 4 thành viên.",
					"XHS01 Số người trưởng thành có điện thoại thông minh: lũy kế 210/240 người, đạt 87,5% chỉ tiêu năm.");
			assertThat(texts).doesNotContain("3. Xếp hạng các đơn vị");
			assertThat(cellTexts(tables(body).get(tables(body).size() - 1), 1)).startsWith("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH");
			assertThat(cellTexts(tables(body).get(tables(body).size() - 1), 0)).contains(
					"- Tổ chỉ đạo triển khai CNSCĐ huyện Tứ Kỳ (để báo cáo);");
			assertThat(texts(appendices(document))).contains("Phụ lục III").doesNotContain("Phụ lục IV");
		}
	}

	private static String percent(long part, long whole) {
		NumberFormat format = NumberFormat.getPercentInstance(Locale.forLanguageTag("vi"));
		format.setMaximumFractionDigits(1);
		return format.format((double) part / whole);
	}

	// ---- the XLSX ----

	@Test
	void theAppendicesAreSheetsReadyToPrint() throws Exception {
		fixture();
		MockHttpServletResponse response = download(districtUrl("xlsx", "quarter=2030-Q1"), "district");
		assertThat(response.getHeader("Content-Disposition")).contains("phu-luc-bao-cao-quy-i-2030-huyen-tu-ky.xlsx");
		String a = name(fixture.a);
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.getContentAsByteArray()))) {
			assertThat(IntStream.range(0, workbook.getNumberOfSheets()).mapToObj(workbook::getSheetName))
				.containsExactly("Phụ lục I", "Phụ lục II", "Phụ lục III", "Phụ lục IV");
			for (Sheet sheet : workbook) {
				PrintSetup print = sheet.getPrintSetup();
				assertThat(print.getLandscape()).as(sheet.getSheetName()).isTrue();
				assertThat(print.getPaperSize()).isEqualTo(PrintSetup.A4_PAPERSIZE);
				assertThat(sheet.getFitToPage()).isTrue();
				assertThat(print.getFitWidth()).isEqualTo((short) 1);
				assertThat(print.getFitHeight()).isEqualTo((short) 0);
				assertThat(sheet.getRepeatingRows()).isEqualTo(CellRangeAddress.valueOf("5:5"));
				assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
				assertThat((int) sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo(5);
				assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo(sheet.getSheetName());
				assertThat(sheet.getRow(2).getCell(0).getStringCellValue())
					.isEqualTo("(Kèm theo Báo cáo số        /BC-TCĐ ngày 20/03/2030 của TỔ CHỈ ĐẠO TRIỂN KHAI CNSCĐ)");
				int columns = sheet.getRow(4).getLastCellNum();
				for (int r = 4; r <= sheet.getLastRowNum(); r++) {
					for (int col = 0; col < columns; col++) {
						Cell cell = sheet.getRow(r).getCell(col);
						assertThat(cell).as(sheet.getSheetName() + " " + r + ":" + col).isNotNull();
						CellStyle style = cell.getCellStyle();
						assertThat(List.of(style.getBorderTop(), style.getBorderBottom(), style.getBorderLeft(),
								style.getBorderRight())).as(cell.getAddress().toString()).containsOnly(BorderStyle.THIN);
						if (cell.getCellType() == CellType.NUMERIC) {
							assertThat(style.getAlignment()).isEqualTo(HorizontalAlignment.RIGHT);
							assertThat(style.getDataFormatString()).isIn("#,##0", "0.0%", "0.0");
						}
					}
				}
				// the column of the communes' names is as wide as the longest
				int longest = 0;
				for (int r = 5; r <= sheet.getLastRowNum(); r++) {
					longest = Math.max(longest, sheet.getRow(r).getCell(1).getStringCellValue().length());
				}
				assertThat(sheet.getColumnWidth(1)).isGreaterThanOrEqualTo(longest * 256);
			}
			// Phụ lục I: a's villages, those with a team, members on 20/03, joined and left, trained
			List<Object> teams = row(workbook.getSheet("Phụ lục I"), a, null);
			assertThat(teams.subList(2, 12)).containsExactly("Có", (double) fixture.aVillages.size(), 3.0,
					3.0 / fixture.aVillages.size(), 4.0, 1.0, 1.0, 1.0, 1.0, 0.25);
			// Phụ lục II: February, 3 villages with a team, 2 sent (the returned one is not), 1 on time
			Sheet reports = workbook.getSheet("Phụ lục II");
			assertThat(row(reports, a, "Tháng 2/2030").subList(3, 8)).containsExactly(3.0, 2.0, 2.0 / 3, 1.0, 0.5);
			assertThat(row(reports, "Tổng cộng", "Cả quý").subList(3, 8)).containsExactly(10.0, 5.0, 0.5, 4.0, 0.8);
			assertThat(reports.getRow(5).getCell(5).getCellStyle().getDataFormatString()).isEqualTo("0.0%");
			assertThat(reports.getRow(5).getCell(3).getCellStyle().getDataFormatString()).isEqualTo("#,##0");
			// no March: it is not due
			assertThat(rows(reports)).noneMatch(cells -> cells.contains("Tháng 3/2030"));
			// Phụ lục III: a's CQS04 of January and February against its target of 40
			Sheet targets = workbook.getSheet("Phụ lục III");
			assertThat(row(targets, a, "CQS04").subList(4, 8)).containsExactly(42.0, 42.0, 40.0, 1.05);
			assertThat(row(targets, "Tổng cộng", "CQS04").subList(4, 8)).containsExactly(46.0, 46.0, 70.0, 46.0 / 70);
			assertThat(row(targets, a, "KTS01").get(6)).isEqualTo("Chưa giao");
			// Phụ lục IV: the ranking, best first
			Row first = workbook.getSheet("Phụ lục IV").getRow(5);
			assertThat(List.of(first.getCell(0).getNumericCellValue(), first.getCell(1).getStringCellValue(),
					first.getCell(2).getNumericCellValue())).containsExactly(1.0, a, 76.875);
		}
	}

	/** The cells of each row, numbers as doubles. */
	static List<List<Object>> rows(Sheet sheet) {
		List<List<Object>> rows = new ArrayList<>();
		for (Row row : sheet) {
			List<Object> cells = new ArrayList<>();
			for (int i = 0; i < Math.max(row.getLastCellNum(), 0); i++) {
				Cell cell = row.getCell(i);
				cells.add(cell == null ? null
						: cell.getCellType() == CellType.NUMERIC ? (Object) cell.getNumericCellValue()
								: cell.getStringCellValue());
			}
			rows.add(cells);
		}
		return rows;
	}

	/** The row whose second cell is the name and whose third, if given, is {@code then}. */
	static List<Object> row(Sheet sheet, String name, String then) {
		return rows(sheet).stream()
			.filter(cells -> cells.size() > 2 && name.equals(cells.get(1)) && (then == null || then.equals(cells.get(2))))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no row " + name + ", " + then + " in " + sheet.getSheetName()));
	}

	// ---- the PDF ----

	@Test
	void thePdfIsTheSameDocumentWithItsFontEmbedded() throws Exception {
		fixture();
		MockHttpServletResponse response = download(districtUrl("pdf", "quarter=2030-Q1"), "district");
		assertThat(response.getContentType()).isEqualTo("application/pdf");
		try (PDDocument pdf = ReportFiles.pdf(response.getContentAsByteArray())) {
			List<String> pages = ReportFiles.pages(pdf);
			assertThat(pages.get(0)).contains("UBND HUYỆN TỨ KỲ", "TỔ CHỈ ĐẠO TRIỂN KHAI", "Số:", "/BC-TCĐ",
					"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Tứ Kỳ, ngày 20 tháng 3 năm 2030",
					"BÁO CÁO", "Kết quả hoạt động của Tổ Công nghệ số cộng đồng quý I năm 2030", "I. TÌNH HÌNH TỔ CHỨC");
			String all = flat(String.join("\n", pages));
			assertThat(all).contains(flat("Tháng 2/2030: 3/5 thôn, khu dân cư có Tổ đã gửi báo cáo (60%)"),
					flat("V. PHƯƠNG HƯỚNG, NHIỆM VỤ QUÝ TỚI"), flat("TM. TỔ CHỈ ĐẠO"), flat("Nơi nhận:"));
			// no number on the first page, then the page's own in the top margin
			assertThat(pages.get(0).strip()).doesNotStartWith("1");
			assertThat(pages.get(1).strip()).startsWith("2");
			for (PDPage page : pdf.getPages()) {
				for (var name : page.getResources().getFontNames()) {
					PDFont font = page.getResources().getFont(name);
					assertThat(font).isInstanceOf(PDType0Font.class);
					assertThat(font.getName()).contains("LiberationSerif");
					assertThat(font.isEmbedded()).isTrue();
					assertThat(((PDType0Font) font).getDescendantFont().getFontDescriptor().getFontFile2()).isNotNull();
				}
			}
			int first = firstPageWith(pages, "Phụ lục I");
			assertThat(pdf.getPage(0).getMediaBox().getWidth()).isLessThan(pdf.getPage(0).getMediaBox().getHeight());
			assertThat(pdf.getPage(first).getMediaBox().getWidth()).isGreaterThan(pdf.getPage(first).getMediaBox().getHeight());
			// Phụ lục III, 23 communes of 14 indicators, spans pages: its header row is on every one of them
			int from = firstPageWith(pages, "Phụ lục III");
			int to = firstPageWith(pages, "Phụ lục IV");
			assertThat(to - from).isGreaterThan(2);
			for (int page = from; page < to; page++) {
				assertThat(flat(pages.get(page))).as("page " + (page + 1)).contains("Lũykếnăm", "Chỉtiêunăm", "Tỷlệhoànthành");
			}
			assertThat(flat(pages.get(to - 1))).contains("Tổngcộng");
		}
	}

	/** The demo district's real quarter, its obstacles and all: a body of about six pages. */
	@Test
	void aDistrictsQuarterlyReportFitsInAboutSixPagesBeforeItsAppendices() throws Exception {
		long district = units.findOpen(UnitLevel.DISTRICT, "298").orElseThrow().id();
		byte[] file = download("/districts/" + district + "/summary.pdf", "district").getContentAsByteArray();
		try (PDDocument pdf = ReportFiles.pdf(file)) {
			List<String> pages = ReportFiles.pages(pdf);
			int body = firstPageWith(pages, "Phụ lục I");
			assertThat(body).isBetween(3, 8);
			assertThat(pages.size()).isLessThan(40);
		}
	}

	private static int firstPageWith(List<String> pages, String text) {
		for (int i = 0; i < pages.size(); i++) {
			if (pages.get(i).lines().anyMatch(line -> line.strip().equals(text))) {
				return i;
			}
		}
		throw new AssertionError("no page with " + text);
	}

	// ---- helpers ----

	private static double mm(Object twips) {
		return ((BigInteger) twips).doubleValue() * 25.4 / 1440;
	}

	/** The texts of a cell's paragraphs. */
	private static List<String> cellTexts(XWPFTable table, int cell) {
		return table.getRow(0).getCell(cell).getParagraphs().stream().map(XWPFParagraph::getText).toList();
	}

	private static XWPFTableRow row(XWPFTable table, String start) {
		return table.getRows().stream()
			.filter(row -> row.getCell(0).getText().startsWith(start))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no row " + start));
	}

	private static List<String> cells(XWPFTableRow row) {
		return row.getTableCells().stream().map(cell -> cell.getText()).toList();
	}

}
