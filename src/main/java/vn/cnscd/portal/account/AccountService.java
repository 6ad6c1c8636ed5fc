package vn.cnscd.portal.account;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.cnscd.portal.area.Actor;
import vn.cnscd.portal.area.Role;
import vn.cnscd.portal.area.SteeringAssignments;
import vn.cnscd.portal.area.UnitLevel;
import vn.cnscd.portal.area.UnitService;
import vn.cnscd.portal.area.UnitSummary;
import vn.cnscd.portal.audit.AuditEntry;
import vn.cnscd.portal.audit.AuditLog;

/**
 * Accounts: who may create, disable and reset which, sign-in throttling and password changes. An admin
 * manages every account; an officer every non-admin account of their committee's province or district; a
 * commune chair the village heads of their commune's villages. Nobody disables or resets their own account here.
 */
@Service
@Transactional(readOnly = true)
public class AccountService {

	private static final String ENTITY = "ACCOUNT";

	private static final char[] TEMPORARY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789".toCharArray();

	private final AccountRepository accounts;

	private final UnitService units;

	private final SteeringAssignments steeringAssignments;

	private final PasswordEncoder passwords;

	private final AuditLog audit;

	private final SignInThrottle throttle;

	private final PasswordRules rules;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final SecureRandom random = new SecureRandom();

	AccountService(AccountRepository accounts, UnitService units, SteeringAssignments steeringAssignments,
			PasswordEncoder passwords, AuditLog audit, SignInThrottle throttle, PasswordRules rules, Clock clock,
			ApplicationEventPublisher events) {
		this.events = events;
		this.accounts = accounts;
		this.units = units;
		this.steeringAssignments = steeringAssignments;
		this.passwords = passwords;
		this.audit = audit;
		this.throttle = throttle;
		this.rules = rules;
		this.clock = clock;
	}

	/** The signed-in user with their current role and area, or empty when the account is gone or disabled. */
	public Optional<Actor> actor(long accountId) {
		return accounts.findById(accountId).filter(Account::isEnabled).map(this::actorOf);
	}

	Optional<Account> find(long accountId) {
		return accounts.findById(accountId);
	}

	/**
	 * A signed-in user's account as it is now and, while it is enabled, what it may see: what every request
	 * checks, read in one transaction.
	 */
	Optional<Current> current(long accountId) {
		return accounts.findById(accountId)
			.map(account -> new Current(account, account.isEnabled() ? actorOf(account) : null));
	}

	/** An account and its {@link Actor}; no actor for a disabled account. */
	record Current(Account account, Actor actor) {
	}

	private Actor actorOf(Account account) {
		Collection<Long> assigned = account.getRole() == Role.STEERING_MEMBER
				? steeringAssignments.communesInChargeOf(account.getId()) : List.of();
		return new Actor(account.getId(), account.getUsername(), account.getFullName(), account.getRole(),
				account.getHomeUnitId(), units.scopePaths(account.getRole(), account.getHomeUnitId(), assigned));
	}

	/** The roles an actor may give to the accounts they create. */
	public Set<Role> creatableRoles(Actor actor) {
		return switch (actor.role()) {
			case ADMIN -> EnumSet.allOf(Role.class);
			case OFFICER -> EnumSet.of(Role.OFFICER, Role.STEERING_MEMBER, Role.COMMUNE_CHAIR,
					Role.VILLAGE_HEAD);
			case COMMUNE_CHAIR -> EnumSet.of(Role.VILLAGE_HEAD);
			default -> EnumSet.noneOf(Role.class);
		};
	}

	/** The units an actor may choose as the home of an account they create: one list per creatable role. */
	public List<UnitSummary> homeUnitChoices(Actor actor) {
		List<UnitSummary> choices = new ArrayList<>();
		if (creatableRoles(actor).contains(Role.ADMIN)) {
			choices.add(units.root());
		}
		for (UnitLevel level : UnitLevel.values()) {
			if (creatableRoles(actor).stream().anyMatch(role -> role.homeLevels().contains(level))) {
				// the root is both the admin's home and, as a province, an officer's
				units.openUnits(actor, level).stream().filter(unit -> !choices.contains(unit)).forEach(choices::add);
			}
		}
		return choices;
	}

