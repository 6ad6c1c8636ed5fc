package vn.cnscd.portal.area;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.cnscd.portal.area.ReorganisationPages.JANUARY;
import static vn.cnscd.portal.area.ReorganisationPages.html;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

import vn.cnscd.portal.IntegrationTest;
import vn.cnscd.portal.MutableClock;
import vn.cnscd.portal.area.ReorganisationPlan.StepKind;

/**
 * The reorganisation pages: the list, a draft built by hand one change at a time with its preview, the record
 * and the cancel, what they refuse and to whom; and the search and unit pages that say what became of a unit.
 * On the demo's 23 communes of district 298 and nothing more.
 */
@IntegrationTest
@Transactional
class ReorganisationPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UnitService units;

	@Autowired
	MutableClock clock;

	@Autowired
	EntityManager entityManager;

	ReorganisationPages pages;

	@BeforeEach
	void setUp() {
		pages = new ReorganisationPages(mvc, users, jdbc, units);
	}

	long id(String code) {
		return pages.commune(code).id();
	}

	long draft(String username, String number, LocalDate effective) throws Exception {
		return ReorganisationPages.draftOf(pages.post("/reorganisations/new", username, Map.of("number", number, "date",
				"2024-11-30", "signer", "Ủy ban Thường vụ Quốc hội", "effectiveOn", effective.toString())));
	}

	/** A draft of another district's committee, which the demo district's officer must not reach. */
	long draftElsewhere() {
		long province = pages.province().id();
		long other = jdbc.sql("""
				INSERT INTO unit (parent_id, level, kind, code, name, search_text, ancestor_path, valid_from)
				VALUES (:p, 'DISTRICT', 'HUYEN', '288', 'Thanh Hà', 'huyen thanh ha 288', '/' || :p || '/', DATE '2019-12-01')
				RETURNING id""").param("p", province).query(Long.class).single();
		long admin = jdbc.sql("SELECT id FROM app_user WHERE username = 'admin'").query(Long.class).single();
		return jdbc.sql("""
				INSERT INTO reorganisation (area_id, basis_number, basis_date, basis_signer, effective_on, plan, status,
				                            recorded_by, recorded_at)
				VALUES (:area, '9/NQ', DATE '2024-11-30', 'UBTVQH', DATE '2025-01-01',
				        CAST('{"opens":[],"steps":[],"accounts":{}}' AS jsonb), 'DRAFT', :by, now())
				RETURNING id""").param("area", other).param("by", admin).query(Long.class).single();
	}

	@Test
	void theListAndEveryPageOfAReorganisationAreForOfficersAndAdministratorsOfItsArea() throws Exception {
		assertThat(pages.page("/reorganisations", "district").select("p.empty").text()).isEqualTo("Chưa có lần sắp xếp nào.");
		long mine = draft("district", "1/NQ-UBTVQH15", JANUARY);
		long elsewhere = draftElsewhere();
		Document list = pages.page("/reorganisations", "district");
		assertThat(list.select("#reorganisations tbody tr")).extracting(Element::text)
			.containsExactly("01/01/2025 1/NQ-UBTVQH15 ngày 30/11/2024 của Ủy ban Thường vụ Quốc hội Huyện Tứ Kỳ Bản nháp");
		assertThat(list.selectFirst("#reorganisations a").attr("href")).isEqualTo("/reorganisations/" + mine);
		assertThat(pages.page("/reorganisations", "admin").select("#reorganisations tbody tr")).hasSize(2);
		assertThat(pages.get("/reorganisations/" + elsewhere, "district").getStatus()).isEqualTo(403);
		assertThat(pages.post("/reorganisations/" + elsewhere + "/rename", "district",
				Map.of("version", 0, "unit", id("11074"), "newName", "Khác")).getStatus()).isEqualTo(403);
		assertThat(pages.get("/reorganisations/" + elsewhere, "admin").getStatus()).isEqualTo(200);
		assertThat(pages.get("/reorganisations/999999", "district").getStatus()).isEqualTo(404);
		for (String username : List.of("steering", "commune", "village")) {
			assertThat(pages.get("/reorganisations", username).getStatus()).isEqualTo(403);
			assertThat(pages.get("/reorganisations/new", username).getStatus()).isEqualTo(403);
			assertThat(pages.get("/reorganisations/" + mine, username).getStatus()).isEqualTo(403);
			assertThat(pages.post("/reorganisations/" + mine + "/cancel", username, Map.of()).getStatus()).isEqualTo(403);
		}
		assertThat(pages.status(mine)).isEqualTo("DRAFT");
	}

	@Test
	void theBasisFormSaysWhatIsWrongBesideEachFieldAndKeepsWhatWasTyped() throws Exception {
		Document form = html(pages.post("/reorganisations/new", "district",
				Map.of("number", " ", "date", "31/13/2024", "signer", "Ủy ban Thường vụ Quốc hội", "effectiveOn", "")));
		assertThat(form.getElementById("basis-number-error").text()).isEqualTo("Không được để trống.");
		assertThat(form.getElementById("basis-date-error").text()).isEqualTo("Hãy nhập ngày theo dạng ngày/tháng/năm.");
		assertThat(form.getElementById("basis-date").val()).isEqualTo("31/13/2024");
		assertThat(form.getElementById("basis-effectiveOn-error").text()).isEqualTo("Không được để trống.");
		assertThat(form.getElementById("basis-signer").val()).isEqualTo("Ủy ban Thường vụ Quốc hội");
		LocalDate tomorrow = LocalDate.now(clock).plusDays(1);
		Document future = html(pages.post("/reorganisations/new", "district", Map.of("number", "1/NQ", "date",
				tomorrow.toString(), "signer", "UBTVQH", "effectiveOn", "1900-01-01")));
		assertThat(future.getElementById("basis-date-error").text()).isEqualTo("Ngày ký phải từ 01/01/1945 đến hôm nay.");
		assertThat(future.getElementById("basis-effectiveOn-error").text())
			.isEqualTo("Ngày có hiệu lực phải từ 01/01/1945 đến 31/12/2100.");
		assertThat(jdbc.sql("SELECT count(*) FROM reorganisation").query(Long.class).single()).isZero();

		// typed as the portal's other dates are read: day/month/year
		long draft = ReorganisationPages.draftOf(pages.post("/reorganisations/new", "district", Map.of("number",
				"1669/NQ-UBTVQH15", "date", "16/6/2025", "signer", "Ủy ban Thường vụ Quốc hội", "effectiveOn", "01/07/2025")));
		Document page = pages.page("/reorganisations/" + draft, "district");
		assertThat(page.select(".facts dd")).extracting(Element::text).containsExactly("1669/NQ-UBTVQH15", "16/06/2025",
				"Ủy ban Thường vụ Quốc hội", "01/07/2025", "Huyện Tứ Kỳ");
		assertThat(page.getElementById("status").text()).isEqualTo("Bản nháp");

		MockHttpServletResponse saved = pages.post("/reorganisations/" + draft + "/basis", "district", Map.of("version", 0,
				"number", "1669/NQ-UBTVQH15", "date", "2025-06-16", "signer", "Quốc hội", "effectiveOn", "2025-07-01"));
		assertThat(saved.getStatus()).isEqualTo(302);
		MockHttpServletResponse stale = pages.post("/reorganisations/" + draft + "/basis", "district", Map.of("version", 0,
				"number", "1670/NQ-UBTVQH15", "date", "2025-06-16", "signer", "Quốc hội", "effectiveOn", "2025-07-01"));
		assertThat(stale.getStatus()).isEqualTo(409);
		Document again = html(stale);
		assertThat(again.getElementById("basis").hasAttr("open")).isTrue();
		assertThat(again.getElementById("basis-number").val()).isEqualTo("1670/NQ-UBTVQH15");
		assertThat(again.getElementById("basis-version").val()).isEqualTo("1");
		assertThat(again.select("#basis .alert-error").text()).startsWith("Người khác vừa lưu thay đổi");
	}

	@Test
	void aDraftIsBuiltOneChangeAtATimeWithItsPreviewThenRecordedAndSearchSaysWhatBecameOfTheUnits() throws Exception {
		long draft = draft("district", "1234/NQ-UBTVQH15", JANUARY);
		String url = "/reorganisations/" + draft;
		long district = pages.district().id();
		long ngocKy = id("11089");
		long taiSon = id("11098");

		// a merge into a new unit needs its kind, name and parent; what was ticked stays ticked
		Document refused = html(pages.post(url + "/merge", "district",
				Map.of("version", 0, "level", "COMMUNE", "units", List.of(ngocKy, taiSon), "newName", " ")));
		assertThat(refused.getElementById("merge").hasAttr("open")).isTrue();
		assertThat(refused.getElementById("merge-newKind-error").text()).isEqualTo("Hãy chọn loại của đơn vị mới.");
		assertThat(refused.getElementById("merge-newName-error").text()).isEqualTo("Hãy nhập tên của đơn vị mới.");
		assertThat(refused.getElementById("merge-newParent-error").text())
			.isEqualTo("Hãy chọn đơn vị cấp trên của đơn vị mới.");
		assertThat(refused.select("#merge input[name=units][checked]")).extracting(Element::val)
			.containsExactly(String.valueOf(ngocKy), String.valueOf(taiSon));
		assertThat(html(pages.post(url + "/merge", "district", Map.of("version", 0, "level", "COMMUNE", "units",
				List.of(ngocKy, pages.province().id()), "target", taiSon))).getElementById("merge-units-error").text())
			.isEqualTo("Lựa chọn này không có trong danh sách; hãy chọn lại.");

		assertThat(pages.post(url + "/merge", "district", Map.of("version", 0, "level", "COMMUNE", "units",
				List.of(ngocKy, taiSon), "newKind", "XA", "newCode", "11098", "newName", "Kỳ Sơn", "newParent", district))
			.getStatus()).isEqualTo(302);

		// a part transfer: the commune first, then its villages and where they go
		long hungDao = id("11086");
		Document choosing = pages.page(url + "?transferFrom=" + hungDao, "district");
		assertThat(choosing.getElementById("transfer").hasAttr("open")).isTrue();
		List<UnitSummary> villages = units.villagesOn(List.of(hungDao), JANUARY);
		assertThat(choosing.select("#transfer input[name=villages]")).extracting(Element::val)
			.containsExactlyElementsOf(villages.stream().map(v -> String.valueOf(v.id())).toList());
		assertThat(pages.post(url + "/transfer", "district", Map.of("version", pages.version(draft), "from", hungDao,
				"villages", List.of(villages.get(0).id(), villages.get(1).id()), "target", id("11083"))).getStatus())
			.isEqualTo(302);
		// another commune's village is not Hưng Đạo's to give
		long other = units.villagesOn(List.of(id("11074")), JANUARY).get(0).id();
		assertThat(html(pages.post(url + "/transfer", "district", Map.of("version", pages.version(draft), "from", hungDao,
				"villages", List.of(other), "target", id("11083")))).getElementById("transfer-villages-error").text())
			.isEqualTo("Lựa chọn này không có trong danh sách; hãy chọn lại.");

		// a thị trấn becomes a xã; two of its residential areas merge into one
		long township = id("11074");
		assertThat(html(pages.post(url + "/rename", "district", Map.of("version", pages.version(draft), "unit", township)))
			.getElementById("rename-newName-error").text()).isEqualTo("Hãy nhập tên mới, mã mới hoặc chọn loại mới.");
		pages.post(url + "/rename", "district", Map.of("version", pages.version(draft), "unit", township, "newKind", "XA"));
		List<UnitSummary> areas = units.villagesOn(List.of(township), JANUARY);
		assertThat(pages.page(url + "?villagesOf=" + township, "district").select("#villageMerge input[name=units]")).hasSize(areas.size());
		assertThat(pages.post(url + "/village-merge", "district", Map.of("version", pages.version(draft), "newParent", township,
				"units", List.of(areas.get(0).id(), areas.get(1).id()), "target", areas.get(0).id())).getStatus()).isEqualTo(302);

		Document page = pages.page(url, "district");
		assertThat(page.select("#steps li > p")).extracting(Element::text).containsExactly(
				"Chuyển một phần của Xã Hưng Đạo (11086) sang Xã Đại Sơn (11083): " + label(villages.get(0)) + ", "
						+ label(villages.get(1)),
				"Hợp nhất Xã Ngọc Kỳ (11089), Xã Tái Sơn (11098) vào Xã Kỳ Sơn (11098) mới",
				"Đổi Thị trấn Tứ Kỳ (11074) thành Xã Tứ Kỳ (11074)",
				"Hợp nhất " + label(areas.get(0)) + ", " + label(areas.get(1)) + " vào " + label(areas.get(0)));
		assertThat(page.getElementById("problems")).isNull();
		assertThat(page.select("#opened tbody tr")).extracting(Element::text)
			.containsExactly("Xã Kỳ Sơn (11098) Huyện Tứ Kỳ (298)");
		assertThat(page.select("#closed tbody tr")).extracting(Element::text).containsExactly(
				"Xã Ngọc Kỳ (11089) Xã Kỳ Sơn (11098)", "Xã Tái Sơn (11098) Xã Kỳ Sơn (11098)",
				label(areas.get(1)) + " " + label(areas.get(0)));
		assertThat(page.select("#renamed tbody tr")).extracting(Element::text)
			.containsExactly("Thị trấn Tứ Kỳ (11074) Xã Tứ Kỳ (11074)");
		int moving = units.villagesOn(List.of(ngocKy, taiSon), JANUARY).size() + 2;
		assertThat(page.getElementById("counts").text()).isEqualTo("Mở mới 1 đơn vị, đóng 3 đơn vị, chuyển " + moving
				+ " thôn sang xã khác, đổi tên, mã hoặc loại 1 đơn vị, chuyển cấp trên 0 đơn vị.");

		// abolishing the district reaches the province, which is not the district's officer's
		pages.post(url + "/abolish", "district", Map.of("version", pages.version(draft), "unit", district));
		page = pages.page(url, "district");
		assertThat(page.select("#problems li")).extracting(Element::text).contains("Tỉnh Hải Dương (30) nằm ngoài địa bàn của bạn.");
		MockHttpServletResponse blocked = pages.post(url + "/record", "district", Map.of("version", pages.version(draft)));
		assertThat(blocked.getStatus()).isEqualTo(422);
		assertThat(html(blocked).select("#record .alert-error").text())
			.isEqualTo("Chưa ghi nhận: lần sắp xếp còn vướng mắc (xem phần Xem trước).");
		assertThat(pages.status(draft)).isEqualTo("DRAFT");
		pages.post(url + "/steps/4/remove", "district", Map.of("version", pages.version(draft)));

		// removing the merge drops the new unit with it; a stale removal removes nothing
		long before = pages.version(draft);
		assertThat(pages.post(url + "/steps/1/remove", "district", Map.of("version", before - 1)).getStatus()).isEqualTo(409);
		assertThat(pages.plan(draft).steps()).hasSize(4);
		pages.post(url + "/steps/1/remove", "district", Map.of("version", before));
		assertThat(pages.plan(draft).opens()).isEmpty();
		assertThat(pages.plan(draft).steps()).extracting(ReorganisationPlan.Step::kind)
			.containsExactly(StepKind.TRANSFER, StepKind.RENAME, StepKind.MERGE);

		// a stale edit comes back with what was typed
		MockHttpServletResponse stale = pages.post(url + "/merge", "district", Map.of("version", before, "level", "COMMUNE",
				"units", List.of(ngocKy), "target", taiSon));
		assertThat(stale.getStatus()).isEqualTo(409);
		Document conflict = html(stale);
		assertThat(conflict.select("#merge .alert-error").text()).startsWith("Người khác vừa lưu thay đổi");
		assertThat(conflict.select("#merge input[name=units][checked]")).extracting(Element::val)
			.containsExactly(String.valueOf(ngocKy));
		assertThat(conflict.getElementById("merge-version").val()).isEqualTo(String.valueOf(pages.version(draft)));

		pages.post(url + "/merge", "district", Map.of("version", pages.version(draft), "level", "COMMUNE", "units",
				List.of(ngocKy), "target", taiSon));
		pages.post(url + "/rename", "district", Map.of("version", pages.version(draft), "unit", taiSon, "newName", "Kỳ Sơn"));
		MockHttpServletResponse recorded = pages.post(url + "/record", "district", Map.of("version", pages.version(draft)));
		assertThat(recorded.getStatus()).isEqualTo(302);
		assertThat(pages.status(draft)).isEqualTo("IN_FORCE");
		// each request has a persistence context of its own; the test's one still holds the units as they were
		entityManager.clear();
		Document inForce = pages.page(url, "district");
		assertThat(inForce.getElementById("status").text()).isEqualTo("Đã có hiệu lực");
		assertThat(inForce.select(".state").text()).contains("Các thay đổi có hiệu lực từ 01/01/2025.");
		assertThat(inForce.getElementById("add")).isNull();
		assertThat(inForce.getElementById("cancel")).isNull();
		assertThat(pages.post(url + "/rename", "district", Map.of("version", pages.version(draft), "unit", taiSon,
				"newName", "Khác")).getStatus()).isEqualTo(409);

		// search finds the closed commune by its old name and says what became of it, and by which decision
		Element found = pages.page("/units/search?q=ngoc+ky", "district").selectFirst(".results li");
		assertThat(found.text()).isEqualTo("Xã Ngọc Kỳ Xã, thị trấn 11089 Đã giải thể"
				+ " Đã sáp nhập vào Xã Kỳ Sơn (11098) từ 01/01/2025, theo văn bản 1234/NQ-UBTVQH15 ngày 30/11/2024");
		assertThat(found.selectFirst(".succession a").attr("href")).isEqualTo("/communes/" + taiSon);
		// the commune that carried on is found by its old name too, and its page says what it was
		assertThat(pages.page("/units/search?q=tai+son", "district").select(".results li a").first().attr("href"))
			.isEqualTo("/communes/" + taiSon);
		Document kySon = pages.page("/communes/" + taiSon, "district");
		assertThat(kySon.getElementById("predecessors").text())
			.isEqualTo("Xã Ngọc Kỳ (11089) sáp nhập vào từ 01/01/2025, theo văn bản 1234/NQ-UBTVQH15 ngày 30/11/2024");
		assertThat(kySon.getElementById("former-names").text())
			.isEqualTo("Trước đây là Xã Tái Sơn (11098), từ 01/12/2019 đến 31/12/2024");
		Document ngoc = pages.page("/communes/" + ngocKy, "district");
		assertThat(ngoc.getElementById("successors").text()).startsWith("Đã sáp nhập vào Xã Kỳ Sơn (11098) từ 01/01/2025");
		Document hung = pages.page("/communes/" + hungDao, "district");
		assertThat(hung.getElementById("successors").text()).startsWith("Một phần đã chuyển sang Xã Đại Sơn (11083) từ 01/01/2025");
		assertThat(pages.page("/communes/" + id("11083"), "district").getElementById("predecessors").text())
			.startsWith("Một phần của Xã Hưng Đạo (11086) chuyển về từ 01/01/2025");
	}

	@Test
	void aReorganisationStillToComeIsPlannedAndCanBeCancelledUntilItsDate() throws Exception {
		LocalDate later = LocalDate.now(clock).plusMonths(2);
		long draft = draft("district", "5/NQ-UBTVQH15", later);
		String url = "/reorganisations/" + draft;
		long haThanh = id("11152");
		pages.post(url + "/rename", "district", Map.of("version", 0, "unit", haThanh, "newName", "Hà Thanh Mới"));
		assertThat(pages.post(url + "/record", "district", Map.of("version", pages.version(draft))).getStatus()).isEqualTo(302);
		assertThat(pages.status(draft)).isEqualTo("PLANNED");
		Document planned = pages.page(url, "district");
		assertThat(planned.getElementById("status").text()).isEqualTo("Chờ ngày có hiệu lực");
		assertThat(planned.getElementById("cancel").text()).isEqualTo("Hủy lần sắp xếp");
		assertThat(jdbc.sql("SELECT name FROM unit WHERE id = :id").param("id", haThanh).query(String.class).single())
			.isEqualTo("Hà Thanh");

		assertThat(pages.post(url + "/cancel", "district", Map.of()).getStatus()).isEqualTo(302);
		assertThat(pages.status(draft)).isEqualTo("CANCELLED");
		Document cancelled = pages.page(url, "district");
		assertThat(cancelled.select(".state").text()).contains("Đã hủy; không thay đổi nào được áp dụng.");
		assertThat(cancelled.getElementById("cancel")).isNull();
		assertThat(pages.post(url + "/cancel", "district", Map.of()).getStatus()).isEqualTo(409);
	}

	@Test
	void aReorganisationThatFailedOnItsDaySaysWhyInTheReadersLanguage() throws Exception {
		long draft = draft("district", "7/NQ", JANUARY);
		jdbc.sql("UPDATE reorganisation SET status = 'FAILED', failure = :why WHERE id = :id")
			.param("why", "reorganisation.problem.later [Xã Quang Phục (11101)]; reorganisation.problem.code [11074, Tứ Kỳ, Tân Kỳ]")
			.param("id", draft)
			.update();
		assertThat(pages.page("/reorganisations/" + draft, "district").select("#failures li")).extracting(Element::text)
			.containsExactly("Xã Quang Phục (11101) đã có thay đổi được ghi nhận từ sau ngày này; hãy ghi nhận các lần sắp xếp"
					+ " theo thứ tự ngày.", "Mã 11074 được dùng cho cả Tứ Kỳ và Tân Kỳ.");
		assertThat(pages.page("/reorganisations/" + draft + "?lang=en", "district").select("#failures li").get(1).text())
			.isEqualTo("Code 11074 is used by both Tứ Kỳ and Tân Kỳ.");
	}

	private static String label(UnitSummary unit) {
		String kind = switch (unit.kind()) {
			case THON -> "Thôn";
			case KHU_DAN_CU -> "Khu dân cư";
			default -> throw new IllegalArgumentException(unit.kind().name());
		};
		return kind + " " + unit.name() + " (" + unit.code() + ")";
	}

}
