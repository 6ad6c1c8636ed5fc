package vn.cnscd.portal.team;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.cnscd.portal.account.AccountService;
import vn.cnscd.portal.account.AccountView;
import vn.cnscd.portal.account.PhoneNumber;
import vn.cnscd.portal.area.Actor;
import vn.cnscd.portal.area.Role;
import vn.cnscd.portal.area.StaleEditException;
import vn.cnscd.portal.area.UnitLevel;
import vn.cnscd.portal.area.UnitRow;
import vn.cnscd.portal.area.UnitService;
import vn.cnscd.portal.area.UnitSummary;
import vn.cnscd.portal.audit.AuditLog;
import vn.cnscd.portal.audit.AuditLog.FieldChange;

/**
 * The steering committee of a province or a district: an officer of its standing office records its members and the communes in their
 * charge; an admin may read it; a steering member reads the communes in their own charge. Every method
 * checks the actor's role and area itself, whatever the caller already checked.
 */
@Service
@Transactional(readOnly = true)
class SteeringService {

	private static final String ENTITY = "STEERING_MEMBER";

	private static final Comparator<UnitSummary> BY_CODE = Comparator
		.comparing(UnitSummary::code, Comparator.nullsLast(Comparator.naturalOrder()))
		.thenComparing(UnitSummary::name);

	private final SteeringMemberRepository members;

	private final UnitService units;

	private final AccountService accounts;

	private final AuditLog audit;

	SteeringService(SteeringMemberRepository members, UnitService units, AccountService accounts, AuditLog audit) {
		this.members = members;
		this.units = units;
		this.accounts = accounts;
		this.audit = audit;
	}

	/**
	 * The committees of the open provinces and districts in the actor's area: an officer's own (and those
	 * under it, in a province that still has districts), every one for an admin.
	 */
	List<SteeringCommittee> committees(Actor actor) {
		if (!actor.isAny(Role.OFFICER, Role.ADMIN)) {
			throw new AccessDeniedException(actor.username() + " may not read the steering committee");
		}
		List<UnitSummary> districts = Arrays.stream(UnitLevel.values())
			.filter(UnitLevel::isCommittee)
			.flatMap(level -> units.openUnits(actor, level).stream())
			.toList();
		if (districts.isEmpty()) {
			return List.of();
		}
		List<SteeringMember> all = members.findCommittees(districts.stream().map(UnitSummary::id).toList());
		Map<Long, String> usernames = usernames(actor);
		Map<Long, UnitSummary> communes = units
			.getAll(all.stream().flatMap(member -> member.getCommuneIds().stream()).distinct().toList());
		Map<Long, List<SteeringMemberView>> byDistrict = all.stream()
			.map(member -> view(member, usernames, communes))
			.collect(Collectors.groupingBy(SteeringMemberView::districtId, LinkedHashMap::new, Collectors.toList()));
		return districts.stream()
			.map(district -> new SteeringCommittee(district, byDistrict.getOrDefault(district.id(), List.of())))
			.toList();
	}

	/** A member of a committee the actor manages, current or former. */
	SteeringMemberView member(Actor actor, long id) {
		SteeringMember member = managed(actor, id);
		return view(member, usernames(actor), units.getAll(member.getCommuneIds()));
	}

	/** What the actor may choose for a new member ({@code memberId} null) or for this member of their committee. */
	SteeringChoices choices(Actor actor, Long memberId) {
		UnitSummary district = memberId == null ? officersDistrict(actor)
				: units.get(managed(actor, memberId).getDistrictId());
		Set<Long> linkedToOthers = new HashSet<>(members.findLinkedAccountIdsExcept(memberId));
		List<AccountView> accountChoices = accounts.steeringAccounts(actor)
			.stream()
			.filter(account -> account.homeUnit().id() == district.id() && !linkedToOthers.contains(account.id()))
			.toList();
		List<UnitSummary> communes = units.openUnits(actor, UnitLevel.COMMUNE)
			.stream()
			.filter(commune -> commune.isUnder(district.path()))
			.toList();
		return new SteeringChoices(district, accountChoices, communes);
	}

	@Transactional
	long create(Actor actor, SteeringMemberDraft draft) {
		SteeringChoices choices = choices(actor, null);
		check(actor, choices, draft);
		SteeringMember member = members.saveAndFlush(new SteeringMember(choices.district().id(), draft));
		audit.recordChanges(actor.audit("STEERING_MEMBER_CREATED", ENTITY, member.getId(), member.getDistrictId()),
				Snapshot.NONE.changesTo(snapshot(member, choices)));
		return member.getId();
	}

	@Transactional
	void update(Actor actor, long id, SteeringMemberDraft draft, long expectedVersion) {
		SteeringMember member = managed(actor, id);
		if (member.getVersion() != expectedVersion) {
			throw new StaleEditException();
		}
		if (member.hasLeft()) {
			throw new AccessDeniedException("Steering member " + id + " has left the committee");
		}
		SteeringChoices choices = choices(actor, id);
		check(actor, choices, draft);
		Snapshot before = snapshot(member, choices);
		member.describe(draft);
		members.saveAndFlush(member);
		audit.recordChanges(actor.audit("STEERING_MEMBER_UPDATED", ENTITY, id, member.getDistrictId()),
				before.changesTo(snapshot(member, choices)));
	}

