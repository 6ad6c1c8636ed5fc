package vn.cnscd.portal.area;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;
import vn.cnscd.portal.audit.AuditEntry;
import vn.cnscd.portal.audit.AuditLog;

/**
 * Reorganisations of units, recorded as their decisions say: a draft the officer builds (by hand or from a
 * file), a preview of everything it changes, then the record, all or nothing and audited. A reorganisation
 * whose date has come is applied at once; one still to come is PLANNED until that date (it can be cancelled
 * until then) and applied by {@link #applyDue()} on the day. Applying never touches a report: it gives units
 * new versions from the date, closes and opens units, and records what became of each closed one; the modules
 * whose records follow the units ({@link ReorganisationParticipant}) do their part in the same transaction.
 */
@Service
@Transactional(readOnly = true)
public class ReorganisationService {

	static final String ENTITY = "REORGANISATION";

	public enum Status {

		DRAFT, PLANNED, IN_FORCE, CANCELLED, FAILED

	}

	/** The decision a reorganisation carries out. */
	public record Basis(String number, LocalDate date, String signer, LocalDate effectiveOn) {
	}

	public record Reorganisation(long id, long areaId, Basis basis, ReorganisationPlan plan, Status status,
			String failure, Instant recordedAt, long version) {
	}

	/** What a reorganisation will change, worked out on the tree as it stands on its date. */
	public record Preview(List<Opened> opened, List<ClosedUnit> closed, List<Moved> villagesMoved,
			List<Moved> unitsMoved, List<Renamed> renamed, List<PreviewLine> followers,
			List<ReorganisationProblem> problems) {

		public boolean applicable() {
			return problems.isEmpty();
		}

	}

	public record Opened(UnitName unit, UnitName parent) {
	}

	public record ClosedUnit(UnitName unit, List<UnitName> successors) {
	}

	public record Moved(UnitName unit, UnitName from, UnitName to) {
	}

	public record Renamed(UnitName before, UnitName after) {
	}

	private final JdbcClient jdbc;

	private final UnitHistory history;

	private final UnitService units;

	private final List<ReorganisationParticipant> participants;

	private final AuditLog audit;

	private final Clock clock;

	private final JsonMapper json;

	private final EntityManager entityManager;

	ReorganisationService(JdbcClient jdbc, UnitHistory history, UnitService units,
			List<ReorganisationParticipant> participants, AuditLog audit, Clock clock, JsonMapper json,
			EntityManager entityManager) {
		this.jdbc = jdbc;
		this.history = history;
		this.units = units;
		this.participants = participants;
		this.audit = audit;
		this.clock = clock;
		this.json = json;
		this.entityManager = entityManager;
	}

	/** Administrators, and officers of a committee for what lies in their area. */
	public boolean canRecord(Actor actor) {
		return actor.isAny(Role.ADMIN, Role.OFFICER);
	}

	public List<Reorganisation> list(Actor actor) {
		requireRecorder(actor);
		return jdbc.sql("SELECT * FROM reorganisation ORDER BY effective_on DESC, id DESC")
			.query((rs, n) -> reorganisation(rs.getLong("id"), rs.getLong("area_id"), rs.getString("basis_number"),
					rs.getObject("basis_date", LocalDate.class), rs.getString("basis_signer"),
					rs.getObject("effective_on", LocalDate.class), rs.getString("plan"), rs.getString("status"),
					rs.getString("failure"), rs.getTimestamp("recorded_at").toInstant(), rs.getLong("version")))
			.list()
			.stream()
			.filter(reorganisation -> units.canView(actor, units.get(reorganisation.areaId())))
			.toList();
	}

	public Reorganisation get(Actor actor, long id) {
		requireRecorder(actor);
		Reorganisation found = load(id).orElseThrow(() -> new ReorganisationNotFoundException(id));
		if (!units.canView(actor, units.get(found.areaId()))) {
			throw new AccessDeniedException(actor.username() + " may not see reorganisation " + id);
		}
		return found;
	}

