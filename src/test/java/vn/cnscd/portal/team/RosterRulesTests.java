package vn.cnscd.portal.team;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.cnscd.portal.area.UnitLevel;

class RosterRulesTests {

	private int next = 1;

	MemberSummary member(TeamRole role, Affiliation affiliation) {
		return member(role, affiliation, "09120000%02d".formatted(next));
	}

	MemberSummary member(TeamRole role, Affiliation affiliation, String phone) {
		long id = next++;
		return new MemberSummary(id, 1, "Người " + id, Gender.FEMALE, 1980, phone, role, affiliation,
				LocalDate.of(2022, 4, 1), null, 0);
	}

	List<MemberSummary> villageTeam(int others) {
		List<MemberSummary> team = new ArrayList<>();
		team.add(member(TeamRole.LEADER, Affiliation.VILLAGE_HEAD));
		for (int i = 0; i < others; i++) {
			team.add(member(TeamRole.MEMBER, Affiliation.YOUTH_UNION));
		}
		return team;
	}

	List<String> codes(UnitLevel level, List<MemberSummary> members) {
		return RosterRules.check(level, members).stream().map(RosterProblem::code).toList();
	}

	@Test
	void aVillageTeamLedByTheVillageHeadWithTwoToFiveOthersIsComplete() {
		assertThat(codes(UnitLevel.VILLAGE, villageTeam(2))).isEmpty();
		assertThat(codes(UnitLevel.VILLAGE, villageTeam(5))).isEmpty();
	}

	@Test
	void aVillageTeamNeedsTwoToFiveOtherMembers() {
		assertThat(RosterRules.check(UnitLevel.VILLAGE, villageTeam(1)))
			.containsExactly(RosterProblem.of("tooFewMembers", 1, 2, 5));
		assertThat(RosterRules.check(UnitLevel.VILLAGE, villageTeam(6)))
			.containsExactly(RosterProblem.of("tooManyMembers", 6, 2, 5));
	}

	@Test
	void aTeamHasExactlyOneLeader() {
		List<MemberSummary> noLeader = new ArrayList<>(villageTeam(3));
		noLeader.remove(0);
		assertThat(codes(UnitLevel.VILLAGE, noLeader)).containsExactly("noLeader");
		List<MemberSummary> twoLeaders = new ArrayList<>(villageTeam(3));
		twoLeaders.add(member(TeamRole.LEADER, Affiliation.VILLAGE_HEAD));
		assertThat(RosterRules.check(UnitLevel.VILLAGE, twoLeaders)).contains(RosterProblem.of("manyLeaders", 2));
	}

	@Test
	void aVillageTeamIsLedByTheVillageHeadAndACommuneTeamByTheChair() {
		List<MemberSummary> village = new ArrayList<>(villageTeam(3));
		village.set(0, member(TeamRole.LEADER, Affiliation.YOUTH_UNION));
		assertThat(codes(UnitLevel.VILLAGE, village)).containsExactly("leaderNotVillageHead");
		assertThat(codes(UnitLevel.COMMUNE, List.of(member(TeamRole.LEADER, Affiliation.COMMUNE_CHAIR)))).isEmpty();
		assertThat(codes(UnitLevel.COMMUNE, List.of(member(TeamRole.LEADER, Affiliation.COMMUNE_OFFICIAL))))
			.containsExactly("leaderNotCommuneChair");
	}

	@Test
	void theSamePhoneIsNotInATeamTwice() {
		List<MemberSummary> team = new ArrayList<>(villageTeam(2));
		team.add(member(TeamRole.MEMBER, Affiliation.OTHER, team.get(1).phone()));
		assertThat(RosterRules.check(UnitLevel.VILLAGE, team))
			.containsExactly(RosterProblem.of("duplicatePhone", team.get(1).phoneDisplay(), 2L));
	}

}
