package vn.cnscd.portal.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;

import org.junit.jupiter.api.Test;

import vn.cnscd.portal.export.ReportPeriod.Kind;

class ReportPeriodTests {

	@Test
	void oneParameterNamesThePeriod() {
		assertThat(ReportPeriod.parse("2026-10", null, null)).contains(new ReportPeriod(Kind.MONTH, 2026, 10));
		assertThat(ReportPeriod.parse(null, "2026-Q4", "")).contains(new ReportPeriod(Kind.QUARTER, 2026, 4));
		assertThat(ReportPeriod.parse(" ", null, "2026")).contains(new ReportPeriod(Kind.YEAR, 2026, 0));
		assertThat(ReportPeriod.noneGiven(null, "", " ")).isTrue();
		assertThat(ReportPeriod.noneGiven(null, "2026-Q1", null)).isFalse();
	}

	@Test
	void aMalformedPeriodOrTwoAtOnceNameNone() {
		assertThat(ReportPeriod.parse("2026-13", null, null)).isEmpty();
		assertThat(ReportPeriod.parse(null, "2026-Q5", null)).isEmpty();
		assertThat(ReportPeriod.parse(null, null, "26")).isEmpty();
		assertThat(ReportPeriod.parse("2026-10", null, "2026")).isEmpty();
		assertThat(ReportPeriod.parse(null, null, null)).isEmpty();
	}

	@Test
	void aPeriodKnowsItsMonthsAndTheNext() {
		ReportPeriod q4 = new ReportPeriod(Kind.QUARTER, 2026, 4);
		assertThat(q4.months()).containsExactly(YearMonth.of(2026, 10), YearMonth.of(2026, 11), YearMonth.of(2026, 12));
		assertThat(q4.lastDay()).isEqualTo(LocalDate.of(2026, 12, 31));
		assertThat(q4.numeral()).isEqualTo("IV");
		assertThat(q4.next()).isEqualTo(new ReportPeriod(Kind.QUARTER, 2027, 1));
		assertThat(ReportPeriod.month(YearMonth.of(2026, 12)).next()).isEqualTo(ReportPeriod.month(YearMonth.of(2027, 1)));
		assertThat(ReportPeriod.year(2026).months()).hasSize(12);
		assertThat(ReportPeriod.year(2026).next()).isEqualTo(ReportPeriod.year(2027));
	}

	/** Decree 30: a day below 10 and the months January and February take a leading zero. */
	@Test
	void theDateLineWritesDaysAndMonthsAsDecree30Does() {
		assertThat(ReportComposer.dateParts(LocalDate.of(2026, 1, 5))).containsExactly("05", "01", "2026");
		assertThat(ReportComposer.dateParts(LocalDate.of(2026, 2, 28))).containsExactly("28", "02", "2026");
		assertThat(ReportComposer.dateParts(LocalDate.of(2030, 3, 20))).containsExactly("20", "3", "2030");
		assertThat(ReportComposer.dateParts(LocalDate.of(2026, 12, 9))).containsExactly("09", "12", "2026");
	}

	@Test
	void anAuthorityLineStartsAsDecree30Has() {
		assertThat(ReportSettings.validAuthority("TM. TỔ CHỈ ĐẠO")).isTrue();
		assertThat(ReportSettings.validAuthority("KT. TỔ TRƯỞNG")).isTrue();
		assertThat(ReportSettings.validAuthority("q. giám đốc")).isTrue();
		assertThat(ReportSettings.validAuthority("")).isTrue();
		assertThat(ReportSettings.validAuthority("TM.")).isFalse();
		assertThat(ReportSettings.validAuthority("TỔ TRƯỞNG")).isFalse();
		assertThat(ReportSettings.validAuthority("TMT. TỔ")).isFalse();
	}

	@Test
	void recipientsAreLinesWithoutTheirDashes() {
		ReportSettings settings = new ReportSettings(null, "X", "TCĐ", "Tứ Kỳ", null, "TỔ TRƯỞNG", null,
				"- UBND tỉnh;\r\n\n  • Lưu: VT.  ", 0);
		assertThat(settings.recipientLines()).containsExactly("UBND tỉnh;", "Lưu: VT.");
	}

}
