package vn.cnscd.portal.training;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.cnscd.portal.area.Actor;
import vn.cnscd.portal.area.Role;
import vn.cnscd.portal.area.StaleEditException;
import vn.cnscd.portal.area.UnitService;
import vn.cnscd.portal.area.UnitSummary;
import vn.cnscd.portal.audit.AuditLog;
import vn.cnscd.portal.team.MemberEntry;
import vn.cnscd.portal.team.TeamDirectory;
import vn.cnscd.portal.team.TeamEntry;

/**
 * Proposals to commend a team or one of its members. Officers and commune chairs propose within
 * their area; officers decide. Everyone reads the proposals of their area. Every change is audited.
 * A proposal keeps its team's unit, so that the proposals of an area are found on the unit's indexed path;
 * the names of teams and members come from the team module, all those of a list at once.
 */
@Service
@Transactional(readOnly = true)
class CommendationService {

	static final String COMMENDATION = "COMMENDATION";

	static final int PER_PAGE = 20;

	private static final String COLUMNS = """
			SELECT k.id, k.team_id, k.unit_id, k.member_id, k.reason, k.period, k.proposed_by_name, k.proposed_at,
			       k.status, k.decision_note, k.decided_by_name, k.version
			FROM commendation k JOIN unit u ON u.id = k.unit_id
			""";

	private static final String NEWEST_FIRST = " ORDER BY k.proposed_at DESC, k.id DESC";

	private final JdbcClient jdbc;

	private final PlanService plans;

	private final TrainingService training;

	private final TeamDirectory teams;

	private final UnitService units;

	private final AuditLog audit;

	CommendationService(JdbcClient jdbc, PlanService plans, TrainingService training, TeamDirectory teams,
			UnitService units, AuditLog audit) {
		this.jdbc = jdbc;
		this.plans = plans;
		this.training = training;
		this.teams = teams;
		this.units = units;
		this.audit = audit;
	}

	boolean canPropose(Actor actor) {
		return actor.isAny(Role.OFFICER, Role.COMMUNE_CHAIR);
	}

	boolean canDecide(Actor actor) {
		return actor.is(Role.OFFICER);
	}

	/**
	 * One page of the proposals of the actor's area, newest first, of one outcome and under one unit if
	 * asked; a page past the last is the last.
	 */
	Paged<Commendation> page(Actor actor, CommendationFilter filter, int page) {
		long total = bind(jdbc.sql("SELECT count(*) FROM commendation k JOIN unit u ON u.id = k.unit_id WHERE "
				+ where(actor, filter)), actor, filter)
			.query(Long.class)
			.single();
		int number = Math.min(Math.max(page, 1), Paged.lastPage(total, PER_PAGE));
		List<Commendation> rows = named(bind(jdbc.sql(COLUMNS + " WHERE " + where(actor, filter) + NEWEST_FIRST
				+ " LIMIT :limit OFFSET :offset"), actor, filter)
			.param("limit", PER_PAGE)
			.param("offset", Paged.offset(number, PER_PAGE))
			.query(Row.class)
			.list());
		return new Paged<>(rows, number, PER_PAGE, total);
	}

	/** Every proposal of the actor's area that the filter keeps, newest first: for the export. */
	List<Commendation> list(Actor actor, CommendationFilter filter) {
		return named(bind(jdbc.sql(COLUMNS + " WHERE " + where(actor, filter) + NEWEST_FIRST), actor, filter)
			.query(Row.class)
			.list());
	}

	private static String where(Actor actor, CommendationFilter filter) {
		return actor.scopeCondition("u.subtree_path") + (filter.status() == null ? "" : " AND k.status = :status")
				+ (filter.under() == null ? "" : " AND u.subtree_path LIKE :under");
	}

