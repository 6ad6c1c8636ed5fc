package vn.cnscd.portal.team;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.cnscd.portal.team.RosterFiles.row;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import vn.cnscd.portal.team.RosterFileReader.Line;
import vn.cnscd.portal.team.RosterFileReader.Lines;
import vn.cnscd.portal.team.RosterFileReader.RosterFile;
import vn.cnscd.portal.team.RosterFiles.OfficeMember;
import vn.cnscd.portal.team.RosterTable.Column;
import vn.cnscd.portal.team.RosterTable.Table;

/** Finding the table in the files commune offices keep, without the portal: the reader and the table alone. */
class RosterTableTests {

	static final List<OfficeMember> MEMBERS = List.of(
			new OfficeMember("Trần Văn Bình", true, 1975, "KDC 2", "TT", "Trưởng khu", 912345001, null),
			new OfficeMember("Lê Thị Cúc", false, 1990, "Khu dân cư 2", "TP", "Bí thư chi đoàn", "0975.222.333", null),
			new OfficeMember("Phạm Văn Dũng", true, "x", "Khu 2", "TV", "CCB", "+84 966 444 555", "mới"));

	final RosterFileReader reader = new RosterFileReader();

	Lines lines(byte[] content, int sheet) {
		try (RosterFile file = reader.open(content)) {
			return file.lines(sheet, RosterFileReader.MAX_LINES);
		}
	}

	static Map<String, RosterField> matches(Table table) {
		return table.columns()
			.stream()
			.filter(column -> column.match() != null)
			.collect(Collectors.toMap(Column::header, Column::match));
	}

	@Test
	void aCommuneOfficesWorkbookHasItsTableFoundBelowItsTitlesAndItsColumnsMatchedByTheirWords() {
		byte[] file = RosterFiles.officeWorkbook(MEMBERS);
		try (RosterFile opened = reader.open(file)) {
			assertThat(opened.sheetNames()).containsExactly("Tổng hợp", "DS thành viên");
			assertThat(RosterTable.score(opened.lines(0, 21).lines())).isZero();
			assertThat(RosterTable.score(opened.lines(1, 21).lines())).isEqualTo(7);
		}
		Table table = RosterTable.find(lines(file, 1).lines()).orElseThrow();

		// "Năm sinh" over "Nam" and "Nữ": the second header row names the columns
		assertThat(table.headerRow()).isEqualTo(6);
		assertThat(table.columns().stream().map(Column::letter).toList()).containsExactly("A", "B", "C", "D", "E", "F", "G",
				"H", "I");
		assertThat(matches(table)).containsExactlyInAnyOrderEntriesOf(Map.of("Họ tên", RosterField.FULL_NAME, "Nam",
				RosterField.MALE_BIRTH_YEAR, "Nữ", RosterField.FEMALE_BIRTH_YEAR, "Khu dân cư", RosterField.VILLAGE,
				"Chức danh trong tổ", RosterField.ROLE, "Chức vụ", RosterField.AFFILIATION, "SĐT", RosterField.PHONE));
		assertThat(table.columns().stream().filter(column -> column.match() == null).map(Column::header))
			.containsExactly("STT", "Ghi chú");

		// the row numbering the columns is left out; the STT formula reads as its saved value, the phone number as typed
		Line first = table.rows().get(0);
		assertThat(first.number()).isEqualTo(8);
		assertThat(first.value(0).text()).isEqualTo("1");
		assertThat(first.value(1).text()).isEqualTo("Trần Văn Bình");
		assertThat(first.value(7).text()).isEqualTo("912345001");
		assertThat(table.rows().get(2).value(0).text()).isEqualTo("3");

		RosterRowCheck.Mapping mapping = new RosterRowCheck.Mapping(table.columns()
			.stream()
			.filter(column -> column.match() != null)
			.collect(Collectors.toMap(Column::match, Column::index)), Map.of(), null, LocalDate.now());
		RosterRowCheck.Rows rows = RosterRowCheck.memberRows(table.rows(), mapping);
		assertThat(rows.members()).extracting(Line::number).containsExactly(8, 9, 10);
		// the totals row ends the table; the signatures below it are not rows of it
		assertThat(rows.ended()).isTrue();
		assertThat(rows.skipped()).isEqualTo(1);
	}