	boolean canManage(Actor actor, Role role, UnitSummary homeUnit) {
		return creatableRoles(actor).contains(role) && (role == Role.ADMIN || actor.covers(homeUnit));
	}

	/** The accounts the actor manages, and their own. */
	public List<AccountView> list(Actor actor) {
		List<Account> all = accounts.findAll(Sort.by("role", "username"));
		Map<Long, UnitSummary> homes = units.getAll(all.stream().map(Account::getHomeUnitId).distinct().toList());
		Map<String, Instant> locked = throttle.refused(SignInThrottle.Kind.USERNAME);
		return all.stream()
			.map(account -> view(account, homes.get(account.getHomeUnitId()), locked.get(account.getUsername())))
			.filter(view -> view.id() == actor.userId() || canManage(actor, view.role(), view.homeUnit()))
			.toList();
	}

	/**
	 * The steering members' accounts the actor manages, by username: those an officer may link to
	 * the members of their district's steering committee.
	 */
	public List<AccountView> steeringAccounts(Actor actor) {
		List<Account> steering = accounts.findByRole(Role.STEERING_MEMBER, Sort.by("username"));
		Map<Long, UnitSummary> homes = units.getAll(steering.stream().map(Account::getHomeUnitId).distinct().toList());
		return steering.stream()
			.map(account -> view(account, homes.get(account.getHomeUnitId()), null))
			.filter(view -> canManage(actor, view.role(), view.homeUnit()))
			.toList();
	}

	public AccountView view(Actor actor, long id) {
		AccountView view = accounts.findById(id)
			.map(account -> view(account, units.get(account.getHomeUnitId()),
					throttle.refusedUntil(SignInThrottle.Kind.USERNAME, account.getUsername()).orElse(null)))
			.orElseThrow(() -> new AccountNotFoundException(id));
		if (!canManage(actor, view.role(), view.homeUnit())) {
			throw new AccessDeniedException(actor.username() + " may not manage account " + id);
		}
		return view;
	}

	private AccountView view(Account account, UnitSummary home, Instant lockedUntil) {
		// the unit it was re-homed from, as it stood the day before it closed
		UnitSummary from = account.getRehomedFrom() == null ? null
				: units.at(account.getRehomedFrom(), account.getRehomedOn().minusDays(1))
					.orElseGet(() -> units.get(account.getRehomedFrom()));
		return new AccountView(account.getId(), account.getUsername(), account.getFullName(),
				PhoneNumber.display(account.getPhone()), account.getRole(), home,
				account.isEnabled(), account.isMustChangePassword(), lockedUntil, from, account.getRehomedOn());
	}

	/**
	 * Creates the account with a temporary password, returned once, that must be changed at first sign-in. That a
	 * username is taken is said to its creator, throttled as sign-ins are ({@code portal.sign-in.name-check}), so
	 * that the form cannot list the usernames there are; a refusal commits the count it made.
	 */
	@Transactional(noRollbackFor = { UsernameTakenException.class, UsernameCheckRefusedException.class })
	String create(Actor actor, AccountDraft draft) {
		UnitSummary home = units.get(draft.homeUnitId());
		checkHome(draft.role(), home);
		if (!canManage(actor, draft.role(), home)) {
			throw new AccessDeniedException(actor.username() + " may not create " + draft.role() + " in " + home.id());
		}
		String username = draft.username().strip().toLowerCase(Locale.ROOT);
		String creator = String.valueOf(actor.userId());
		Optional<Duration> wait = throttle.reserve(SignInThrottle.Kind.NAME_CHECK, creator);
		if (wait.isPresent()) {
			throw new UsernameCheckRefusedException(wait.get());
		}
		if (accounts.existsByUsername(username)) {
			throw new UsernameTakenException(username);
		}
		throttle.giveBack(SignInThrottle.Kind.NAME_CHECK, creator);
		String temporary = temporaryPassword();
		Account account = accounts.saveAndFlush(new Account(username, passwords.encode(temporary), draft.fullName().strip(),
				draft.phone(), draft.role(), home.id(), actor.userId(), clock.instant()));
		audit.record(actor.audit("ACCOUNT_CREATED", ENTITY, account.getId(), home.id())
			.withChange("role", null, draft.role().name()));
		return temporary;
	}

