package vn.cnscd.portal.area;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchTextTests {

	@Test
	void foldsVietnameseToPlainLowerCase() {
		assertThat(SearchText.fold("Thị trấn Tứ Kỳ")).isEqualTo("thi tran tu ky");
		assertThat(SearchText.fold("ĐẠI SƠN")).isEqualTo("dai son");
		assertThat(SearchText.fold("  Quảng   Nghiệp, 11122 ")).isEqualTo("quang nghiep 11122");
		assertThat(SearchText.fold("Hưng Đạo")).isEqualTo("hung dao");
	}

	@Test
	void splitsAQueryIntoWords() {
		assertThat(SearchText.words(" Đại  sơn ")).containsExactly("dai", "son");
		assertThat(SearchText.words(" %_ ")).isEmpty();
	}

	/** Issue #11, item 6: a search box's text has a limit on the server too. */
	@Test
	void aSearchReadsAFewWordsOfItsQueryHoweverLongItIs() {
		String huge = "tứ kỳ ".repeat(200_000);
		assertThat(SearchText.words(huge)).hasSize(SearchText.MAX_WORDS).containsOnly("tu", "ky");
		assertThat(SearchText.words("x".repeat(SearchText.MAX_QUERY + 50))).containsExactly("x".repeat(SearchText.MAX_QUERY));
	}

}
