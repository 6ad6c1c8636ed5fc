package vn.cnscd.portal.team;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.context.support.ResourceBundleMessageSource;

import vn.cnscd.portal.area.UnitKind;
import vn.cnscd.portal.area.UnitLevel;
import vn.cnscd.portal.area.UnitSummary;
import vn.cnscd.portal.team.RosterFileReader.Value;

/** The words of commune rosters, read as people type them. */
class RosterVocabularyTests {

	static final RosterLabels LABELS;

	static {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages/messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		LABELS = new RosterLabels(messages);
	}

	@ParameterizedTest
	@CsvSource({ "Họ và tên, FULL_NAME", "HỌ TÊN, FULL_NAME", "Tên thành viên, FULL_NAME", "Họ và tên thành viên tổ, FULL_NAME",
			"Số điện thoại, PHONE", "SĐT, PHONE", "sdt, PHONE", "Điện thoại, PHONE", "Di động, PHONE", "Số ĐT liên hệ, PHONE",
			"Chức danh trong tổ, ROLE", "Vai trò, ROLE", "Nhiệm vụ, ROLE", "Thành phần, AFFILIATION", "Chức vụ, AFFILIATION",
			"Đơn vị công tác, AFFILIATION", "Năm sinh, BIRTH_YEAR", "Ngày sinh, BIRTH_YEAR", "Ngày tháng năm sinh, BIRTH_YEAR",
			"Thôn, VILLAGE", "Khu dân cư, VILLAGE", "Tổ dân phố, VILLAGE", "Mã thôn, VILLAGE", "KDC, VILLAGE",
			"Giới tính, GENDER", "Nam, MALE_BIRTH_YEAR", "Nữ, FEMALE_BIRTH_YEAR", "Nu, FEMALE_BIRTH_YEAR",
			"Ngày tham gia, JOINED_ON", "Ngày vào tổ, JOINED_ON" })
	void headersAreMatchedByTheirWordsIgnoringCaseAndDiacritics(String header, RosterField field) {
		assertThat(RosterVocabulary.field(header)).contains(field);
	}

	@Test
	void titlesNotesAndNumbersMatchNoField() {
		for (String header : List.of("STT", "TT", "Ghi chú", "Chữ ký", "(1)", "",
				"DANH SÁCH THÀNH VIÊN TỔ CÔNG NGHỆ SỐ CỘNG ĐỒNG THÔN AN LẠC", "UBND THỊ TRẤN TỨ KỲ")) {
			assertThat(RosterVocabulary.field(header)).as(header).isEmpty();
		}
	}

	@ParameterizedTest
	@CsvSource({ "Tổ trưởng, LEADER", "TT, LEADER", "tt, LEADER", "Trưởng, LEADER", "to truong, LEADER",
			"Tổ phó, DEPUTY", "TP, DEPUTY", "Phó tổ trưởng, DEPUTY", "Thành viên, MEMBER", "TV, MEMBER", "Tổ viên, MEMBER",
			"thanh vien, MEMBER" })
	void rolesAreReadWithTheirAbbreviations(String text, TeamRole role) {
		assertThat(RosterVocabulary.role(text, LABELS)).contains(role);
	}

	@ParameterizedTest
	@CsvSource({ "Trưởng thôn, VILLAGE_HEAD", "Trưởng khu, VILLAGE_HEAD", "Trưởng KDC, VILLAGE_HEAD",
			"Tổ trưởng tổ dân phố, VILLAGE_HEAD", "Bí thư chi đoàn, YOUTH_UNION", "Đoàn viên, YOUTH_UNION",
			"ĐTN, YOUTH_UNION", "Chủ tịch Hội Nông dân, FARMERS_UNION", "HND, FARMERS_UNION",
			"Chi hội trưởng phụ nữ, WOMENS_UNION", "Hội LHPN, WOMENS_UNION", "CCB, VETERANS_ASSOCIATION",
			"Hội viên Cựu chiến binh, VETERANS_ASSOCIATION", "Giáo viên THCS, LOWER_SECONDARY_TEACHER",
			"Giáo viên trường Tiểu học Tứ Kỳ, PRIMARY_TEACHER", "GV THPT, UPPER_SECONDARY_TEACHER",
			"Công chức Văn hóa - Xã hội, COMMUNE_OFFICIAL", "Chủ tịch UBND xã, COMMUNE_CHAIR",
			"Trưởng đài truyền thanh, RADIO_STATION_HEAD", "Trưởng ban công tác Mặt trận, MASS_ORGANISATION_HEAD",
			"khac, OTHER", "Hội Liên hiệp Phụ nữ, WOMENS_UNION" })
	void affiliationsAreReadFromTheWordsPeopleUse(String text, Affiliation affiliation) {
		assertThat(RosterVocabulary.affiliation(text, LABELS)).contains(affiliation);
	}

