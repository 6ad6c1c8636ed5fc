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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.annotation.Transactional;

import vn.cnscd.portal.IntegrationTest;
import vn.cnscd.portal.area.UnitLevel;
import vn.cnscd.portal.area.UnitService;
import vn.cnscd.portal.area.UnitSummary;

@IntegrationTest
@Transactional
class TeamPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	UnitService units;

	@Autowired
	TeamService teams;

	@Autowired
	JdbcClient jdbc;

	RequestPostProcessor as(String username) {
		return user(users.loadUserByUsername(username));
	}

	UnitSummary commune(String code) {
		return units.findOpen(UnitLevel.COMMUNE, code).orElseThrow();
	}

	UnitSummary village(String communeCode, int index) {
		return units.openChildren(commune(communeCode).id()).get(index);
	}

	TeamRoster teamOf(UnitSummary unit) {
		long id = teams.rostersUnder(unit.path(), false)
			.stream()
			.filter(r -> r.team().unitId() == unit.id())
			.findFirst()
			.orElseThrow()
			.team()
			.id();
		return teams.roster(id);
	}

	Document page(String url, String username) throws Exception {
		return Jsoup.parse(mvc.perform(get(url).with(as(username)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	MockHttpServletRequestBuilder memberForm(String url, String name, String phone) {
		return post(url).with(csrf())
			.param("fullName", name)
			.param("gender", "FEMALE")
			.param("birthYear", "1990")
			.param("phone", phone)
			.param("role", "MEMBER")
			.param("affiliation", "WOMENS_UNION")
			.param("joinedOn", "2026-01-05");
	}

	@Test
	void aCommuneChairAddsAMemberAndTheChangeIsAudited() throws Exception {
		TeamRoster roster = teamOf(village("11074", 1));
		mvc.perform(memberForm("/teams/" + roster.team().id() + "/members/new", "Ngô Thị Bích", "+84 388 123 456")
			.with(as("commune"))).andExpect(redirectedUrl(roster.team().url()));
		TeamRoster after = teams.roster(roster.team().id());
		MemberSummary added = after.activeMembers().stream().filter(m -> m.fullName().equals("Ngô Thị Bích")).findFirst().orElseThrow();
		assertThat(added.phone()).isEqualTo("0388123456");
		assertThat(jdbc.sql("SELECT field || '=' || new_value FROM audit_event WHERE entity_type = 'MEMBER' AND entity_id = :id")
			.param("id", added.id())
			.query(String.class)
			.list()).contains("fullName=Ngô Thị Bích", "phone=0388123456", "affiliation=WOMENS_UNION");
		assertThat(page(roster.team().url(), "commune").select("tbody tr").text()).contains("Ngô Thị Bích", "0388 123 456");
		assertThat(page(roster.team().url() + "/history", "district").select("tbody").text()).contains("Thêm thành viên",
				"Ngô Thị Bích", "commune", "Hội Liên hiệp Phụ nữ", "0388 123 456", "05/01/2026");
	}

	@Test
	void theSameAddFormSentTwiceAddsTheMemberOnce() throws Exception {
		TeamRoster roster = teamOf(village("11074", 1));
		for (int click = 0; click < 2; click++) {
			mvc.perform(memberForm("/teams/" + roster.team().id() + "/members/new", "Lại Thị Hai Lần", "0388555666")
				.with(as("commune"))
				.param("formKey", "form-1")).andExpect(redirectedUrl(roster.team().url()));
		}
		assertThat(teams.roster(roster.team().id()).activeMembers()).filteredOn(m -> m.phone().equals("0388555666"))
			.hasSize(1);
	}

	@Test
	void badMemberInputIsShownBesideTheFieldsAndNothingIsSaved() throws Exception {
		TeamRoster roster = teamOf(village("11074", 1));
		Document form = Jsoup.parse(mvc.perform(memberForm("/teams/" + roster.team().id() + "/members/new", "", "12345")
			.with(as("commune"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
		assertThat(form.select("form.form input, form.form select").eachAttr("name")).doesNotHaveDuplicates();
		assertThat(form.getElementById("fullName-error").text()).isEqualTo("Không được để trống.");
		assertThat(form.getElementById("phone-error").text()).startsWith("Số di động Việt Nam");
		assertThat(form.getElementById("phone").attr("value")).isEqualTo("12345");
		assertThat(form.getElementById("birthYear").attr("value")).isEqualTo("1990");
		assertThat(teams.roster(roster.team().id()).activeMembers())
			.hasSameSizeAs(roster.activeMembers());
	}

	@Test
	void aRemovedMemberStaysAsFormerAndAnIncompleteTeamSaysWhyWhereverItIsListed() throws Exception {
		UnitSummary village = village("11074", 3);
		TeamRoster roster = teamOf(village);
		List<MemberSummary> others = roster.activeMembers().stream().filter(m -> m.role() != TeamRole.LEADER).toList();
		for (MemberSummary member : others.subList(0, others.size() - 1)) {
			mvc.perform(post("/members/" + member.id() + "/remove").with(as("commune"))
				.with(csrf())
				.param("date", "2026-02-01")
				.param("version", String.valueOf(member.version()))).andExpect(redirectedUrl(roster.team().url()));
		}
		Document teamPage = page(roster.team().url(), "commune");
		assertThat(teamPage.select(".roster-status").text()).contains("Chưa đủ thành phần",
				"Ngoài tổ trưởng, tổ có 1 thành viên; cần từ 2 đến 5.");
		assertThat(teamPage.select("#former-heading + .table-wrap tbody tr"))
			.hasSize(roster.formerMembers().size() + others.size() - 1);
		assertThat(teamPage.select("#former-heading + .table-wrap").text()).contains("01/02/2026");

		Document communePage = page(commune("11074").url() + "/teams", "commune");
		String row = communePage.select("tbody tr").stream()
			.filter(tr -> tr.text().contains("Khu dân cư " + village.name()))
			.findFirst()
			.orElseThrow()
			.text();
		assertThat(row).contains("Chưa đủ thành phần", "cần từ 2 đến 5");
		Document districtPage = page(units.findOpen(UnitLevel.DISTRICT, "298").orElseThrow().url() + "/teams", "district");
		assertThat(districtPage.select("tbody tr").first().text()).startsWith("Thị trấn Tứ Kỳ");
	}

	@Test
	void theSecondOfTwoConflictingMemberEditsIsToldAndOverwritesNothing() throws Exception {
		TeamRoster roster = teamOf(village("11074", 0));
		MemberSummary member = roster.activeMembers().get(1);
		mvc.perform(memberForm("/members/" + member.id() + "/edit", "Tên sửa trước", member.phone()).with(as("commune"))
			.param("version", String.valueOf(member.version()))).andExpect(status().is3xxRedirection());
		Document conflict = Jsoup.parse(mvc.perform(memberForm("/members/" + member.id() + "/edit", "Tên sửa sau",
				member.phone()).with(as("commune")).param("version", String.valueOf(member.version())))
			.andExpect(status().isConflict())
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(conflict.select(".alert-error").text()).contains("Người khác vừa lưu thay đổi");
		assertThat(conflict.getElementById("fullName").attr("value")).isEqualTo("Tên sửa sau");
		assertThat(teams.member(member.id()).fullName()).isEqualTo("Tên sửa trước");
	}

	@Test
	void theSecondOfTwoConflictingTeamEditsIsToldAndOverwritesNothing() throws Exception {
		TeamSummary team = teamOf(village("11074", 0)).team();
		for (String name : List.of("Tổ sửa trước", "Tổ sửa sau")) {
			var result = mvc.perform(post(team.url() + "/edit").with(as("commune"))
				.with(csrf())
				.param("name", name)
				.param("chatPlatform", "ZALO")
				.param("version", String.valueOf(team.version())));
			if (name.equals("Tổ sửa sau")) {
				result.andExpect(status().isConflict());
			}
		}
		assertThat(teams.summary(team.id()).name()).isEqualTo("Tổ sửa trước");
	}

	@Test
	void aCommuneChairChangesOnlyTheTeamsOfTheirCommune() throws Exception {
		TeamRoster other = teamOf(village("11083", 0));
		MemberSummary otherMember = other.activeMembers().get(0);
		mvc.perform(get(other.team().url()).with(as("commune"))).andExpect(status().isForbidden());
		mvc.perform(memberForm(other.team().url() + "/members/new", "Người lạ", "0388000111").with(as("commune")))
			.andExpect(status().isForbidden());
		mvc.perform(memberForm("/members/" + otherMember.id() + "/edit", "Người lạ", "0388000111").with(as("commune"))
			.param("version", String.valueOf(otherMember.version()))).andExpect(status().isForbidden());
		mvc.perform(post("/members/" + otherMember.id() + "/remove").with(as("commune"))
			.with(csrf())
			.param("date", "2026-01-01")
			.param("version", String.valueOf(otherMember.version()))).andExpect(status().isForbidden());
		mvc.perform(post(other.team().url() + "/edit").with(as("commune"))
			.with(csrf())
			.param("name", "Chiếm tổ")
			.param("version", String.valueOf(other.team().version()))).andExpect(status().isForbidden());
		mvc.perform(post(other.team().url() + "/dissolve").with(as("commune"))
			.with(csrf())
			.param("date", "2026-01-01")
			.param("version", String.valueOf(other.team().version()))).andExpect(status().isForbidden());
		mvc.perform(post(village("11083", 1).url() + "/teams/new").with(as("commune"))
			.with(csrf())
			.param("name", "Tổ mới")
			.param("version", "0")).andExpect(status().isForbidden());
		assertThat(teams.member(otherMember.id())).isEqualTo(otherMember);
		assertThat(teams.summary(other.team().id())).isEqualTo(other.team());
	}

	@Test
	void aVillageHeadReadsTheirTeamAndChangesNothing() throws Exception {
		TeamRoster own = teamOf(village("11074", 0));
		Document page = page(own.team().url(), "village");
		assertThat(page.select("a[href$=/members/new]")).isEmpty();
		assertThat(page.select("tbody").text()).contains("Vũ Thị Lan");
		mvc.perform(memberForm(own.team().url() + "/members/new", "Người thêm", "0388000222").with(as("village")))
			.andExpect(status().isForbidden());
		MemberSummary member = own.activeMembers().get(1);
		mvc.perform(post("/members/" + member.id() + "/remove").with(as("village"))
			.with(csrf())
			.param("date", "2026-01-01")
			.param("version", String.valueOf(member.version()))).andExpect(status().isForbidden());
		mvc.perform(get(teamOf(village("11074", 1)).team().url()).with(as("village"))).andExpect(status().isForbidden());
	}

	@Test
	void districtOfficersReadEveryRosterAndItsHistoryButDoNotChangeIt() throws Exception {
		TeamRoster roster = teamOf(village("11110", 0));
		assertThat(page(roster.team().url(), "district").select("a[href$=/edit]")).isEmpty();
		page(roster.team().url() + "/history", "district");
		mvc.perform(memberForm(roster.team().url() + "/members/new", "Cán bộ thêm", "0388000333").with(as("district")))
			.andExpect(status().isForbidden());
		mvc.perform(get(teamOf(village("11074", 0)).team().url() + "/history").with(as("commune")))
			.andExpect(status().isForbidden());
	}

	@Test
	void aSteeringMemberReadsOnlyTheRostersOfTheCommunesInTheirCharge() throws Exception {
		page(commune("11083").url() + "/teams", "steering");
		page(teamOf(village("11083", 0)).team().url(), "steering");
		mvc.perform(get(commune("11089").url() + "/teams").with(as("steering"))).andExpect(status().isForbidden());
		mvc.perform(get(teamOf(village("11089", 0)).team().url()).with(as("steering"))).andExpect(status().isForbidden());
		Document district = page(units.findOpen(UnitLevel.DISTRICT, "298").orElseThrow().url() + "/teams", "steering");
		assertThat(district.select("tbody tr")).hasSize(3);
	}

	@Test
	void searchFindsMembersByNameWithoutDiacriticsOrByPhoneInsideTheArea() throws Exception {
		assertThat(page("/teams/search?q=vu thi lan", "commune").select(".results li").text()).contains("Vũ Thị Lan");
		assertThat(page("/teams/search?q=0912 345 604", "district").select(".results li").text()).contains("Vũ Thị Lan");
		String outside = teamOf(village("11083", 0)).activeMembers().get(0).phone();
		assertThat(page("/teams/search?q=" + outside, "commune").select(".results li")).isEmpty();
		assertThat(page("/teams/search?q=" + outside, "district").select(".results li")).hasSize(1);
	}

	@Test
	void aCommuneHasOneCommuneTeamAndADissolvedVillageTeamLeavesTheVillageWithout() throws Exception {
		UnitSummary township = commune("11074");
		Document refused = Jsoup.parse(mvc.perform(post(township.url() + "/teams/new").with(as("commune"))
			.with(csrf())
			.param("name", "Tổ thứ hai")
			.param("version", "0")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
		assertThat(refused.select(".alert-error").text()).isEqualTo("Xã này đã có Tổ CNSCĐ cấp xã.");

		UnitSummary village = village("11074", 2);
		TeamSummary team = teamOf(village).team();
		mvc.perform(post(team.url() + "/dissolve").with(as("commune"))
			.with(csrf())
			.param("date", "2026-03-01")
			.param("version", String.valueOf(team.version()))).andExpect(redirectedUrl(team.url()));
		String row = page(township.url() + "/teams", "commune").select("tbody tr")
			.stream()
			.filter(tr -> tr.text().contains("Khu dân cư " + village.name()))
			.findFirst()
			.orElseThrow()
			.text();
		assertThat(row).contains("Chưa có tổ");
	}

}
