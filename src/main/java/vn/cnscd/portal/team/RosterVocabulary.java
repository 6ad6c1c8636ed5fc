package vn.cnscd.portal.team;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import vn.cnscd.portal.area.SearchText;

/**
 * The words commune offices write in their rosters, compared as the search does, without case or diacritics:
 * the headers of the columns ("Họ và tên", "SĐT", "Chức vụ"…) and the values of gender, role and affiliation
 * with their usual abbreviations ("TT" for tổ trưởng, "CCB" for the veterans, "Bí thư chi đoàn" for the Youth
 * Union). A header matches exactly one of a field's names, or, when it is short, contains a telling word; a
 * value matches a label or a name exactly, then a telling word. The words are Vietnamese whatever the reader's
 * language, as the files are.
 */
final class RosterVocabulary {

	/** Longer headers are titles or notes, not column names: only their exact names match. */
	private static final int MAX_HEADER_WORDS = 6;

	private static final Map<String, RosterField> HEADERS = new HashMap<>();

	/** In order: the first field whose words a header contains is the header's. */
	private static final Map<RosterField, List<String>> HEADER_WORDS = new LinkedHashMap<>();

	static {
		headers(RosterField.VILLAGE, "Thôn", "Mã thôn", "Tên thôn", "Khu dân cư", "Mã khu dân cư", "Tên khu dân cư",
				"Thôn, khu dân cư", "Thôn, tổ dân phố", "Tổ dân phố", "Thôn, xóm", "Xóm", "Ấp", "Bản",
				"KDC", "TDP", "Khu", "Địa bàn", "Thôn/Khu", "Mã thôn, khu dân cư");
		headers(RosterField.FULL_NAME, "Họ và tên", "Họ tên", "Tên thành viên", "Họ và tên thành viên",
				"Họ tên thành viên", "Họ, tên", "Tên");
		headers(RosterField.GENDER, "Giới tính", "Giới", "Nam/Nữ", "Phái");
		headers(RosterField.BIRTH_YEAR, "Năm sinh", "Ngày sinh", "Ngày tháng năm sinh", "Ngày, tháng, năm sinh",
				"Sinh năm", "Năm sinh/Ngày sinh");
		headers(RosterField.MALE_BIRTH_YEAR, "Nam", "Năm sinh Nam", "Nam giới");
		headers(RosterField.FEMALE_BIRTH_YEAR, "Nữ", "Năm sinh Nữ", "Nữ giới");
		headers(RosterField.PHONE, "Số điện thoại", "SĐT", "Điện thoại", "Di động", "Số di động", "ĐT", "ĐTDĐ", "Số ĐT",
				"Điện thoại di động", "Số điện thoại di động", "SĐT/Zalo", "Số Zalo");
		headers(RosterField.ROLE, "Chức danh trong tổ", "Vai trò", "Nhiệm vụ", "Vai trò trong tổ", "Chức danh",
				"Chức vụ trong tổ", "Nhiệm vụ trong tổ", "Nhiệm vụ được phân công", "Phân công");
		headers(RosterField.AFFILIATION, "Thành phần", "Chức vụ", "Đơn vị công tác", "Thuộc thành phần",
				"Chức vụ, đơn vị công tác", "Nơi công tác", "Chức vụ hiện nay",
				"Chức vụ hiện tại", "Chức vụ đang đảm nhiệm", "Công việc hiện nay", "Nghề nghiệp", "Đoàn thể");
		headers(RosterField.JOINED_ON, "Ngày tham gia", "Ngày vào tổ", "Tham gia từ", "Ngày bắt đầu", "Ngày gia nhập",
				"Ngày tham gia tổ", "Thời gian tham gia");
		HEADER_WORDS.put(RosterField.PHONE, folded("điện thoại", "sđt", "di động", "đt"));
		HEADER_WORDS.put(RosterField.FULL_NAME, folded("họ và tên", "họ tên", "tên thành viên"));
		HEADER_WORDS.put(RosterField.GENDER, folded("giới tính"));
		HEADER_WORDS.put(RosterField.BIRTH_YEAR, folded("năm sinh", "ngày sinh"));
		HEADER_WORDS.put(RosterField.JOINED_ON, folded("tham gia", "vào tổ", "gia nhập"));
		HEADER_WORDS.put(RosterField.ROLE, folded("trong tổ", "vai trò", "nhiệm vụ", "chức danh"));
		HEADER_WORDS.put(RosterField.AFFILIATION, folded("thành phần", "chức vụ", "công tác", "đoàn thể"));
		HEADER_WORDS.put(RosterField.VILLAGE, folded("thôn", "kdc", "tdp", "khu dân cư", "tổ dân phố", "xóm"));
	}

