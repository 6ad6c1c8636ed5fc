package vn.cnscd.portal.area;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Folds Vietnamese text for searching: lower case, without tone marks or diacritics, đ as d, single
 * spaces. "Thị trấn Tứ Kỳ" folds to "thi tran tu ky", as does "THI TRAN tu ky".
 */
public final class SearchText {

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

	private SearchText() {
	}

	public static String fold(String text) {
		if (text == null) {
			return "";
		}
		String decomposed = Normalizer.normalize(text.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD);
		String plain = MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
		return NOT_WORD.matcher(plain).replaceAll(" ").trim();
	}

	/** A search reads no more of its query: a name and a place are a few words, and each word costs a condition. */
	static final int MAX_QUERY = 200;

	static final int MAX_WORDS = 10;

	/**
	 * The words of a folded query, each of which a match must contain: the first {@value #MAX_WORDS} within its
	 * first {@value #MAX_QUERY} characters.
	 */
	public static List<String> words(String query) {
		String folded = fold(query == null || query.length() <= MAX_QUERY ? query : query.substring(0, MAX_QUERY));
		return folded.isEmpty() ? List.of() : Arrays.stream(folded.split(" ")).limit(MAX_WORDS).toList();
	}

}
