package vn.cnscd.portal.area;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;
import vn.cnscd.portal.area.ReorganisationFile.BasisText;
import vn.cnscd.portal.area.ReorganisationFile.Problem;
import vn.cnscd.portal.area.ReorganisationFile.Read;
import vn.cnscd.portal.area.ReorganisationFile.Refused;
import vn.cnscd.portal.area.ReorganisationFile.Round;
import vn.cnscd.portal.area.ReorganisationFile.Share;
import vn.cnscd.portal.area.ReorganisationPlan.NewUnit;
import vn.cnscd.portal.area.ReorganisationPlan.Step;
import vn.cnscd.portal.area.ReorganisationPlan.StepKind;

/** Reading reorganisation files, row by row and as a whole, and the edits a draft page makes to a plan. */
class ReorganisationFileTests {

	static final String HEADER = String.join(",", ReorganisationFile.COLUMNS);

	/** The shared file tu-ky-reorganisations.csv, byte for byte (see SOURCES.md of the shared data). */
	static byte[] sharedFile() throws IOException {
		try (InputStream in = ReorganisationFileTests.class.getResourceAsStream("/area/tu-ky-reorganisations.csv")) {
			return in.readAllBytes();
		}
	}

	static Read read(String... rows) {
		return ReorganisationFile.read((HEADER + "\n" + String.join("\n", rows)).getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void theSharedFileHasTwoRoundsWithTheirBasesAndTheirPartsAndRests() throws IOException {
		Read read = ReorganisationFile.read(sharedFile());
		assertThat(read.problems()).isEmpty();
		assertThat(read.rows()).hasSize(28);
		List<Round> rounds = read.rounds();
		assertThat(rounds).extracting(Round::effectiveOn).containsExactly(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 7, 1));
		Round january = rounds.get(0);
		Round july = rounds.get(1);
		assertThat(january.rows()).hasSize(6);
		assertThat(january.inferred()).isEqualTo(6);
		assertThat(january.basis()).isEqualTo(new BasisText(null, null, "Ủy ban Thường vụ Quốc hội"));
		assertThat(july.rows()).hasSize(22);
		assertThat(july.inferred()).isZero();
		assertThat(july.basis()).isEqualTo(new BasisText("1669/NQ-UBTVQH15", LocalDate.of(2025, 6, 16), "Ủy ban Thường vụ Quốc hội"));
		assertThat(july.rows()).filteredOn(row -> row.share() != Share.WHOLE)
			.extracting(row -> row.oldName() + " " + row.share() + " " + row.newName())
			.containsExactly("Hưng Đạo PART Tân Kỳ", "Hưng Đạo REST Đại Sơn", "Tiên Động PART Lạc Phượng",
					"Tiên Động REST Nguyên Giáp");
		assertThat(july.rows().get(0)).satisfies(row -> {
			assertThat(row.line()).isEqualTo(8);
			assertThat(row.oldKind()).isEqualTo(UnitKind.THI_TRAN);
			assertThat(row.newKind()).isEqualTo(UnitKind.XA);
			assertThat(row.newCode()).isEqualTo("11074");
		});
	}

	@Test
	void basisTextsAreReadAsFarAsTheySayIt() {
		assertThat(BasisText.read("Nghị quyết 1669/NQ-UBTVQH15 ngày 16/6/2025 khoản 93"))
			.isEqualTo(new BasisText("1669/NQ-UBTVQH15", LocalDate.of(2025, 6, 16), "Ủy ban Thường vụ Quốc hội"));
		assertThat(BasisText.read("Nghị quyết số 202/2025/QH15 ngày 12 tháng 6 năm 2025 của Quốc hội"))
			.isEqualTo(new BasisText("202/2025/QH15", LocalDate.of(2025, 6, 12), "Quốc hội"));
		assertThat(BasisText.read("Quyết định 19/2025/QĐ-TTg"))
			.isEqualTo(new BasisText("19/2025/QĐ-TTg", null, "Thủ tướng Chính phủ"));
		assertThat(BasisText.read("Nghị quyết của HĐND tỉnh ngày 31/2/2025"))
			.isEqualTo(new BasisText(null, null, null));
	}

	@Test
	void eachBadCellIsReportedWithItsRowColumnAndWhy() {
		Read read = read("2025-13-01,NQ 1,11074,THI_TRAN,Tứ Kỳ,11074,XA,Tứ Kỳ,whole,official",
				"01/07/2025,NQ 1,11 128,XA,Minh Đức,11074,XA,Tứ Kỳ,all,official",
				"2025-07-01,,11116,LANG,Quang Khải,11074,XA,Tứ Kỳ,whole,maybe",
				"2025-07-01,NQ 1,11101,XA,,11074,THON,Tứ Kỳ,whole,official", "2025-07-01,NQ 1,11101,XA");
		assertThat(read.rows()).isEmpty();
		assertThat(read.problems()).extracting(p -> p.line() + " " + p.column() + " " + p.value() + " " + p.key())
			.containsExactly("2 effective_from 2025-13-01 reorganisation.import.error.date",
					"3 old_code 11 128 reorganisation.import.error.code", "3 share all reorganisation.import.error.share",
					"4 basis  reorganisation.import.error.required", "4 old_kind LANG reorganisation.import.error.kind",
					"4 confidence maybe reorganisation.import.error.confidence",
					"5 old_name  reorganisation.import.error.required", "5 new_kind THON reorganisation.import.error.level",
					"6   reorganisation.import.error.columns");
		assertThat(read.problems().get(read.problems().size() - 1).args()).containsExactly(4, 10);
	}

	@Test
	void theRowsOfARoundMustAgreeOnEachUnit() {
		Read read = read("2025-07-01,NQ 1,11086,XA,Hưng Đạo,11113,XA,Tân Kỳ,part,official",
				"2025-07-01,NQ 1,11119,XA,Đại Hợp,11113,XA,Tân Kỳ mới,whole,official",
				"2025-07-01,NQ 1,11092,XA,Bình Lăng,11086,XA,Đại Sơn,whole,official",
				"2025-07-01,NQ 1,11092,XA,Bình Lãng,11086,XA,Đại Sơn,whole,official");
		assertThat(read.rows()).hasSize(4);
		assertThat(read.problems()).extracting(p -> p.line() + " " + p.column() + " " + p.key())
			.containsExactly("2 share reorganisation.import.error.shares", "3 new_name reorganisation.import.error.newUnit",
					"4 share reorganisation.import.error.shares", "5 share reorganisation.import.error.shares");
		// diacritics aside, Bình Lăng and Bình Lãng are one name, as the GSO and the resolution spell it
		assertThat(read.problems()).noneMatch(p -> p.key().endsWith("oldUnit"));
		assertThat(read("2025-07-01,NQ 1,11086,XA,Hưng Đạo,11113,XA,Tân Kỳ,part,official",
				"2025-07-01,NQ 1,11086,XA,Hưng Đạo,11113,XA,Tân Kỳ,rest,official").problems())
			.extracting(Problem::key)
			.containsExactly("reorganisation.import.error.splitTwice", "reorganisation.import.error.splitTwice");
		// the same old unit in two rounds is two units
		assertThat(read("2025-01-01,NQ 1,11098,XA,Tái Sơn,11098,XA,Kỳ Sơn,whole,inferred",
				"2025-07-01,NQ 2,11098,XA,Kỳ Sơn,11113,XA,Tân Kỳ,whole,official").problems()).isEmpty();
	}

	@Test
	void aFileThatIsNotOneIsRefusedAsAWhole() {
		assertThat(refusal("effective_from,basis\n2025-07-01,NQ".getBytes(StandardCharsets.UTF_8))).isEqualTo("header");
		assertThat(refusal(HEADER.getBytes(StandardCharsets.UTF_8))).isEqualTo("noRows");
		assertThat(refusal(new byte[0])).isEqualTo("empty");
		assertThat(refusal(new byte[] { (byte) 0xC3, 0x28, 'a' })).isEqualTo("notUtf8");
		assertThat(refusal("%PDF\u0000\u0001".getBytes(StandardCharsets.UTF_8))).isEqualTo("notCsv");
		assertThat(refusal(new byte[ReorganisationFile.MAX_BYTES + 1])).isEqualTo("tooLarge");
		String row = "\n2025-07-01,NQ 1,11074,THI_TRAN,Tứ Kỳ,11074,XA,Tứ Kỳ,whole,official";
		assertThat(refusal((HEADER + row.repeat(ReorganisationFile.MAX_ROWS + 1)).getBytes(StandardCharsets.UTF_8)))
			.isEqualTo("tooManyRows");
		assertThat(read((HEADER + row.repeat(ReorganisationFile.MAX_ROWS)).substring(HEADER.length() + 1)).rows())
			.hasSize(ReorganisationFile.MAX_ROWS);
	}

	@Test
	void excelsSemicolonsItsByteOrderMarkAndDecomposedMarksAreRead() {
		String decomposed = java.text.Normalizer.normalize("Tứ Kỳ", java.text.Normalizer.Form.NFD);
		byte[] file = ("\uFEFF" + HEADER.replace(',', ';') + "\r\n\r\n2025-07-01;\"NQ 1, khoản 93\";11074;thi_tran;  "
				+ decomposed + " ;11074;XA;Tứ Kỳ;Whole;OFFICIAL\r\n").getBytes(StandardCharsets.UTF_8);
		Read read = ReorganisationFile.read(file);
		assertThat(read.problems()).isEmpty();
		assertThat(read.rows()).singleElement().satisfies(row -> {
			assertThat(row.line()).isEqualTo(3);
			assertThat(row.basis()).isEqualTo("NQ 1, khoản 93");
			assertThat(row.oldName()).isEqualTo("Tứ Kỳ");
			assertThat(row.oldKind()).isEqualTo(UnitKind.THI_TRAN);
			assertThat(row.share()).isEqualTo(Share.WHOLE);
		});
		// the text the choice page sends back reads the same
		assertThat(ReorganisationFile.read(read.text()).rows()).isEqualTo(read.rows());
	}

	private static String refusal(byte[] content) {
		return ((Refused) org.assertj.core.api.Assertions.catchThrowable(() -> ReorganisationFile.read(content))).key()
			.replace("reorganisation.import.refused.", "");
	}

	@Test
	void partTransfersGoFirstAndRemovingAStepDropsTheNewUnitsNothingUses() {
		ReorganisationPlan plan = PlanEdits.mergingIntoNew(ReorganisationPlan.empty(), List.of(1L, 2L), 100, UnitKind.XA,
				" 11074 ", " Tứ Kỳ ");
		plan = PlanEdits.adding(plan, Step.rename(3, null, null, "Kỳ Sơn"));
		plan = PlanEdits.adding(plan, Step.transfer(4, List.of(), -1));
		plan = PlanEdits.adding(plan, Step.transfer(5, List.of(50L), -1));
		assertThat(plan.opens()).containsExactly(new NewUnit(-1, 100, UnitKind.XA, "11074", "Tứ Kỳ"));
		assertThat(plan.steps()).extracting(Step::kind)
			.containsExactly(StepKind.TRANSFER, StepKind.TRANSFER, StepKind.MERGE, StepKind.RENAME);
		assertThat(plan.steps().get(0).from()).isEqualTo(4);
		plan = PlanEdits.choosing(plan, 0, List.of(40L, 41L));
		assertThat(plan.steps().get(0)).isEqualTo(Step.transfer(4, List.of(40L, 41L), -1));

		ReorganisationPlan withoutMerge = PlanEdits.removing(plan, 2);
		assertThat(withoutMerge.opens()).hasSize(1);
		ReorganisationPlan bare = PlanEdits.removing(PlanEdits.removing(withoutMerge, 0), 0);
		assertThat(bare.opens()).isEmpty();
		assertThat(bare.steps()).extracting(Step::kind).containsExactly(StepKind.RENAME);
		// a new unit that only holds another new unit goes with it
		ReorganisationPlan nested = PlanEdits.mergingIntoNew(ReorganisationPlan.empty(), List.of(9L), 100, UnitKind.HUYEN,
				"999", "Mới");
		nested = PlanEdits.mergingIntoNew(nested, List.of(1L, 2L), -1, UnitKind.XA, null, "Xã mới");
		assertThat(nested.opens()).hasSize(2);
		assertThat(PlanEdits.removing(PlanEdits.removing(nested, 1), 0).opens()).isEmpty();
		assertThat(PlanEdits.removing(nested, 0).opens()).hasSize(2);
	}

	@Test
	void aPlanKeepsTheCommuneOfAWaitingTransferThroughItsJsonAndReadsOlderJsonWithoutIt() {
		JsonMapper json = JsonMapper.builder().build();
		ReorganisationPlan plan = PlanEdits.adding(
				PlanEdits.mergingIntoNew(ReorganisationPlan.empty(), List.of(1L), 100, UnitKind.XA, "1", "A"),
				Step.transfer(7, List.of(), -1)).deciding(Map.of(5L, -1L));
		assertThat(json.readValue(json.writeValueAsString(plan), ReorganisationPlan.class)).isEqualTo(plan);
		ReorganisationPlan older = json.readValue("""
				{"opens":[],"steps":[{"kind":"TRANSFER","units":[3],"target":9,"newKind":null,"newCode":null,"newName":null}],
				 "accounts":{}}""", ReorganisationPlan.class);
		assertThat(older.steps()).containsExactly(Step.transfer(List.of(3L), 9));
		assertThatThrownBy(() -> older.steps().get(0).units().add(4L)).isInstanceOf(UnsupportedOperationException.class);
	}

}