	private static final Map<String, Gender> GENDERS = Map.of("nam", Gender.MALE, "nam gioi", Gender.MALE, "nu",
			Gender.FEMALE, "nu gioi", Gender.FEMALE);

	private static final Map<String, TeamRole> ROLES = new HashMap<>();

	private static final Map<String, Affiliation> AFFILIATIONS = new HashMap<>();

	/** In order: "Chủ tịch Hội Nông dân" is of the Farmers' Union before it is a chair. */
	private static final Map<Affiliation, List<String>> AFFILIATION_WORDS = new LinkedHashMap<>();

	static {
		values(ROLES, TeamRole.LEADER, "Tổ trưởng", "TT", "Trưởng", "Trưởng tổ", "Tổ trưởng tổ CNSCĐ");
		values(ROLES, TeamRole.DEPUTY, "Tổ phó", "TP", "Phó", "Phó tổ", "Tổ phó tổ CNSCĐ", "Phó tổ trưởng");
		values(ROLES, TeamRole.MEMBER, "Thành viên", "TV", "Tổ viên", "Ủy viên", "Thư ký");
		values(AFFILIATIONS, Affiliation.VILLAGE_HEAD, "Trưởng thôn", "Trưởng khu", "Trưởng KDC", "Trưởng khu dân cư",
				"Tổ trưởng tổ dân phố", "Tổ trưởng TDP", "Trưởng xóm", "Trưởng ấp", "Trưởng bản");
		values(AFFILIATIONS, Affiliation.COMMUNE_CHAIR, "Chủ tịch UBND xã", "Chủ tịch UBND", "Chủ tịch xã",
				"CT UBND xã", "Chủ tịch UBND thị trấn", "Chủ tịch UBND phường");
		values(AFFILIATIONS, Affiliation.YOUTH_UNION, "Đoàn Thanh niên", "Đoàn TN", "ĐTN", "Đoàn viên", "Bí thư chi đoàn",
				"Bí thư Đoàn", "Chi đoàn", "Đoàn TNCS Hồ Chí Minh");
		values(AFFILIATIONS, Affiliation.FARMERS_UNION, "Hội Nông dân", "HND", "Chi hội Nông dân", "Chi hội trưởng Nông dân");
		values(AFFILIATIONS, Affiliation.WOMENS_UNION, "Hội Liên hiệp Phụ nữ", "Hội Phụ nữ", "HPN", "Hội LHPN", "Phụ nữ",
				"Chi hội Phụ nữ", "Chi hội trưởng Phụ nữ");
		values(AFFILIATIONS, Affiliation.VETERANS_ASSOCIATION, "Hội Cựu chiến binh", "CCB", "Hội CCB", "Cựu chiến binh",
				"Chi hội Cựu chiến binh");
		values(AFFILIATIONS, Affiliation.PRIMARY_TEACHER, "Giáo viên tiểu học", "GV tiểu học", "GVTH", "Giáo viên TH");
		values(AFFILIATIONS, Affiliation.LOWER_SECONDARY_TEACHER, "Giáo viên trung học cơ sở", "Giáo viên THCS", "GV THCS");
		values(AFFILIATIONS, Affiliation.UPPER_SECONDARY_TEACHER, "Giáo viên trung học phổ thông", "Giáo viên THPT",
				"GV THPT");
		values(AFFILIATIONS, Affiliation.COMMUNE_OFFICIAL, "Công chức xã", "Công chức", "Cán bộ xã", "Công chức UBND xã");
		values(AFFILIATIONS, Affiliation.RADIO_STATION_HEAD, "Trưởng đài truyền thanh", "Trưởng đài", "Đài truyền thanh",
				"Trưởng đài TT");
		values(AFFILIATIONS, Affiliation.MASS_ORGANISATION_HEAD, "Người đứng đầu tổ chức đoàn thể", "Trưởng ban công tác Mặt trận",
				"Trưởng ban CTMT", "Mặt trận", "MTTQ");
		values(AFFILIATIONS, Affiliation.OTHER, "Khác");
		AFFILIATION_WORDS.put(Affiliation.WOMENS_UNION, folded("phụ nữ", "hpn", "lhpn"));
		AFFILIATION_WORDS.put(Affiliation.FARMERS_UNION, folded("nông dân", "hnd"));
		AFFILIATION_WORDS.put(Affiliation.VETERANS_ASSOCIATION, folded("cựu chiến binh", "ccb"));
		AFFILIATION_WORDS.put(Affiliation.YOUTH_UNION, folded("đoàn thanh niên", "chi đoàn", "đoàn tn", "đtn", "đoàn viên",
				"bí thư đoàn", "thanh niên"));
		AFFILIATION_WORDS.put(Affiliation.UPPER_SECONDARY_TEACHER, folded("thpt", "trung học phổ thông"));
		AFFILIATION_WORDS.put(Affiliation.LOWER_SECONDARY_TEACHER, folded("thcs", "trung học cơ sở"));
		AFFILIATION_WORDS.put(Affiliation.PRIMARY_TEACHER, folded("tiểu học"));
		AFFILIATION_WORDS.put(Affiliation.RADIO_STATION_HEAD, folded("truyền thanh", "trưởng đài"));
		AFFILIATION_WORDS.put(Affiliation.COMMUNE_CHAIR, folded("chủ tịch ubnd", "chủ tịch xã", "chủ tịch ủy ban",
				"chủ tịch thị trấn"));
		AFFILIATION_WORDS.put(Affiliation.VILLAGE_HEAD, folded("trưởng thôn", "trưởng khu", "trưởng kdc", "trưởng xóm",
				"trưởng ấp", "tổ trưởng tổ dân phố", "tổ trưởng tdp"));
		AFFILIATION_WORDS.put(Affiliation.COMMUNE_OFFICIAL, folded("công chức", "cán bộ xã"));
		AFFILIATION_WORDS.put(Affiliation.MASS_ORGANISATION_HEAD, folded("mặt trận", "mttq", "đoàn thể", "chi hội trưởng"));
	}

