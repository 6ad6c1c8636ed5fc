package vn.cnscd.portal.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

/**
 * What a new password must be: at least {@value #MIN_LENGTH} characters, at most {@value #MAX_BYTES} bytes in
 * UTF-8 (BCrypt reads no further, and refuses more: a letter with Vietnamese diacritics takes 2 or 3 bytes, so
 * 30 of them are 90 bytes), not one of the common passwords shipped in {@code passwords/} (10,000 from a public
 * list and Vietnamese additions), and not the username. Compared without case, diacritics or spaces, so that
 * "Mật Khẩu 123" is as common as "matkhau123".
 */
@Component
class PasswordRules {

	static final int MIN_LENGTH = 10;

	static final int MAX_BYTES = 72;

	static final List<String> LISTS = List.of("/passwords/common-passwords.txt", "/passwords/vietnamese-passwords.txt");

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	private static final Pattern SPACES = Pattern.compile("\\s+");

	private final Set<String> common;

	PasswordRules() {
		Set<String> read = new HashSet<>();
		for (String list : LISTS) {
			read.addAll(read(list));
		}
		this.common = Set.copyOf(read);
	}

	/** The message key of what is wrong with a new password, or empty when it will do. */
	Optional<String> problem(String password, String username) {
		if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
			return Optional.of("password.new.tooShort");
		}
		if (!fitsBcrypt(password)) {
			return Optional.of("password.new.tooLong");
		}
		String folded = fold(password);
		if (username != null && folded.equals(fold(username))) {
			return Optional.of("password.new.isUsername");
		}
		if (common.contains(folded)) {
			return Optional.of("password.new.common");
		}
		return Optional.empty();
	}

	/** Whether BCrypt can take the password whole: a longer one can match no stored hash. */
	static boolean fitsBcrypt(String password) {
		return password.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
	}

	static String fold(String text) {
		String decomposed = Normalizer.normalize(text.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD);
		return SPACES.matcher(MARKS.matcher(decomposed).replaceAll("")).replaceAll("").toLowerCase(Locale.ROOT);
	}

	private static Set<String> read(String resource) {
		Set<String> words = new HashSet<>();
		try (InputStream in = PasswordRules.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("Missing " + resource);
			}
			BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			for (String line = lines.readLine(); line != null; line = lines.readLine()) {
				if (!line.isBlank() && !line.startsWith("#")) {
					words.add(fold(line.strip()));
				}
			}
		}
		catch (IOException failure) {
			throw new UncheckedIOException(failure);
		}
		return words;
	}

}
