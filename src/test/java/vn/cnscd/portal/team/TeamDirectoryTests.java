package vn.cnscd.portal.team;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

import vn.cnscd.portal.IntegrationTest;
import vn.cnscd.portal.area.Actor;
import vn.cnscd.portal.area.Role;
import vn.cnscd.portal.area.SearchText;
import vn.cnscd.portal.area.UnitLevel;
import vn.cnscd.portal.area.UnitService;
import vn.cnscd.portal.area.UnitSummary;

/**
 * The team module's read API for other modules, on two communes of its own under the demo district: Xã Thử
 * Một with a commune team and a village (an active team, a dissolved one), Xã Thử Hai with a village team.
 */
@IntegrationTest
@Transactional
class TeamDirectoryTests {

	@Autowired
	TeamDirectory directory;

	@Autowired
	UnitService units;

	@Autowired
	JdbcClient jdbc;

	UnitSummary one;

	UnitSummary villageOfOne;

	UnitSummary two;

	long communeTeam;

	long villageTeam;

	long dissolvedTeam;

	long otherTeam;

	long lead;

	long deputy;

	long member;

	long former;

	long chair;

	long clerk;

	long outsider;

	@BeforeEach
	void setUp() {
		UnitSummary district = units.findOpen(UnitLevel.DISTRICT, "298").orElseThrow();
		one = unit(district, UnitLevel.COMMUNE, "XA", "T9001", "Thử Một");
		villageOfOne = unit(one, UnitLevel.VILLAGE, "THON", "T9001-01", "Thôn Thử");
		two = unit(district, UnitLevel.COMMUNE, "XA", "T9002", "Thử Hai");
		UnitSummary villageOfTwo = unit(two, UnitLevel.VILLAGE, "THON", "T9002-01", "Thôn Khác");
		villageTeam = team(villageOfOne, "Tổ thôn Thử", "ACTIVE");
		dissolvedTeam = team(villageOfOne, "Tổ thôn Thử cũ", "DISSOLVED");
		communeTeam = team(one, "Tổ xã Thử Một", "ACTIVE");
		otherTeam = team(villageOfTwo, "Tổ thôn Khác", "ACTIVE");
		member = member(villageTeam, "Lê Văn Viên", "0361000001", "MEMBER", null);
		former = member(villageTeam, "Mai Văn Cũ", "0361000002", "MEMBER", "2025-06-30");
		deputy = member(villageTeam, "Hà Thị Phó", "0361000003", "DEPUTY", null);
		lead = member(villageTeam, "Kim Văn Trưởng", "0361000004", "LEADER", null);
		chair = member(communeTeam, "Nông Văn Lãnh", "0361000005", "LEADER", null);
		clerk = member(communeTeam, "Phan Thị Hoa", "0361000006", "MEMBER", null);
		outsider = member(otherTeam, "Quách Văn Ngoài", "0361000007", "LEADER", null);
	}

	UnitSummary unit(UnitSummary parent, UnitLevel level, String kind, String code, String name) {
		long id = jdbc.sql("""
				INSERT INTO unit (parent_id, level, kind, code, name, search_text, ancestor_path, valid_from)
				VALUES (:parent, :level, :kind, :code, :name, :search, :path, DATE '2020-01-01') RETURNING id""")
			.param("parent", parent.id())
			.param("level", level.name())
			.param("kind", kind)
			.param("code", code)
			.param("name", name)
			.param("search", SearchText.fold(name))
			.param("path", parent.path())
			.query(Long.class)
			.single();
		return units.get(id);
	}

	long team(UnitSummary unit, String name, String status) {
		return jdbc.sql("""
				INSERT INTO team (unit_id, level, name, status, dissolved_on)
				VALUES (:unit, :level, :name, :status, CASE WHEN :status = 'DISSOLVED' THEN DATE '2025-01-01' END)
				RETURNING id""")
			.param("unit", unit.id())
			.param("level", unit.level().name())
			.param("name", name)
			.param("status", status)
			.query(Long.class)
			.single();
	}

	long member(long team, String name, String phone, String role, String leftOn) {
		return jdbc.sql("""
				INSERT INTO team_member (team_id, full_name, search_text, gender, phone, team_role, affiliation, joined_on, left_on)
				VALUES (:team, :name, :search, 'MALE', :phone, :role, 'OTHER', DATE '2022-01-10', CAST(:left AS date))
				RETURNING id""")
			.param("team", team)
			.param("name", name)
			.param("search", SearchText.fold(name) + " " + phone)
			.param("phone", phone)
			.param("role", role)
			.param("left", leftOn)
			.query(Long.class)
			.single();
	}

	static Actor actor(Role role, UnitSummary... area) {
		return new Actor(0, "test", "Test", role, area[0].id(), List.of(area).stream().map(UnitSummary::path).toList());
	}

	@Test
	void aTeamNamesItsUnitAndCommune() {
		TeamEntry village = directory.team(villageTeam).orElseThrow();
		assertThat(village).isEqualTo(new TeamEntry(villageTeam, "Tổ thôn Thử", UnitLevel.VILLAGE, villageOfOne.id(),
				one.id(), "Thử Một", true));
		assertThat(directory.team(communeTeam).orElseThrow().communeId()).isEqualTo(one.id());
		assertThat(directory.team(dissolvedTeam).orElseThrow().active()).isFalse();
		assertThat(directory.team(-1)).isEmpty();
		assertThat(directory.teams(List.of(villageTeam, otherTeam, villageTeam, -1L))).containsOnlyKeys(villageTeam,
				otherTeam);
		assertThat(directory.teams(List.of())).isEmpty();
	}