	private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, Actor actor,
			CommendationFilter filter) {
		statement = statement.params(actor.scopeParams());
		if (filter.status() != null) {
			statement = statement.param("status", filter.status().name());
		}
		if (filter.under() != null) {
			statement = statement.param("under", UnitSummary.likeUnder(filter.under().path()));
		}
		return statement;
	}

	Commendation get(Actor actor, long id) {
		Row found = jdbc.sql(COLUMNS + " WHERE k.id = :id")
			.param("id", id)
			.query(Row.class)
			.optional()
			.orElseThrow(TrainingNotFoundException::new);
		units.view(actor, found.unitId());
		return named(List.of(found)).get(0);
	}

	/** The rows with the names of their teams and members, asked for all rows at once. */
	private List<Commendation> named(List<Row> rows) {
		Map<Long, TeamEntry> team = teams.teams(rows.stream().map(Row::teamId).toList());
		Map<Long, MemberEntry> member = teams.members(rows.stream().map(Row::memberId).filter(Objects::nonNull).toList());
		return rows.stream().map(row -> {
			TeamEntry of = team.get(row.teamId());
			return new Commendation(row.id(), row.teamId(), row.unitId(), of.name(), of.communeName(), row.memberId(),
					row.memberId() == null ? null : member.get(row.memberId()).fullName(), row.reason(), row.period(),
					row.proposedByName(), row.proposedAt(), row.status(), row.decisionNote(), row.decidedByName(),
					row.version());
		}).toList();
	}

	/** The team a proposal would be for, if the actor may propose it: an active team of their area. */
	TeamEntry proposableTeam(Actor actor, long teamId) {
		if (!canPropose(actor)) {
			throw new AccessDeniedException(actor.username() + " does not propose commendations");
		}
		TeamEntry team = plans.team(actor, teamId);
		if (!team.active()) {
			throw new AccessDeniedException("Team " + teamId + " is dissolved");
		}
		return team;
	}

	/** The member a proposal would be for, if the actor may propose them: an active member of such a team. */
	MemberEntry proposableMember(Actor actor, long memberId) {
		MemberEntry member = training.member(actor, memberId);
		proposableTeam(actor, member.teamId());
		if (!member.active()) {
			throw new AccessDeniedException("Member " + memberId + " has left");
		}
		return member;
	}

	/** Proposes once per form: the same form sent twice (a double click) proposes nothing more. */
	@Transactional
	long propose(Actor actor, long teamId, Long memberId, String reason, String period, String formKey) {
		TeamEntry team = memberId == null ? proposableTeam(actor, teamId)
				: proposableTeam(actor, proposableMember(actor, memberId).teamId());
		if (formKey != null) {
			List<Long> proposed = jdbc.sql("SELECT id FROM commendation WHERE form_key = :key")
				.param("key", formKey)
				.query(Long.class)
				.list();
			if (!proposed.isEmpty()) {
				return proposed.get(0);
			}
		}
		long id = jdbc.sql("""
				INSERT INTO commendation (team_id, unit_id, member_id, reason, period, proposed_by_name, form_key)
				VALUES (:team, :unit, :member, :reason, :period, :by, :formKey) RETURNING id""")
			.param("team", team.id())
			.param("unit", team.unitId())
			.param("member", memberId)
			.param("reason", reason.strip())
			.param("period", period.strip())
			.param("by", actor.fullName())
			.param("formKey", formKey)
			.query(Long.class)
			.single();
		audit.record(actor.audit("COMMENDATION_PROPOSED", COMMENDATION, id, team.unitId())
			.withChange("proposal", null, (memberId == null ? "team " + team.id() : "member " + memberId) + ", "
					+ period.strip() + ": " + reason.strip()));
		return id;
	}

	@Transactional
	void decide(Actor actor, long id, CommendationStatus decision, String note, long expectedVersion) {
		if (!canDecide(actor)) {
			throw new AccessDeniedException(actor.username() + " does not decide on commendations");
		}
		if (decision == CommendationStatus.PROPOSED) {
			throw new IllegalArgumentException("A decision approves or rejects");
		}
		Commendation before = get(actor, id);
		int updated = jdbc.sql("""
				UPDATE commendation SET status = :status, decision_note = :note, decided_by_name = :by, decided_at = now(),
				       version = version + 1
				WHERE id = :id AND version = :version AND status = 'PROPOSED'""")
			.param("status", decision.name())
			.param("note", note)
			.param("by", actor.fullName())
			.param("id", id)
			.param("version", expectedVersion)
			.update();
		if (updated == 0) {
			throw new StaleEditException();
		}
		audit.record(actor.audit("COMMENDATION_DECIDED", COMMENDATION, id, before.unitId())
			.withChange("status", before.status().name(), decision.name()));
		if (note != null) {
			audit.record(actor.audit("COMMENDATION_DECIDED", COMMENDATION, id, before.unitId())
				.withChange("decisionNote", null, note));
		}
	}

	/** A proposal as stored; the names come from the team module. */
	private record Row(long id, long teamId, long unitId, Long memberId, String reason, String period,
			String proposedByName, OffsetDateTime proposedAt, CommendationStatus status, String decisionNote,
			String decidedByName, long version) {
	}

}
