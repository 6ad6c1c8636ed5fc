package vn.cnscd.portal.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.annotation.Transactional;

import vn.cnscd.portal.IntegrationTest;
import vn.cnscd.portal.area.UnitLevel;
import vn.cnscd.portal.area.UnitService;
import vn.cnscd.portal.area.UnitSummary;

/**
 * The steering committee pages, on the demo committee of Huyện Tứ Kỳ: who may record members, and that a
 * steering account reads exactly the communes in its member's charge.
 */
@IntegrationTest
@Transactional
class SteeringPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	UnitService units;

	@Autowired
	SteeringMemberRepository members;

	@Autowired
	JdbcClient jdbc;

	RequestPostProcessor as(String username) {
		return user(users.loadUserByUsername(username));
	}

	UnitSummary commune(String code) {
		return units.findOpen(UnitLevel.COMMUNE, code).orElseThrow();
	}

	SteeringMember member(String fullName) {
		return members.findAll()
			.stream()
			.filter(member -> member.getFullName().equals(fullName))
			.findFirst()
			.orElseThrow();
	}

	Document page(String url, String username) throws Exception {
		return Jsoup.parse(mvc.perform(get(url).with(as(username)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	/** The member form, filled in and sent by this user. */
	MockHttpServletRequestBuilder memberForm(String username, String url, String fullName, String position,
			String agency, String phone, Long accountId, long version, String... communeCodes) {
		MockHttpServletRequestBuilder request = post(url).with(as(username))
			.with(csrf())
			.param("fullName", fullName)
			.param("position", position)
			.param("agency", agency)
			.param("phone", phone)
			.param("accountId", accountId == null ? "" : String.valueOf(accountId))
			.param("version", String.valueOf(version))
			.param("_communeIds", "on");
		for (String code : communeCodes) {
			request = request.param("communeIds", String.valueOf(commune(code).id()));
		}
		return request;
	}

	/** A new steering account, with its temporary password already changed, and its id as the form offers it. */
	long newSteeringAccount(String username) throws Exception {
		UnitSummary district = units.findOpen(UnitLevel.DISTRICT, "298").orElseThrow();
		MvcResult created = mvc.perform(post("/accounts/new").with(as("district"))
			.with(csrf())
			.param("username", username)
			.param("fullName", "Hoàng Văn Bình")
			.param("role", "STEERING_MEMBER")
			.param("homeUnitId", String.valueOf(district.id()))).andExpect(redirectedUrl("/accounts")).andReturn();
		String temporary = (String) created.getFlashMap().get("temporaryPassword");
		mvc.perform(post("/account/password").with(as(username))
			.with(csrf())
			.param("currentPassword", temporary)
			.param("newPassword", "mat-khau-moi-2026")
			.param("confirmPassword", "mat-khau-moi-2026")).andExpect(redirectedUrl("/"));
		Element option = page("/steering/new", "district").select("#accountId option")
			.stream()
			.filter(candidate -> candidate.text().contains(username))
			.findFirst()
			.orElseThrow();
		return Long.parseLong(option.attr("value"));
	}

	/** The member's audit entries as "action field: old -> new". */
	List<String> audit(long memberId) {
		return jdbc.sql("""
				SELECT action || ' ' || field || ': ' || coalesce(old_value, '') || ' -> ' || coalesce(new_value, '')
				FROM audit_event WHERE entity_type = 'STEERING_MEMBER' AND entity_id = :id ORDER BY id""")
			.param("id", memberId)
			.query(String.class)
			.list();
	}

	@Test
	void aDistrictOfficerLinksANewMemberToAnAccountWhoseAreaBecomesTheirCommunes() throws Exception {
		long account = newSteeringAccount("hoangvanbinh");
		assertThat(page("/steering/mine", "hoangvanbinh").select(".empty").text())
			.startsWith("Bạn chưa được phân công phụ trách xã, thị trấn nào.");
		mvc.perform(get(commune("11089").url()).with(as("hoangvanbinh"))).andExpect(status().isForbidden());

		mvc.perform(memberForm("district", "/steering/new", "Hoàng Văn Bình", "Phó Trưởng phòng, thành viên",
				"Phòng Kinh tế và Hạ tầng huyện", "0987 654 321", account, 0, "11089", "11092"))
			.andExpect(redirectedUrl("/steering"));

		SteeringMember created = member("Hoàng Văn Bình");
		assertThat(created.getPhone()).isEqualTo("0987654321");
		assertThat(created.getAccountId()).isEqualTo(account);
		mvc.perform(get(commune("11089").url()).with(as("hoangvanbinh"))).andExpect(status().isOk());
		mvc.perform(get(commune("11092").url()).with(as("hoangvanbinh"))).andExpect(status().isOk());
		mvc.perform(get(units.openChildren(commune("11092").id()).get(0).url()).with(as("hoangvanbinh")))
			.andExpect(status().isOk());
		mvc.perform(get(commune("11095").url()).with(as("hoangvanbinh"))).andExpect(status().isForbidden());
		mvc.perform(get(commune("11074").url()).with(as("hoangvanbinh"))).andExpect(status().isForbidden());

		Document mine = page("/steering/mine", "hoangvanbinh");
		assertThat(mine.select("tbody tr td a").eachText()).containsExactly("Xã Ngọc Kỳ", "Xã Bình Lăng");
		assertThat(mine.select("tbody tr td a").eachAttr("href")).containsExactly(commune("11089").url(),
				commune("11092").url());
		assertThat(mine.select("tbody tr").first().text()).contains("11089");

		assertThat(audit(created.getId())).contains("STEERING_MEMBER_CREATED communes:  -> 11089, 11092",
				"STEERING_MEMBER_CREATED account:  -> hoangvanbinh", "STEERING_MEMBER_CREATED phone:  -> 0987654321");
		assertThat(page("/steering/new", "district").select("#accountId option").eachText())
			.noneMatch(text -> text.contains("hoangvanbinh") || text.contains("steering"));
	}

	@Test
	void changedCommunesInChargeTakeEffectAtTheNextRequest() throws Exception {
		SteeringMember minh = member("Trần Văn Minh");
		mvc.perform(get(commune("11152").url()).with(as("steering"))).andExpect(status().isForbidden());

		mvc.perform(memberForm("district", "/steering/" + minh.getId() + "/edit", minh.getFullName(),
				minh.getPosition(), minh.getAgency(), minh.getPhone(), minh.getAccountId(), minh.getVersion(), "11074",
				"11152"))
			.andExpect(redirectedUrl("/steering"));

		mvc.perform(get(commune("11152").url()).with(as("steering"))).andExpect(status().isOk());
		mvc.perform(get(commune("11083").url()).with(as("steering"))).andExpect(status().isForbidden());
		assertThat(page("/steering/mine", "steering").select("tbody tr td a").eachText())
			.containsExactly("Thị trấn Tứ Kỳ", "Xã Hà Thanh");
		assertThat(audit(minh.getId()))
			.containsExactly("STEERING_MEMBER_UPDATED communes: 11074, 11083, 11086 -> 11074, 11152");
	}

	@Test
	void aStaleEditIsRefusedWithWhatTheUserTypedKept() throws Exception {
		SteeringMember ha = member("Phạm Thị Thu Hà");
		long version = ha.getVersion();
		mvc.perform(memberForm("district", "/steering/" + ha.getId() + "/edit", ha.getFullName(),
				"Trưởng phòng, thành viên", ha.getAgency(), ha.getPhone(), null, version, "11110", "11113", "11116",
				"11119", "11122"))
			.andExpect(redirectedUrl("/steering"));

		String html = mvc
			.perform(memberForm("district", "/steering/" + ha.getId() + "/edit", "Phạm Thu Hà",
					"Phó Trưởng phòng, thành viên", "Phòng Nội vụ", "0912 345 611", null, version, "11110"))
			.andExpect(status().isConflict())
			.andReturn()
			.getResponse()
			.getContentAsString();
		Document form = Jsoup.parse(html);
		assertThat(form.select(".alert-error").text()).contains("Người khác vừa lưu thay đổi");
		assertThat(form.getElementById("fullName").attr("value")).isEqualTo("Phạm Thu Hà");
		assertThat(form.getElementById("agency").attr("value")).isEqualTo("Phòng Nội vụ");
		assertThat(form.select("input[name=communeIds][checked]").eachAttr("value"))
			.containsExactly(String.valueOf(commune("11110").id()));

		SteeringMember saved = member("Phạm Thị Thu Hà");
		assertThat(saved.getPosition()).isEqualTo("Trưởng phòng, thành viên");
		assertThat(saved.getAgency()).isEqualTo("Phòng Nội vụ huyện");
		assertThat(saved.getCommuneIds()).hasSize(5);
	}

	@ParameterizedTest
	@ValueSource(strings = { "commune", "village", "steering" })
	void onlyDistrictOfficersManageTheCommittee(String username) throws Exception {
		SteeringMember minh = member("Trần Văn Minh");
		long count = members.count();
		mvc.perform(get("/steering").with(as(username))).andExpect(status().isForbidden());
		mvc.perform(get("/steering/new").with(as(username))).andExpect(status().isForbidden());
		mvc.perform(get("/steering/" + minh.getId() + "/edit").with(as(username))).andExpect(status().isForbidden());
		mvc.perform(get("/steering/" + minh.getId() + "/leave").with(as(username))).andExpect(status().isForbidden());
		mvc.perform(memberForm(username, "/steering/new", "Người lạ", "Thành viên", "Không rõ", "", null, 0, "11074"))
			.andExpect(status().isForbidden());
		mvc.perform(memberForm(username, "/steering/" + minh.getId() + "/edit", "Đổi tên", "Thành viên", "Không rõ", "",
				minh.getAccountId(), minh.getVersion(), "11074", "11089")).andExpect(status().isForbidden());
		mvc.perform(post("/steering/" + minh.getId() + "/leave").with(as(username))
			.with(csrf())
			.param("leftOn", "2025-12-31")
			.param("version", String.valueOf(minh.getVersion()))).andExpect(status().isForbidden());
		assertThat(members.count()).isEqualTo(count);
		SteeringMember unchanged = member("Trần Văn Minh");
		assertThat(unchanged.getCommuneIds()).hasSize(3);
		assertThat(unchanged.getLeftOn()).isNull();
		assertThat(audit(minh.getId())).isEmpty();
	}

	@Test
	void anAdminReadsTheCommitteeAndChangesNothingWhileASteeringMemberHasTheirOwnPage() throws Exception {
		SteeringMember minh = member("Trần Văn Minh");
		assertThat(page("/steering", "admin").select("tbody tr")).hasSize(6);
		assertThat(page("/steering", "admin").select("a[href$=/edit]")).isEmpty();
		mvc.perform(get("/steering/new").with(as("admin"))).andExpect(status().isForbidden());
		mvc.perform(memberForm("admin", "/steering/" + minh.getId() + "/edit", "Đổi tên", "Thành viên", "Không rõ", "",
				null, minh.getVersion())).andExpect(status().isForbidden());
		mvc.perform(get("/steering/mine").with(as("district"))).andExpect(status().isForbidden());
		assertThat(page("/", "steering").select("nav a[href=/steering/mine]")).hasSize(1);
		assertThat(page("/", "steering").select("nav a[href=/steering]")).isEmpty();
		assertThat(page("/", "district").select("nav a[href=/steering]")).hasSize(1);
	}

	@Test
	void theListShowsMembersWithoutAnAccountAndFormerMembers() throws Exception {
		mvc.perform(memberForm("district", "/steering/new", "Ngô Thị Lan", "Phó Giám đốc, thành viên",
				"Bưu điện huyện Tứ Kỳ", "0912000111", null, 0, "11146")).andExpect(redirectedUrl("/steering"));

		Document list = page("/steering", "district");
		Element lan = row(list, "Ngô Thị Lan");
		assertThat(lan.text()).contains("Phó Giám đốc, thành viên", "Bưu điện huyện Tứ Kỳ", "Chưa có tài khoản",
				"Xã Nguyên Giáp");
		assertThat(lan.select("a[href^=tel:]").attr("href")).isEqualTo("tel:0912000111");
		assertThat(lan.select("a[href^=tel:]").text()).isEqualTo("0912 000 111");

		Element minh = row(list, "Trần Văn Minh");
		assertThat(minh.text()).contains("steering", "Thị trấn Tứ Kỳ", "Xã Đại Sơn", "Xã Hưng Đạo");

		Element khoa = row(list, "Vũ Đình Khoa");
		assertThat(khoa.hasClass("closed")).isTrue();
		assertThat(khoa.select(".badge").text()).isEqualTo("Đã thôi tham gia từ 31/03/2023");
		assertThat(khoa.select("a[href$=/edit]")).isEmpty();
		assertThat(list.select("tbody tr").last()).isEqualTo(khoa);
	}

	Element row(Document list, String fullName) {
		return list.select("tbody tr")
			.stream()
			.filter(row -> row.selectFirst("td").text().startsWith(fullName))
			.findFirst()
			.orElseThrow();
	}

	@Test
	void badInputIsShownBesideTheFieldsWithWhatWasTypedKept() throws Exception {
		long count = members.count();
		Document form = Jsoup.parse(mvc
			.perform(memberForm("district", "/steering/new", "", "Chánh Văn phòng HĐND và UBND huyện", "", "12345", null,
					0, "11089"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(form.getElementById("fullName-error").text()).isEqualTo("Không được để trống.");
		assertThat(form.getElementById("fullName").attr("aria-invalid")).isEqualTo("true");
		assertThat(form.getElementById("agency-error").text()).isEqualTo("Không được để trống.");
		assertThat(form.getElementById("phone-error").text()).startsWith("Số di động Việt Nam gồm 10 chữ số");
		assertThat(form.getElementById("phone").attr("value")).isEqualTo("12345");
		assertThat(form.getElementById("position").attr("value")).isEqualTo("Chánh Văn phòng HĐND và UBND huyện");
		assertThat(form.select("input[name=communeIds][checked]").eachAttr("value"))
			.containsExactly(String.valueOf(commune("11089").id()));
		assertThat(members.count()).isEqualTo(count);
	}

	@Test
	void accountsAndCommunesThatTheFormDoesNotOfferAreRefused() throws Exception {
		long count = members.count();
		long districtOfficer = jdbc.sql("SELECT id FROM app_user WHERE username = 'district'").query(Long.class).single();
		UnitSummary village = units.openChildren(commune("11089").id()).get(0);
		MockHttpServletRequestBuilder forged = memberForm("district", "/steering/new", "Người ngoài", "Thành viên",
				"Không rõ", "", districtOfficer, 0).param("communeIds", String.valueOf(village.id()));
		Document form = Jsoup
			.parse(mvc.perform(forged).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
		assertThat(form.getElementById("accountId-error").text()).startsWith("Không gắn được tài khoản này");
		assertThat(form.getElementById("communeIds-error").text()).startsWith("Có xã được chọn không thuộc địa bàn của Tổ chỉ đạo");

		SteeringMember ha = member("Phạm Thị Thu Hà");
		long steeringAccount = member("Trần Văn Minh").getAccountId();
		mvc.perform(memberForm("district", "/steering/" + ha.getId() + "/edit", ha.getFullName(), ha.getPosition(),
				ha.getAgency(), "", steeringAccount, ha.getVersion(), "11110"))
			.andExpect(status().isOk());
		assertThat(members.count()).isEqualTo(count);
		assertThat(member("Phạm Thị Thu Hà").getAccountId()).isNull();
		assertThat(member("Phạm Thị Thu Hà").getCommuneIds()).hasSize(5);
	}

	@Test
	void aMemberWhoLeftStaysListedAndTheirAccountIsInChargeOfNothing() throws Exception {
		SteeringMember minh = member("Trần Văn Minh");
		Document future = Jsoup.parse(mvc
			.perform(post("/steering/" + minh.getId() + "/leave").with(as("district"))
				.with(csrf())
				.param("leftOn", "2999-01-01")
				.param("version", String.valueOf(minh.getVersion())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(future.getElementById("leftOn-error").text()).isEqualTo("Ngày thôi tham gia không được sau hôm nay.");
		assertThat(member("Trần Văn Minh").getLeftOn()).isNull();

		mvc.perform(post("/steering/" + minh.getId() + "/leave").with(as("district"))
			.with(csrf())
			.param("leftOn", "2025-12-31")
			.param("version", String.valueOf(minh.getVersion()))).andExpect(redirectedUrl("/steering"));

		assertThat(row(page("/steering", "district"), "Trần Văn Minh").select(".badge").text())
			.isEqualTo("Đã thôi tham gia từ 31/12/2025");
		mvc.perform(get(commune("11074").url()).with(as("steering"))).andExpect(status().isForbidden());
		assertThat(page("/steering/mine", "steering").select("tbody tr")).isEmpty();
		assertThat(page("/steering/mine", "steering").select(".empty").text()).startsWith("Bạn chưa được phân công");
		mvc.perform(get("/steering/" + minh.getId() + "/edit").with(as("district"))).andExpect(status().isForbidden());
		assertThat(audit(minh.getId())).containsExactly("STEERING_MEMBER_LEFT leftOn:  -> 2025-12-31");
	}

}