	@Test
	void activeTeamsKeepToTheAreaCommuneTeamFirst() {
		assertThat(directory.activeTeams(actor(Role.COMMUNE_CHAIR, one)).stream().map(TeamEntry::id))
			.containsExactly(communeTeam, villageTeam);
		assertThat(directory.activeTeams(actor(Role.STEERING_MEMBER, two, one)).stream().map(TeamEntry::id))
			.containsExactly(communeTeam, villageTeam, otherTeam);
		assertThat(directory.activeTeams(new Actor(0, "nobody", "Nobody", Role.STEERING_MEMBER, one.id(), List.of())))
			.isEmpty();
		assertThat(directory.activeTeams(actor(Role.COMMUNE_CHAIR, one), villageOfOne).stream().map(TeamEntry::id))
			.containsExactly(villageTeam);
		assertThat(directory.activeTeams(actor(Role.COMMUNE_CHAIR, one), two)).isEmpty();
		assertThat(directory.activeTeamsUnder(two).stream().map(TeamEntry::id)).containsExactly(otherTeam);
	}

	@Test
	void membersComeWithTheirTeamLeaderFirstFormerOnesLastIfAsked() {
		MemberEntry found = directory.member(deputy).orElseThrow();
		assertThat(found.fullName()).isEqualTo("Hà Thị Phó");
		assertThat(found.role()).isEqualTo(TeamRole.DEPUTY);
		assertThat(found.teamName()).isEqualTo("Tổ thôn Thử");
		assertThat(found.unitId()).isEqualTo(villageOfOne.id());
		assertThat(found.phoneDisplay()).isEqualTo("0361 000 003");
		assertThat(directory.member(-1)).isEmpty();
		assertThat(directory.members(List.of(former, outsider, -1L))).containsOnlyKeys(former, outsider);
		assertThat(directory.members(List.of(former)).get(former).active()).isFalse();

		assertThat(directory.membersOf(List.of(villageTeam, communeTeam), false).stream().map(MemberEntry::id))
			.containsExactly(lead, deputy, member, chair, clerk);
		assertThat(directory.membersOf(List.of(villageTeam), true).stream().map(MemberEntry::id))
			.containsExactly(lead, deputy, member, former);
		assertThat(directory.membersOf(List.of(), true)).isEmpty();
	}

	@Test
	void onlyMembersOfTheAreaAreInIt() {
		assertThat(directory.inArea(actor(Role.COMMUNE_CHAIR, one), List.of(outsider, member, former, chair, -1L)))
			.containsExactly(member, former, chair);
		assertThat(directory.inArea(actor(Role.VILLAGE_HEAD, villageOfOne), List.of(member, chair))).containsExactly(member);
		assertThat(directory.inArea(actor(Role.COMMUNE_CHAIR, one), List.of())).isEmpty();
	}

	@Test
	void aSearchFindsMembersOfTheAreaByNameOrPhoneWithoutDiacritics() {
		Actor district = actor(Role.OFFICER, one, two);
		assertThat(directory.search(district, "van", 10).stream().map(MemberEntry::fullName)).containsExactly(
				"Kim Văn Trưởng", "Lê Văn Viên", "Nông Văn Lãnh", "Quách Văn Ngoài", "Mai Văn Cũ");
		assertThat(directory.search(district, "VĂN  kim", 10).stream().map(MemberEntry::id)).containsExactly(lead);
		assertThat(directory.search(district, "0361000007", 10).stream().map(MemberEntry::id)).containsExactly(outsider);
		assertThat(directory.search(district, "van", 2)).hasSize(2);
		assertThat(directory.search(actor(Role.COMMUNE_CHAIR, two), "van", 10).stream().map(MemberEntry::id))
			.containsExactly(outsider);
		assertThat(directory.search(district, " ,; ", 10)).isEmpty();
		assertThat(directory.search(district, "van" + " ".repeat(TeamDirectory.MAX_QUERY) + "zzz", 10)).hasSize(5);
	}

	@Test
	void aPageOfGivenMembersIsByTeamThenNameAndCountsThemAll() {
		List<Long> all = List.of(outsider, member, former, deputy, lead, chair, clerk);
		MemberPage first = directory.page(all, null, 0, 3);
		assertThat(first.total()).isEqualTo(7);
		assertThat(first.members().stream().map(MemberEntry::fullName)).containsExactly("Quách Văn Ngoài", "Hà Thị Phó",
				"Kim Văn Trưởng");
		assertThat(directory.page(all, "", 6, 3).members().stream().map(MemberEntry::id)).containsExactly(clerk);
		MemberPage past = directory.page(all, null, 7, 3);
		assertThat(past.members()).isEmpty();
		assertThat(past.total()).isEqualTo(7);
		MemberPage found = directory.page(all, "van", 1, 2);
		assertThat(found.total()).isEqualTo(5);
		assertThat(found.members().stream().map(MemberEntry::fullName)).containsExactly("Kim Văn Trưởng", "Lê Văn Viên");
		assertThat(directory.page(List.of(member, member), null, 0, 10).total()).isOne();
		assertThat(directory.page(List.of(), "van", 0, 10)).isEqualTo(new MemberPage(List.of(), 0));
	}

}