	@Test
	void gendersAndUnknownWords() {
		assertThat(RosterVocabulary.gender("Nu", LABELS)).contains(Gender.FEMALE);
		assertThat(RosterVocabulary.gender("NAM", LABELS)).contains(Gender.MALE);
		assertThat(RosterVocabulary.gender("Không rõ", LABELS)).isEmpty();
		assertThat(RosterVocabulary.role("Chủ tịch", LABELS)).isEmpty();
		assertThat(RosterVocabulary.affiliation("Giáo viên", LABELS)).isEmpty();
	}

	@Test
	void phonesAreReadAsTypedOrAsANumberCellLeftThem() {
		assertThat(RosterRowCheck.phone("912345001")).contains("0912345001");
		assertThat(RosterRowCheck.phone("0975.222.333")).contains("0975222333");
		assertThat(RosterRowCheck.phone("+84 966 444 555")).contains("0966444555");
		assertThat(RosterRowCheck.phone("84966444555")).contains("0966444555");
		assertThat(RosterRowCheck.phone("0966-444-555")).contains("0966444555");
		assertThat(RosterRowCheck.phone("12345")).isEmpty();
	}

	@Test
	void datesAreReadAsCellsOrAsDayMonthYearText() {
		LocalDate today = LocalDate.of(2026, 12, 1);
		assertThat(RosterRowCheck.date(Value.date(LocalDate.of(2022, 4, 15)), today)).contains(LocalDate.of(2022, 4, 15));
		assertThat(RosterRowCheck.date(Value.of("15/04/2022"), today)).contains(LocalDate.of(2022, 4, 15));
		assertThat(RosterRowCheck.date(Value.of("5/3/2024"), today)).contains(LocalDate.of(2024, 3, 5));
		assertThat(RosterRowCheck.date(Value.of("5/3/24"), today)).contains(LocalDate.of(2024, 3, 5));
		assertThat(RosterRowCheck.date(Value.of("1/1/85"), today)).contains(LocalDate.of(1985, 1, 1));
		assertThat(RosterRowCheck.date(Value.of("31/02/2024"), today)).isEmpty();
		assertThat(RosterRowCheck.date(Value.of("2024-03-05"), today)).isEmpty();
	}

	@Test
	void villagesAreFoundByCodeOrByNameWithOrWithoutTheirKind() {
		UnitSummary two = village(2, UnitKind.KHU_DAN_CU, "11074-02", "2");
		UnitSummary anLac = village(3, UnitKind.THON, "11083-01", "An Lạc");
		RosterRowCheck.VillageFinder finder = new RosterRowCheck.VillageFinder(List.of(two, anLac));
		for (String text : List.of("11074-02", "Khu dân cư 2", "KDC 2", "kdc2", "Khu 2", "2", "02", "KHU DAN CU 2",
				"11074-02 Khu dân cư 2")) {
			assertThat(finder.find(text)).as(text).containsExactly(two);
		}
		for (String text : List.of("Thôn An Lạc", "an lac", "AN LẠC", "11083-01")) {
			assertThat(finder.find(text)).as(text).containsExactly(anLac);
		}
		assertThat(finder.find("Khu dân cư 9")).isEmpty();
		assertThat(new RosterRowCheck.VillageFinder(List.of(two, village(4, UnitKind.TO_DAN_PHO, "11074-09", "2")))
			.find("2")).hasSize(2);
	}

	static UnitSummary village(long id, UnitKind kind, String code, String name) {
		return new UnitSummary(id, 1L, UnitLevel.VILLAGE, kind, code, name, 100, 200, LocalDate.of(2019, 12, 1), null,
				"/1/" + id + "/", 0);
	}

}
