package vn.cnscd.portal.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumberTests {

	@ParameterizedTest
	@ValueSource(strings = { "0912 345 678", "+84 912 345 678", "84912345678", "0912.345.678", "(+84) 912-345-678" })
	void theSameMobileNumberIsStoredInOneForm(String typed) {
		assertThat(PhoneNumber.normalize(typed)).contains("0912345678");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "12345", "0212345678", "091234567", "09123456789", "+1 912 345 678", "0912abc678" })
	void whatIsNotAVietnameseMobileNumberIsRefused(String typed) {
		assertThat(PhoneNumber.normalize(typed)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "0912345678" })
	void storedNumbersAreShownInGroups(String stored) {
		assertThat(PhoneNumber.display(stored)).isEqualTo("0912 345 678");
	}

}