	/** A new draft for the actor's area. */
	@Transactional
	public long start(Actor actor, Basis basis, ReorganisationPlan plan) {
		requireRecorder(actor);
		long id = jdbc.sql("""
				INSERT INTO reorganisation (area_id, basis_number, basis_date, basis_signer, effective_on, plan, status,
				                            recorded_by, recorded_at)
				VALUES (:area, :number, :date, :signer, :effective, CAST(:plan AS jsonb), 'DRAFT', :by, :at)
				RETURNING id""")
			.param("area", actor.homeUnitId())
			.param("number", basis.number().strip())
			.param("date", basis.date())
			.param("signer", basis.signer().strip())
			.param("effective", basis.effectiveOn())
			.param("plan", json.writeValueAsString(plan))
			.param("by", actor.userId())
			.param("at", Timestamp.from(clock.instant()))
			.query(Long.class)
			.single();
		audit.record(actor.audit("REORGANISATION_DRAFTED", ENTITY, id, actor.homeUnitId())
			.withChange("basis", null, basis.number()));
		return id;
	}

	/** The draft with another basis or plan; refused once it is recorded, or when someone changed it since. */
	@Transactional
	public void change(Actor actor, long id, Basis basis, ReorganisationPlan plan, long expectedVersion) {
		Reorganisation draft = get(actor, id);
		if (draft.status() != Status.DRAFT) {
			throw new AccessDeniedException("Reorganisation " + id + " is recorded already");
		}
		if (draft.version() != expectedVersion) {
			throw new StaleEditException();
		}
		jdbc.sql("""
				UPDATE reorganisation SET basis_number = :number, basis_date = :date, basis_signer = :signer,
				       effective_on = :effective, plan = CAST(:plan AS jsonb), version = version + 1
				WHERE id = :id AND version = :version""")
			.param("id", id)
			.param("version", expectedVersion)
			.param("number", basis.number().strip())
			.param("date", basis.date())
			.param("signer", basis.signer().strip())
			.param("effective", basis.effectiveOn())
			.param("plan", json.writeValueAsString(plan))
			.update();
	}

	/** What the reorganisation would change if it were applied now, on the tree as it stands on its date. */
	public Preview preview(Actor actor, long id) {
		Reorganisation reorganisation = get(actor, id);
		return preview(actor, reorganisation.basis().effectiveOn(), reorganisation.plan(), id);
	}

	private Preview preview(Actor actor, LocalDate on, ReorganisationPlan plan, long id) {
		Worked worked = work(on, plan);
		Reorganiser.Outcome outcome = worked.outcome();
		List<ReorganisationProblem> problems = new ArrayList<>(outcome.problems());
		problems.addAll(worked.laterChanges());
		// what the plan changes, and the units it puts others under, must be the actor's; the units above them that
		// it reads only to know where they stand need not be
		Set<Long> reached = new LinkedHashSet<>();
		for (Reorganiser.Node node : outcome.changed()) {
			reached.add(node.id());
			reached.add(node.parent());
		}
		outcome.opened().forEach(node -> reached.add(node.parent()));
		for (Long unit : reached) {
			String path = unit == null ? null : worked.paths().get(unit);
			if (path != null && !actor.is(Role.ADMIN) && actor.scopePaths().stream().noneMatch(path::startsWith)) {
				problems.add(new ReorganisationProblem("reorganisation.problem.outside", List.of(text(worked, unit))));
			}
		}
		Map<Long, UnitName> names = worked.names();
		List<Opened> opened = outcome.opened()
			.stream()
			.map(node -> new Opened(names.get(node.id()), names.get(node.parent())))
			.toList();
		List<ClosedUnit> closed = outcome.successorsOfClosed()
			.entrySet()
			.stream()
			.map(entry -> new ClosedUnit(names.get(entry.getKey()), entry.getValue().stream().map(names::get).toList()))
			.toList();
		List<Moved> villages = outcome.villagesMoved()
			.entrySet()
			.stream()
			.map(entry -> new Moved(names.get(entry.getKey()), names.get(entry.getValue()[0]),
					names.get(entry.getValue()[1])))
			.toList();
		List<Moved> moved = new ArrayList<>();
		List<Renamed> renamed = new ArrayList<>();
		for (Reorganiser.Node node : outcome.changed()) {
			Reorganiser.Node was = outcome.before().get(node.id());
			if (node.closed()) {
				continue;
			}
			if (node.level() != UnitLevel.VILLAGE && !Objects.equals(was.parent(), node.parent())) {
				moved.add(new Moved(names.get(node.id()), names.get(was.parent()), names.get(node.parent())));
			}
			UnitName before = new UnitName(was.kind(), was.name(), was.code());
			UnitName after = new UnitName(node.kind(), node.name(), node.code());
			if (!before.equals(after)) {
				renamed.add(new Renamed(before, after));
			}
		}
		UnitsReorganised change = change(id, on, worked, plan.accounts());
		List<PreviewLine> followers = participants.stream().flatMap(p -> p.preview(change).stream()).toList();
		return new Preview(opened, closed, villages, moved, renamed, followers, problems);
	}