	@Test
	void theHeaderIsTheRowNamingTheMostFieldsWithinTheFirstTwentyAndMustNameTheFullName() {
		List<List<Object>> rows = new ArrayList<>();
		rows.add(row("DANH SÁCH THÀNH VIÊN TỔ CÔNG NGHỆ SỐ CỘNG ĐỒNG THÔN AN LẠC, XÃ ĐẠI SƠN"));
		rows.add(row("Thôn", "Giới tính", "Số điện thoại"));
		rows.add(row("TT", "Tên thành viên", "Giới", "Điện thoại", "Nhiệm vụ", "Đơn vị công tác", "Ngày vào tổ"));
		rows.add(row("1", "Ngô Văn Hải", "Nam", "0912000001", "Tổ trưởng", "Trưởng thôn", "1/4/2022"));
		Table table = RosterTable.find(lines(RosterFiles.xlsx(rows), 0).lines()).orElseThrow();
		assertThat(table.headerRow()).isEqualTo(3);
		assertThat(matches(table)).containsExactlyInAnyOrderEntriesOf(Map.of("Tên thành viên", RosterField.FULL_NAME,
				"Giới", RosterField.GENDER, "Điện thoại", RosterField.PHONE, "Nhiệm vụ", RosterField.ROLE,
				"Đơn vị công tác", RosterField.AFFILIATION, "Ngày vào tổ", RosterField.JOINED_ON));

		List<List<Object>> late = new ArrayList<>();
		for (int i = 0; i < RosterFileReader.HEADER_WITHIN; i++) {
			late.add(row("Ghi chú " + i));
		}
		late.add(row("Họ và tên", "Số điện thoại"));
		assertThat(RosterTable.find(lines(RosterFiles.xlsx(late), 0).lines())).isEmpty();
		assertThat(RosterTable.find(lines(RosterFiles.xlsx(List.of(row("Thôn", "Số điện thoại", "Giới tính"))), 0)
			.lines())).isEmpty();
	}

	@Test
	void ofTwoColumnsNamingOneFieldTheExactNameWinsThenTheFirst() {
		Table table = RosterTable.find(lines(RosterFiles.csv(';', List.of(
				row("Số ĐT nhà", "Họ và tên", "Tên thôn", "Mã thôn", "Số điện thoại", "Họ tên"))), 0).lines()).orElseThrow();
		assertThat(table.columns()).extracting(Column::match).containsExactly(null, RosterField.FULL_NAME,
				RosterField.VILLAGE, null, RosterField.PHONE, null);
	}

	@Test
	void aCsvFileIsReadWithTheSeparatorItsLinesHoldMostOfInAnyOfItsEncodings() {
		String text = "DANH SÁCH, NĂM 2022\r\nHọ và tên;Giới tính;Số điện thoại\r\n\"Lê Thị Cúc\";Nữ;0912 000 002\r\n";
		for (byte[] content : List.of(text.getBytes(StandardCharsets.UTF_8),
				("\uFEFF" + text).getBytes(StandardCharsets.UTF_8), utf16(text),
				windows1258(text))) {
			List<Line> lines = lines(content, 0).lines();
			assertThat(lines).hasSize(3);
			assertThat(lines.get(2).values()).extracting(RosterFileReader.Value::text)
				.containsExactly("Lê Thị Cúc", "Nữ", "0912 000 002");
		}
		List<Line> tabs = lines(utf16("Họ và tên\tSố điện thoại\r\nA\t0912000001\r\n"), 0).lines();
		assertThat(tabs.get(1).values()).extracting(RosterFileReader.Value::text).containsExactly("A", "0912000001");
	}

	@Test
	void aSheetIsReadOnlyUpToTheLinesAskedFor() {
		StringBuilder csv = new StringBuilder("Họ và tên,Số điện thoại\r\n");
		for (int i = 0; i < 5000; i++) {
			csv.append("Người ").append(i).append(",0912").append(String.format("%06d", i)).append("\r\n");
		}
		Lines lines = lines(csv.toString().getBytes(StandardCharsets.UTF_8), 0);
		assertThat(lines.cut()).isTrue();
		assertThat(lines.lines()).hasSize(RosterFileReader.MAX_LINES);
	}

	@Test
	void totalsAndSignaturesEndTheTableButAMemberNamedTongDoesNot() {
		assertThat(RosterTable.endsTable(new Line(1, List.of(RosterFileReader.Value.of("Tổng cộng"))))).isTrue();
		assertThat(RosterTable.endsTable(new Line(1, List.of(RosterFileReader.Value.of(""), RosterFileReader.Value.of("Cộng: 25"))))).isTrue();
		assertThat(RosterTable.endsTable(new Line(1, List.of(RosterFileReader.Value.of("Đại Sơn, ngày 20 tháng 4 năm 2022"))))).isTrue();
		assertThat(RosterTable.endsTable(new Line(1, List.of(RosterFileReader.Value.of("T/M UBND xã"))))).isTrue();
		assertThat(RosterTable.endsTable(new Line(1, List.of(RosterFileReader.Value.of("Tống Văn Tâm"),
				RosterFileReader.Value.of("0912000001"))))).isFalse();
		assertThat(RosterTable.endsTable(new Line(1, List.of(RosterFileReader.Value.of("Cộng Hòa"))))).isFalse();
	}

	/** As Excel's plain "CSV" saves on a Vietnamese Windows: tone marks as combining marks after the letter. */
	static byte[] windows1258(String text) {
		String decomposed = text.replace("ị", "i\u0323").replace("ữ", "ư\u0303").replace("Ữ", "Ư\u0303")
			.replace("Ậ", "Â\u0323").replace("Á", "\u00C1");
		return decomposed.getBytes(Charset.forName("windows-1258"));
	}

	static byte[] utf16(String text) {
		byte[] body = text.getBytes(StandardCharsets.UTF_16LE);
		byte[] content = new byte[body.length + 2];
		content[0] = (byte) 0xFF;
		content[1] = (byte) 0xFE;
		System.arraycopy(body, 0, content, 2, body.length);
		return content;
	}

}
