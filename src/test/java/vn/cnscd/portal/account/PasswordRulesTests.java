package vn.cnscd.portal.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue #11, item 5: what a new password must be. */
class PasswordRulesTests {

	final PasswordRules rules = new PasswordRules();

	@Test
	void theCommonListHoldsTenThousandPasswordsAndTheVietnameseOnes() throws IOException {
		try (InputStream in = PasswordRules.class.getResourceAsStream("/passwords/common-passwords.txt")) {
			List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
				.filter(line -> !line.startsWith("#") && !line.isBlank())
				.toList();
			assertThat(lines).hasSize(10_000).startsWith("password", "123456", "12345678", "1234", "qwerty");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "1234567890", "qwertyuiop", "matkhau123", "Mật khẩu 123", "MATKHAUMOI1", "anhyeuem123",
			"Anh yêu em 123", "123456789a", "vietnam123", "chuyendoiso123", "tocongnghesocongdong", "0987654321" })
	void commonPasswordsAreRefusedWhateverTheirCaseDiacriticsOrSpaces(String password) {
		assertThat(rules.problem(password, "truongthon")).hasValue("password.new.common");
	}

	@ParameterizedTest
	@ValueSource(strings = { "123456789", "matkhau", "demo1234", "ngắn-quá" })
	void fewerThanTenCharactersAreTooShort(String password) {
		assertThat(rules.problem(password, "truongthon")).hasValue("password.new.tooShort");
	}

	@Test
	void theUsernameItselfIsRefused() {
		assertThat(rules.problem("TruongThon01", "truongthon01")).hasValue("password.new.isUsername");
		assertThat(rules.problem("truongthon01!", "truongthon01")).isEmpty();
	}

	@Test
	void lengthIsMeasuredInTheBytesBcryptReads() {
		String thirtyLetters = "ữ".repeat(30);
		assertThat(thirtyLetters).hasSize(30);
		assertThat(thirtyLetters.getBytes(StandardCharsets.UTF_8)).hasSize(90);
		assertThat(rules.problem(thirtyLetters, "truongthon")).hasValue("password.new.tooLong");
		assertThat(rules.problem("a".repeat(72), "truongthon")).isEmpty();
		assertThat(rules.problem("a".repeat(73), "truongthon")).hasValue("password.new.tooLong");
		assertThat(rules.problem("Đồng lúa chín vàng quê tôi", "truongthon")).isEmpty();
	}

}