	/**
	 * Records the draft with the officer's choices for accounts: applied now if its date has come, else planned
	 * for it. Refused, with the problems in the preview, when the plan cannot be carried out.
	 */
	@Transactional
	public Status record(Actor actor, long id, Map<Long, Long> accountChoices, long expectedVersion) {
		Reorganisation draft = get(actor, id);
		if (draft.status() != Status.DRAFT) {
			throw new AccessDeniedException("Reorganisation " + id + " is recorded already");
		}
		if (draft.version() != expectedVersion) {
			throw new StaleEditException();
		}
		ReorganisationPlan plan = draft.plan().deciding(accountChoices);
		Preview preview = preview(actor, draft.basis().effectiveOn(), plan, id);
		if (!preview.applicable()) {
			throw new ReorganisationRefusedException(preview.problems());
		}
		boolean due = !draft.basis().effectiveOn().isAfter(LocalDate.now(clock));
		jdbc.sql("""
				UPDATE reorganisation SET plan = CAST(:plan AS jsonb), status = 'PLANNED', recorded_by = :by,
				       recorded_at = :at, version = version + 1
				WHERE id = :id""")
			.param("id", id)
			.param("plan", json.writeValueAsString(plan))
			.param("by", actor.userId())
			.param("at", Timestamp.from(clock.instant()))
			.update();
		audit.record(actor.audit("REORGANISATION_RECORDED", ENTITY, id, draft.areaId())
			.withChange("effectiveOn", null, draft.basis().effectiveOn().toString())
			.withChange("basis", null, draft.basis().number()));
		if (due) {
			apply(id);
			return Status.IN_FORCE;
		}
		return Status.PLANNED;
	}

	/** A planned reorganisation called off before its date; nothing of it was applied. */
	@Transactional
	public void cancel(Actor actor, long id) {
		Reorganisation planned = get(actor, id);
		boolean cancellable = planned.status() == Status.DRAFT
				|| planned.status() == Status.PLANNED && planned.basis().effectiveOn().isAfter(LocalDate.now(clock));
		if (!cancellable) {
			throw new AccessDeniedException("Reorganisation " + id + " can no longer be cancelled");
		}
		jdbc.sql("""
				UPDATE reorganisation SET status = 'CANCELLED', cancelled_by = :by, cancelled_at = :at,
				       version = version + 1
				WHERE id = :id""")
			.param("id", id)
			.param("by", actor.userId())
			.param("at", Timestamp.from(clock.instant()))
			.update();
		audit.record(actor.audit("REORGANISATION_CANCELLED", ENTITY, id, planned.areaId())
			.withChange("status", planned.status().name(), Status.CANCELLED.name()));
	}

	/**
	 * Applies every planned reorganisation whose date has come, oldest first, each in this transaction; one
	 * that can no longer be carried out (the tree changed since it was recorded) is marked FAILED with why.
	 * Another instance applying at the same moment skips the rows this one holds.
	 */
	@Transactional
	public int applyDue() {
		List<Long> due = jdbc.sql("""
				SELECT id FROM reorganisation WHERE status = 'PLANNED' AND effective_on <= :today
				ORDER BY effective_on, id FOR UPDATE SKIP LOCKED""")
			.param("today", LocalDate.now(clock))
			.query(Long.class)
			.list();
		due.forEach(this::apply);
		return due.size();
	}

	private void apply(long id) {
		Reorganisation planned = load(id).orElseThrow();
		LocalDate on = planned.basis().effectiveOn();
		Worked worked = work(on, planned.plan());
		List<ReorganisationProblem> problems = new ArrayList<>(worked.outcome().problems());
		problems.addAll(worked.laterChanges());
		if (!problems.isEmpty()) {
			String why = problems.stream().map(problem -> problem.key() + " " + problem.args()).collect(Collectors.joining("; "));
			jdbc.sql("UPDATE reorganisation SET status = 'FAILED', failure = :why, version = version + 1 WHERE id = :id")
				.param("id", id)
				.param("why", why.length() > 500 ? why.substring(0, 500) : why)
				.update();
			return;
		}
		// the units, accounts and teams change by SQL: what the persistence context holds of them is stale after
		entityManager.flush();
		Map<Long, Long> ids = write(id, on, worked);
		UnitsReorganised change = change(id, on, worked, planned.plan().accounts()).resolving(ids);
		participants.forEach(participant -> participant.takeEffect(change));
		entityManager.clear();
		jdbc.sql("UPDATE reorganisation SET status = 'IN_FORCE', applied_at = :at, version = version + 1 WHERE id = :id")
			.param("id", id)
			.param("at", Timestamp.from(clock.instant()))
			.update();
		audit.record(AuditEntry.of(null, "system", "REORGANISATION_APPLIED", ENTITY, id, planned.areaId())
			.withChange("effectiveOn", null, on.toString()));
	}