	/** Records that the member left the committee on that day; from then on they are in charge of nothing. */
	@Transactional
	void leave(Actor actor, long id, LocalDate on, long expectedVersion) {
		SteeringMember member = managed(actor, id);
		if (member.getVersion() != expectedVersion) {
			throw new StaleEditException();
		}
		if (member.hasLeft()) {
			throw new AccessDeniedException("Steering member " + id + " has already left the committee");
		}
		member.leave(on);
		members.saveAndFlush(member);
		audit.record(actor.audit("STEERING_MEMBER_LEFT", ENTITY, id, member.getDistrictId())
			.withChange("leftOn", null, on.toString()));
	}

	/** The communes in a steering member's own charge, with the totals of their villages. */
	List<UnitRow> communesInCharge(Actor actor) {
		if (!actor.is(Role.STEERING_MEMBER)) {
			throw new AccessDeniedException(actor.username() + " is not a steering member");
		}
		return units.openCommunes(actor);
	}

	private UnitSummary officersDistrict(Actor actor) {
		requireOfficer(actor);
		UnitSummary home = units.get(actor.homeUnitId());
		if (!home.level().isCommittee() || home.closed() || !actor.covers(home)) {
			throw new AccessDeniedException(actor.username() + " has no open committee");
		}
		return home;
	}

	private SteeringMember managed(Actor actor, long id) {
		requireOfficer(actor);
		SteeringMember member = members.findById(id).orElseThrow(() -> new SteeringMemberNotFoundException(id));
		if (!actor.covers(units.get(member.getDistrictId()))) {
			throw new AccessDeniedException("Steering member " + id + " is outside the area of " + actor.username());
		}
		return member;
	}

	private static void requireOfficer(Actor actor) {
		if (!actor.is(Role.OFFICER)) {
			throw new AccessDeniedException(actor.username() + " may not manage the steering committee");
		}
	}

	/** The form checks this and says what is wrong; here it guards against a forged request. */
	private static void check(Actor actor, SteeringChoices choices, SteeringMemberDraft draft) {
		boolean accountOffered = draft.accountId() == null || choices.offersAccount(draft.accountId());
		if (!accountOffered || !draft.communeIds().stream().allMatch(choices::offersCommune)) {
			throw new AccessDeniedException(actor.username() + " may not give this account or these communes to a member of "
					+ choices.district().id());
		}
	}

	private Map<Long, String> usernames(Actor actor) {
		return accounts.steeringAccounts(actor)
			.stream()
			.collect(Collectors.toMap(AccountView::id, AccountView::username));
	}

	private SteeringMemberView view(SteeringMember member, Map<Long, String> usernames, Map<Long, UnitSummary> communes) {
		return new SteeringMemberView(member.getId(), member.getDistrictId(), member.getFullName(), member.getPosition(),
				member.getAgency(), PhoneNumber.display(member.getPhone()), member.getAccountId(),
				member.getAccountId() == null ? null : usernames.get(member.getAccountId()),
				sorted(member.getCommuneIds(), communes), member.getLeftOn(), member.getVersion());
	}

	private static List<UnitSummary> sorted(Collection<Long> communeIds, Map<Long, UnitSummary> communes) {
		return communeIds.stream().map(communes::get).sorted(BY_CODE).toList();
	}

	/** The member's fields as the audit log keeps them: the account by username, the communes by code. */
	private Snapshot snapshot(SteeringMember member, SteeringChoices choices) {
		String account = member.getAccountId() == null ? null
				: choices.accounts()
					.stream()
					.filter(candidate -> candidate.id() == member.getAccountId())
					.map(AccountView::username)
					.findFirst()
					.orElse(String.valueOf(member.getAccountId()));
		List<UnitSummary> communes = sorted(member.getCommuneIds(), units.getAll(member.getCommuneIds()));
		String codes = communes.isEmpty() ? null
				: communes.stream()
					.map(commune -> commune.code() == null ? commune.name() : commune.code())
					.collect(Collectors.joining(", "));
		return new Snapshot(member.getFullName(), member.getPosition(), member.getAgency(), member.getPhone(), account,
				codes);
	}

	private record Snapshot(String fullName, String position, String agency, String phone, String account,
			String communes) {

		static final Snapshot NONE = new Snapshot(null, null, null, null, null, null);

		List<FieldChange> changesTo(Snapshot after) {
			return List.of(FieldChange.of("fullName", fullName, after.fullName),
					FieldChange.of("position", position, after.position),
					FieldChange.of("agency", agency, after.agency), FieldChange.of("phone", phone, after.phone),
					FieldChange.of("account", account, after.account),
					FieldChange.of("communes", communes, after.communes));
		}

	}

}
