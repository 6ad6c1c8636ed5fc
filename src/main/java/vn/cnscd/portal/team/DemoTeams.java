package vn.cnscd.portal.team;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.cnscd.portal.area.UnitLevel;
import vn.cnscd.portal.area.UnitService;
import vn.cnscd.portal.area.UnitSummary;

/**
 * Demo rosters of a local run: a commune team in every commune and a village team in every village, set up
 * by decisions of April 2022 as in the plan. Most are complete; some lack members, one in eleven is led by
 * someone who is not the village head, and some have former members. The demo chair and village head lead
 * their own teams. Never under the prod profile; loaded once.
 */
@Component
@Profile("!prod")
@ConditionalOnBooleanProperty(name = "portal.demo-data", matchIfMissing = true)
@Order(25)
class DemoTeams implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoTeams.class);

	private static final List<String> FAMILY = List.of("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi",
			"Đỗ", "Ngô", "Dương", "Lương");

	private static final List<String> MEN = List.of("Văn An", "Văn Bình", "Đức Cường", "Văn Dũng", "Minh Hải",
			"Văn Hùng", "Quang Huy", "Văn Khánh", "Đức Long", "Văn Nam", "Hữu Phúc", "Văn Quân", "Minh Tuấn", "Văn Thắng");

	private static final List<String> WOMEN = List.of("Thị Hà", "Thị Hằng", "Thu Hiền", "Thị Hoa", "Thị Hương",
			"Thị Lan", "Thị Mai", "Thị Nga", "Thị Oanh", "Thu Phương", "Thị Thảo", "Thị Thủy", "Thị Yến", "Ngọc Ánh");

	private static final List<Affiliation> OTHERS = List.of(Affiliation.YOUTH_UNION, Affiliation.FARMERS_UNION,
			Affiliation.WOMENS_UNION, Affiliation.VETERANS_ASSOCIATION, Affiliation.PRIMARY_TEACHER,
			Affiliation.LOWER_SECONDARY_TEACHER, Affiliation.RADIO_STATION_HEAD, Affiliation.OTHER);

	private static final LocalDate ESTABLISHED = LocalDate.of(2022, 4, 15);

	private final TeamRepository teams;

	private final MemberRepository members;

	private final UnitService units;

	private final TeamService teamService;

	private final Random random = new Random(298);

	private final Set<String> phones = new HashSet<>();

	DemoTeams(TeamRepository teams, MemberRepository members, UnitService units, TeamService teamService) {
		this.teams = teams;
		this.members = members;
		this.units = units;
		this.teamService = teamService;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		UnitSummary district = units.findOpen(UnitLevel.DISTRICT, "298").orElse(null);
		if (district == null || teams.count() > 0) {
			return;
		}
		List<Member> roster = new ArrayList<>();
		int villageIndex = 0;
		for (UnitSummary commune : units.openChildren(district.id())) {
			boolean demoCommune = "11074".equals(commune.code());
			Team communeTeam = team(commune, "Chủ tịch UBND " + commune.kind().vietnameseWord().toLowerCase(Locale.ROOT) + " "
					+ commune.name());
			roster.add(demoCommune ? member(communeTeam, "Phạm Văn Đức", Gender.MALE, "0912345603", TeamRole.LEADER,
					Affiliation.COMMUNE_CHAIR) : person(communeTeam, TeamRole.LEADER, Affiliation.COMMUNE_CHAIR));
			roster.add(person(communeTeam, TeamRole.DEPUTY, Affiliation.COMMUNE_OFFICIAL));
			for (int i = 0; i < 3; i++) {
				roster.add(person(communeTeam, TeamRole.MEMBER, OTHERS.get(random.nextInt(OTHERS.size()))));
			}
			List<UnitSummary> villages = units.openChildren(commune.id());
			for (int v = 0; v < villages.size(); v++) {
				villageIndex++;
				Team team = team(villages.get(v), "Chủ tịch UBND " + commune.kind().vietnameseWord().toLowerCase(Locale.ROOT) + " "
						+ commune.name());
				boolean demoVillage = demoCommune && v == 0;
				Affiliation leaderFrom = villageIndex % 11 == 0 ? Affiliation.YOUTH_UNION : Affiliation.VILLAGE_HEAD;
				roster.add(demoVillage ? member(team, "Vũ Thị Lan", Gender.FEMALE, "0912345604", TeamRole.LEADER,
						Affiliation.VILLAGE_HEAD) : person(team, TeamRole.LEADER, leaderFrom));
				int others = villageIndex % 7 == 0 ? 1 : 2 + random.nextInt(4);
				for (int i = 0; i < others; i++) {
					roster.add(person(team, i == 0 ? TeamRole.DEPUTY : TeamRole.MEMBER,
							OTHERS.get(random.nextInt(OTHERS.size()))));
				}
				if (villageIndex % 4 == 0) {
					Member former = person(team, TeamRole.MEMBER, OTHERS.get(random.nextInt(OTHERS.size())));
					former.leave(ESTABLISHED.plusMonths(6 + random.nextInt(12)));
					roster.add(former);
				}
			}
		}
		members.saveAll(roster);
		log.info("Demo data: {} teams with {} members", teams.count(), roster.size());
	}

	/**
	 * The team a commune made in 2025 sets up by its own decision (its predecessors' teams ended with them):
	 * the commune's chair leads it, with a deputy and three members.
	 */
	int newCommuneTeam(UnitSummary commune, LocalDate established, String chair, String chairPhone) {
		Team team = team(commune, "Chủ tịch UBND " + commune.kind().vietnameseWord().toLowerCase(Locale.ROOT) + " "
				+ commune.name(), established);
		List<Member> roster = new ArrayList<>();
		roster.add(chair == null ? person(team, TeamRole.LEADER, Affiliation.COMMUNE_CHAIR, established)
				: member(team, chair, Gender.MALE, chairPhone, TeamRole.LEADER, Affiliation.COMMUNE_CHAIR, established));
		roster.add(person(team, TeamRole.DEPUTY, Affiliation.COMMUNE_OFFICIAL, established));
		for (int i = 0; i < 3; i++) {
			roster.add(person(team, TeamRole.MEMBER, OTHERS.get(random.nextInt(OTHERS.size())), established));
		}
		members.saveAll(roster);
		return roster.size();
	}

	private Team team(UnitSummary unit, String signer) {
		return team(unit, signer, ESTABLISHED);
	}

	private Team team(UnitSummary unit, String signer, LocalDate established) {
		TeamDetails suggested = teamService.suggestedDetails(unit);
		TeamDetails details = new TeamDetails(suggested.name(), (100 + random.nextInt(150)) + "/QĐ-UBND",
				established.plusDays(random.nextInt(20)), signer, ChatPlatform.ZALO, suggested.chatName(), null);
		return teams.save(new Team(unit.id(), unit.level(), details));
	}

	private Member person(Team team, TeamRole role, Affiliation affiliation) {
		return person(team, role, affiliation, ESTABLISHED);
	}

	private Member person(Team team, TeamRole role, Affiliation affiliation, LocalDate established) {
		boolean woman = affiliation == Affiliation.WOMENS_UNION || random.nextBoolean();
		String name = FAMILY.get(random.nextInt(FAMILY.size())) + " "
				+ (woman ? WOMEN : MEN).get(random.nextInt((woman ? WOMEN : MEN).size()));
		return member(team, name, woman ? Gender.FEMALE : Gender.MALE, newPhone(), role, affiliation, established);
	}

	private Member member(Team team, String name, Gender gender, String phone, TeamRole role, Affiliation affiliation) {
		return member(team, name, gender, phone, role, affiliation, ESTABLISHED);
	}

	private Member member(Team team, String name, Gender gender, String phone, TeamRole role, Affiliation affiliation,
			LocalDate established) {
		phones.add(phone);
		return new Member(team.getId(), new MemberDetails(name, gender, 1965 + random.nextInt(40), phone, role,
				affiliation, established.plusDays(random.nextInt(30))));
	}

	private String newPhone() {
		String phone;
		do {
			phone = "09" + (10_000_000 + random.nextInt(90_000_000));
		}
		while (!phones.add(phone));
		return phone;
	}

}