	/** Creates an account whose password is already chosen and need not be changed: the demo accounts. */
	@Transactional
	long createWithPassword(String username, String password, String fullName, String phone, Role role, long homeUnitId) {
		checkHome(role, units.get(homeUnitId));
		Account account = new Account(username, passwords.encode(password), fullName, phone, role, homeUnitId, null,
				clock.instant());
		account.keepPassword();
		return accounts.saveAndFlush(account).getId();
	}

	static void checkHome(Role role, UnitSummary home) {
		if (!role.fitsHome(home) || home.closed()) {
			throw new IllegalArgumentException(role + " cannot have " + home.level() + " " + home.id() + " as home");
		}
	}

	@Transactional
	public void setEnabled(Actor actor, long id, boolean enabled) {
		Account account = managed(actor, id);
		if (account.isEnabled() != enabled) {
			account.setEnabled(enabled);
			if (!enabled) {
				account.endSessions();
			}
			audit.record(actor.audit(enabled ? "ACCOUNT_ENABLED" : "ACCOUNT_DISABLED", ENTITY, id, account.getHomeUnitId()));
		}
	}

	@Transactional
	public String resetPassword(Actor actor, long id) {
		Account account = managed(actor, id);
		String temporary = temporaryPassword();
		account.resetPassword(passwords.encode(temporary));
		account.endSessions();
		// the manager's reset is the way out of a lock: the page of a locked account says so
		throttle.clear(SignInThrottle.Kind.USERNAME, account.getUsername());
		audit.record(actor.audit("PASSWORD_RESET", ENTITY, id, account.getHomeUnitId()));
		events.publishEvent(new PasswordReset(id, actor.userId()));
		return temporary;
	}

	private Account managed(Actor actor, long id) {
		if (id == actor.userId()) {
			throw new AccessDeniedException("Nobody manages their own account here");
		}
		Account account = accounts.findById(id).orElseThrow(() -> new AccountNotFoundException(id));
		if (!canManage(actor, account.getRole(), units.get(account.getHomeUnitId()))) {
			throw new AccessDeniedException(actor.username() + " may not manage account " + id);
		}
		return account;
	}

	/** What is wrong with a password the user chose for themselves, as a message key; empty when it will do. */
	Optional<String> passwordProblem(String password, String username) {
		return rules.problem(password, username);
	}

	/**
	 * Changes the user's own password and ends their other sessions; the session generation the current one
	 * goes on with, or empty when the current password is wrong.
	 */
	@Transactional
	OptionalInt changePassword(long id, String currentPassword, String newPassword) {
		Account account = accounts.findById(id).orElseThrow(() -> new AccountNotFoundException(id));
		if (!PasswordRules.fitsBcrypt(currentPassword) || !passwords.matches(currentPassword, account.getPasswordHash())) {
			return OptionalInt.empty();
		}
		account.changePassword(passwords.encode(newPassword));
		int generation = account.endSessions();
		audit.record(AuditEntry.of(id, account.getUsername(), "PASSWORD_CHANGED", ENTITY, id,
				account.getHomeUnitId()));
		events.publishEvent(new PasswordChanged(id));
		return OptionalInt.of(generation);
	}

	private String temporaryPassword() {
		char[] password = new char[10];
		for (int i = 0; i < password.length; i++) {
			password[i] = TEMPORARY_ALPHABET[random.nextInt(TEMPORARY_ALPHABET.length)];
		}
		return new String(password);
	}

}
