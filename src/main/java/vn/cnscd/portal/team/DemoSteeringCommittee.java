package vn.cnscd.portal.team;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.cnscd.portal.account.AccountService;
import vn.cnscd.portal.account.AccountView;
import vn.cnscd.portal.area.Actor;
import vn.cnscd.portal.area.Role;
import vn.cnscd.portal.area.UnitLevel;
import vn.cnscd.portal.area.UnitService;
import vn.cnscd.portal.area.UnitSummary;

/**
 * The steering committee of Huyện Tứ Kỳ for a local run: five current members who share the 23 communes
 * and one who left. The demo account {@code steering} is Trần Văn Minh, in charge of the three communes
 * with the lowest codes, as the README says. Never under the prod profile; created once, after the demo
 * accounts.
 */
@Component
@Profile("!prod")
@ConditionalOnBooleanProperty(name = "portal.demo-data", matchIfMissing = true)
@Order(30)
class DemoSteeringCommittee implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoSteeringCommittee.class);

	private static final String DISTRICT_CODE = "298";

	private static final String STEERING_USERNAME = "steering";

	private static final String SPLIT_IN_2025 = "11086";

	private record DemoMember(String fullName, String position, String agency, String phone, String username,
			List<String> communeCodes, LocalDate leftOn) {
	}

	private static final List<DemoMember> MEMBERS = List.of(
			new DemoMember("Nguyễn Văn Thành", "Phó Chủ tịch UBND huyện, Tổ trưởng", "Ủy ban nhân dân huyện Tứ Kỳ",
					"0912345610", null, List.of("11089", "11092", "11095", "11098", "11101"), null),
			new DemoMember("Trần Văn Minh", "Trưởng phòng, Tổ phó Thường trực", "Phòng Văn hóa và Thông tin huyện",
					"0912345602", STEERING_USERNAME, List.of("11074", "11083", "11086"), null),
			new DemoMember("Phạm Thị Thu Hà", "Phó Trưởng phòng, thành viên", "Phòng Nội vụ huyện", "0912345611", null,
					List.of("11110", "11113", "11116", "11119", "11122"), null),
			new DemoMember("Lê Quang Huy", "Giám đốc, thành viên", "Trung tâm Văn hóa, Thông tin và Thể thao huyện",
					"0912345612", null, List.of("11125", "11128", "11131", "11134", "11137"), null),
			new DemoMember("Đỗ Thị Ngọc Anh", "Bí thư Huyện đoàn, thành viên", "Huyện đoàn Tứ Kỳ", null, null,
					List.of("11140", "11143", "11146", "11149", "11152"), null),
			new DemoMember("Vũ Đình Khoa", "Giám đốc, thành viên", "Viettel Tứ Kỳ", "0912345613", null,
					List.of("11137", "11140"), LocalDate.of(2023, 3, 31)));

	private final SteeringMemberRepository members;

	private final AccountService accounts;

	private final UnitService units;

	/** Whether the demo goes on to record the 2025 reorganisations (area's DemoReorganisations). */
	private final boolean story;

	DemoSteeringCommittee(SteeringMemberRepository members, AccountService accounts, UnitService units,
			@Value("${portal.demo-data.reorganise:true}") boolean story) {
		this.story = story;
		this.members = members;
		this.accounts = accounts;
		this.units = units;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		UnitSummary district = units.findOpen(UnitLevel.DISTRICT, DISTRICT_CODE).orElse(null);
		if (district == null || members.existsByDistrictId(district.id())) {
			return;
		}
		// The accounts an officer of this district could link, seen as such an officer would.
		Actor officer = new Actor(0, "demo-data", "Demo data", Role.OFFICER, district.id(),
				List.of(district.path()));
		List<AccountView> steeringAccounts = accounts.steeringAccounts(officer);
		for (DemoMember demo : MEMBERS) {
			Long accountId = steeringAccounts.stream()
				.filter(account -> account.username().equals(demo.username()))
				.map(AccountView::id)
				.findFirst()
				.orElse(null);
			Set<Long> communeIds = demo.communeCodes()
				.stream()
				// in the demo's 2025 Hưng Đạo, split between two new communes, is not in the account's charge: the
				// other two become xã Tứ Kỳ and xã Đại Sơn, so the member has two of the city's six
				.filter(code -> !(story && STEERING_USERNAME.equals(demo.username()) && SPLIT_IN_2025.equals(code)))
				.map(code -> units.findOpen(UnitLevel.COMMUNE, code))
				.flatMap(Optional::stream)
				.map(UnitSummary::id)
				.collect(Collectors.toSet());
			SteeringMember member = new SteeringMember(district.id(), new SteeringMemberDraft(demo.fullName(),
					demo.position(), demo.agency(), demo.phone(), accountId, communeIds));
			if (demo.leftOn() != null) {
				member.leave(demo.leftOn());
			}
			members.save(member);
		}
		log.info("Demo data: a steering committee of {} members for district {}", MEMBERS.size(), DISTRICT_CODE);
	}

}