	/** The plan worked on the tree of its date, with the units' names and paths then. */
	private record Worked(Reorganiser.Outcome outcome, Map<Long, UnitName> names, Map<Long, String> paths,
			List<ReorganisationProblem> laterChanges) {
	}

	private Worked work(LocalDate on, ReorganisationPlan plan) {
		Set<Long> named = Reorganiser.named(plan);
		Map<Long, Reorganiser.Node> before = new LinkedHashMap<>();
		Map<Long, String> paths = new HashMap<>();
		Map<Long, UnitName> names = new HashMap<>();
		Set<Long> parents = new HashSet<>();
		for (long id : named) {
			Optional<UnitSummary> unit = units.at(id, on);
			if (unit.isEmpty()) {
				continue;
			}
			take(unit.get(), before, paths, names);
			Optional.ofNullable(unit.get().parentId()).ifPresent(parents::add);
			for (UnitSummary under : history.allUnder(unit.get().path(), on)) {
				take(under, before, paths, names);
			}
		}
		for (long parent : parents) {
			if (!before.containsKey(parent)) {
				units.at(parent, on).ifPresent(unit -> take(unit, before, paths, names));
			}
		}
		// the units above those: not changed, but every new path is written under theirs
		for (Reorganiser.Node node : List.copyOf(before.values())) {
			Long parent = node.parent();
			if (parent != null && !before.containsKey(parent) && !paths.containsKey(parent)) {
				units.at(parent, on).ifPresent(unit -> paths.put(parent, unit.path()));
			}
		}
		plan.opens().forEach(unit -> names.put(unit.ref(), new UnitName(unit.kind(), unit.name().strip(), unit.code())));
		Map<UnitLevel, Set<String>> taken = history.codesInForce(on, codesOf(plan), before.keySet());
		Reorganiser.Outcome outcome = Reorganiser.apply(before, plan, taken);
		List<ReorganisationProblem> later = history.laterVersions(before.keySet(), on)
			.stream()
			.map(unitId -> new ReorganisationProblem("reorganisation.problem.later", List.of(names.get(unitId).text())))
			.toList();
		return new Worked(outcome, names, paths, later);
	}

	private void take(UnitSummary unit, Map<Long, Reorganiser.Node> before, Map<Long, String> paths,
			Map<Long, UnitName> names) {
		before.put(unit.id(), new Reorganiser.Node(unit.id(), unit.parentId(), unit.level(), unit.kind(), unit.code(),
				unit.name(), false));
		paths.put(unit.id(), unit.path());
		names.put(unit.id(), new UnitName(unit.kind(), unit.name(), unit.code()));
	}

	private static Map<UnitLevel, Set<String>> codesOf(ReorganisationPlan plan) {
		Map<UnitLevel, Set<String>> codes = new HashMap<>();
		plan.opens().stream().filter(unit -> unit.code() != null && !unit.code().isBlank())
			.forEach(unit -> codes.computeIfAbsent(unit.kind().level(), level -> new HashSet<>()).add(unit.code().strip()));
		return codes;
	}