	private RosterVocabulary() {
	}

	/** The field a column's header names, if any: exactly, or for a short header by a telling word. */
	static Optional<RosterField> field(String header) {
		String folded = SearchText.fold(header);
		if (folded.isEmpty()) {
			return Optional.empty();
		}
		RosterField exact = HEADERS.get(folded);
		if (exact != null) {
			return Optional.of(exact);
		}
		if (folded.split(" ").length > MAX_HEADER_WORDS) {
			return Optional.empty();
		}
		return HEADER_WORDS.entrySet()
			.stream()
			.filter(entry -> containsAny(folded, entry.getValue()))
			.map(Map.Entry::getKey)
			.findFirst();
	}

	/** Whether a header is one of a field's exact names, as opposed to a match by a word it contains. */
	static boolean exact(String header) {
		return HEADERS.containsKey(SearchText.fold(header));
	}

	static Optional<Gender> gender(String text, RosterLabels labels) {
		return labels.parse(Gender.class, text).or(() -> Optional.ofNullable(GENDERS.get(SearchText.fold(text))));
	}

	static Optional<TeamRole> role(String text, RosterLabels labels) {
		Optional<TeamRole> exact = labels.parse(TeamRole.class, text)
			.or(() -> Optional.ofNullable(ROLES.get(SearchText.fold(text))));
		if (exact.isPresent()) {
			return exact;
		}
		String folded = SearchText.fold(text);
		// "Phó tổ trưởng" is a deputy
		if (containsAny(folded, List.of("pho"))) {
			return Optional.of(TeamRole.DEPUTY);
		}
		if (containsAny(folded, List.of("to truong", "truong to"))) {
			return Optional.of(TeamRole.LEADER);
		}
		if (containsAny(folded, List.of("thanh vien", "to vien"))) {
			return Optional.of(TeamRole.MEMBER);
		}
		return Optional.empty();
	}

	static Optional<Affiliation> affiliation(String text, RosterLabels labels) {
		Optional<Affiliation> exact = labels.parse(Affiliation.class, text)
			.or(() -> Optional.ofNullable(AFFILIATIONS.get(SearchText.fold(text))));
		if (exact.isPresent()) {
			return exact;
		}
		String folded = SearchText.fold(text);
		return AFFILIATION_WORDS.entrySet()
			.stream()
			.filter(entry -> containsAny(folded, entry.getValue()))
			.map(Map.Entry::getKey)
			.findFirst();
	}

	/** Whether the folded text holds one of the folded phrases as whole words. */
	private static boolean containsAny(String folded, List<String> phrases) {
		String padded = " " + folded + " ";
		return phrases.stream().anyMatch(phrase -> padded.contains(" " + phrase + " "));
	}

	private static void headers(RosterField field, String... names) {
		values(HEADERS, field, names);
	}

	/** A name given twice would mean two things at once: the class refuses to load. */
	private static <E> void values(Map<String, E> map, E value, String... names) {
		for (String name : names) {
			E before = map.put(SearchText.fold(name), value);
			if (before != null && before != value) {
				throw new IllegalStateException("\"" + name + "\" names two things");
			}
		}
	}

	private static List<String> folded(String... phrases) {
		return Stream.of(phrases).map(SearchText::fold).toList();
	}

}
