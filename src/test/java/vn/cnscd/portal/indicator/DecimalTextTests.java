package vn.cnscd.portal.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Locale;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DecimalTextTests {

	static final Locale VI = Locale.forLanguageTag("vi");

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "72,5|72.5", "72.5|72.5", "80|80", "' 80 '|80", "0|0", "0,5|0.5",
			"1.500|1500", "1.234,5|1234.5", "12.345.678|12345678", "1 500|1500", "99,99|99.99", "1,5|1.5" })
	void vietnameseReadsACommaAsTheDecimalSignAndADotBeforeThreeDigitsAsThousands(String typed, String expected) {
		DecimalText.Reading reading = DecimalText.read(typed, VI);
		assertThat(reading.error()).isNull();
		assertThat(reading.value()).isEqualByComparingTo(expected);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "72,5|72.5", "72.5|72.5", "1,500|1500", "1,234.5|1234.5", "1.500|1.5" })
	void englishReadsACommaBeforeThreeDigitsAsThousandsAndAcceptsADecimalCommaOtherwise(String typed,
			String expected) {
		DecimalText.Reading reading = DecimalText.read(typed, Locale.ENGLISH);
		assertThat(reading.error()).isNull();
		assertThat(reading.value()).isEqualByComparingTo(expected);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "abc|target.value.invalid", "72,|target.value.invalid",
			",5|target.value.invalid", "1.2.3|target.value.invalid", "1,2.5|target.value.invalid",
			"7O|target.value.invalid", "-5|target.value.negative", "−3,5|target.value.negative",
			"72,555|target.value.scale", "1000000000000|target.value.tooLarge" })
	void whatIsNotATargetSaysWhy(String typed, String error) {
		assertThat(DecimalText.read(typed, VI).error()).isEqualTo(error);
		assertThat(DecimalText.read(typed, VI).value()).isNull();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "''", "'   '" })
	void anEmptyCellIsNoTarget(String typed) {
		assertThat(DecimalText.read(typed, VI).empty()).isTrue();
		assertThat(DecimalText.read(null, VI).empty()).isTrue();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "72.50|72,5|72,5|72.5", "1234.50|1234,5|1.234,5|1,234.5", "100.00|100|100|100" })
	void valuesAreShownInTheReadersLanguageAndReadBackUnchanged(String stored, String input, String vietnamese,
			String english) {
		BigDecimal value = new BigDecimal(stored);
		assertThat(DecimalText.input(value, VI)).isEqualTo(input);
		assertThat(DecimalText.display(value, VI)).isEqualTo(vietnamese);
		assertThat(DecimalText.display(value, Locale.ENGLISH)).isEqualTo(english);
		assertThat(DecimalText.read(DecimalText.input(value, VI), VI).value()).isEqualByComparingTo(value);
		assertThat(DecimalText.read(vietnamese, VI).value()).isEqualByComparingTo(value);
		assertThat(DecimalText.read(english, Locale.ENGLISH).value()).isEqualByComparingTo(value);
	}

}