	/** Writes the outcome from its date: new units, versions, closures, successions. New refs to their ids. */
	private Map<Long, Long> write(long reorganisationId, LocalDate on, Worked worked) {
		Reorganiser.Outcome outcome = worked.outcome();
		for (Reorganiser.Node closed : outcome.closed()) {
			history.end(closed.id(), on);
			jdbc.sql("UPDATE unit SET valid_to = :on, version = version + 1 WHERE id = :id")
				.param("id", closed.id())
				.param("on", on)
				.update();
		}
		Map<Long, Long> ids = new HashMap<>();
		for (Reorganiser.Node opened : outcome.opened()) {
			long parent = opened.parent() < 0 ? ids.get(opened.parent()) : opened.parent();
			ids.put(opened.id(), history.insertUnit(parent, opened.kind(), opened.code(), opened.name(), on));
		}
		Map<Long, Reorganiser.Node> after = new HashMap<>();
		outcome.after().forEach((id, node) -> {
			long real = id < 0 ? ids.get(id) : id;
			Long parent = node.parent() == null ? null : node.parent() < 0 ? ids.get(node.parent()) : node.parent();
			after.put(real, new Reorganiser.Node(real, parent, node.level(), node.kind(), node.code(), node.name(),
					node.closed()));
		});
		Map<Long, String> paths = new HashMap<>();
		for (Reorganiser.Node node : after.values()) {
			String path = path(node.id(), after, worked.paths(), paths);
			String was = worked.paths().get(node.id());
			Reorganiser.Node before = outcome.before().get(node.id());
			boolean isNew = before == null;
			if (node.closed() || !isNew && node.equals(before) && path.equals(was)) {
				continue;
			}
			if (!isNew) {
				history.end(node.id(), on);
			}
			String ancestors = path.substring(0, path.length() - (node.id() + "/").length());
			history.openVersion(node.id(), on, node.parent(), node.kind(), node.code(), node.name(), ancestors,
					reorganisationId);
			history.placeUnit(node.id(), node.parent(), node.kind(), node.code(), node.name(), ancestors);
		}
		for (Reorganiser.Successor successor : outcome.successions()) {
			long predecessor = successor.predecessor() < 0 ? ids.get(successor.predecessor()) : successor.predecessor();
			long next = successor.successor() < 0 ? ids.get(successor.successor()) : successor.successor();
			jdbc.sql("""
					INSERT INTO unit_succession (predecessor_id, successor_id, kind, effective_on, reorganisation_id,
					                             predecessor_level)
					SELECT :predecessor, :successor, :kind, :on, :reorganisation, level FROM unit WHERE id = :predecessor
					ON CONFLICT (predecessor_id, successor_id) DO NOTHING""")
				.param("predecessor", predecessor)
				.param("successor", next)
				.param("kind", successor.kind().name())
				.param("on", on)
				.param("reorganisation", reorganisationId)
				.update();
		}
		return ids;
	}

	private static String path(long id, Map<Long, Reorganiser.Node> tree, Map<Long, String> known,
			Map<Long, String> computed) {
		String found = computed.get(id);
		if (found != null) {
			return found;
		}
		Reorganiser.Node node = tree.get(id);
		String path;
		if (node == null) {
			path = known.get(id);
		}
		else if (node.parent() == null) {
			path = "/" + id + "/";
		}
		else {
			path = path(node.parent(), tree, known, computed) + id + "/";
		}
		computed.put(id, path);
		return path;
	}

	private static UnitsReorganised change(long id, LocalDate on, Worked worked, Map<Long, Long> decisions) {
		Map<Long, String> names = new HashMap<>();
		worked.names().forEach((unit, name) -> names.put(unit, name.text()));
		return new UnitsReorganised(id, on, worked.outcome().successorsOfClosed(), worked.outcome().villagesMoved(),
				names, decisions);
	}

	private static String text(Worked worked, long unit) {
		UnitName name = worked.names().get(unit);
		return name == null ? String.valueOf(unit) : name.text();
	}

	private Optional<Reorganisation> load(long id) {
		return jdbc.sql("SELECT * FROM reorganisation WHERE id = :id")
			.param("id", id)
			.query((rs, n) -> reorganisation(rs.getLong("id"), rs.getLong("area_id"), rs.getString("basis_number"),
					rs.getObject("basis_date", LocalDate.class), rs.getString("basis_signer"),
					rs.getObject("effective_on", LocalDate.class), rs.getString("plan"), rs.getString("status"),
					rs.getString("failure"), rs.getTimestamp("recorded_at").toInstant(), rs.getLong("version")))
			.optional();
	}

	private Reorganisation reorganisation(long id, long area, String number, LocalDate date, String signer,
			LocalDate effective, String plan, String status, String failure, Instant recorded, long version) {
		return new Reorganisation(id, area, new Basis(number, date, signer, effective),
				json.readValue(plan, ReorganisationPlan.class), Status.valueOf(status), failure, recorded, version);
	}

	private void requireRecorder(Actor actor) {
		if (!canRecord(actor)) {
			throw new AccessDeniedException(actor.username() + " may not record reorganisations");
		}
	}

}
