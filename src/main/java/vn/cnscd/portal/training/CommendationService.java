package vn.cnscd.portal.training;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.cnscd.portal.area.Actor;
import vn.cnscd.portal.area.Role;
import vn.cnscd.portal.area.StaleEditException;
import vn.cnscd.portal.audit.AuditLog;
import vn.cnscd.portal.training.PlanRecords.PlanTeam;
import vn.cnscd.portal.training.TrainingRecords.Person;

/**
 * Proposals to commend a team or one of its members. District officers and commune chairs propose within
 * their area; district officers decide. Everyone reads the proposals of their area. Every change is audited.
 */
@Service
@Transactional(readOnly = true)
class CommendationService {

	static final String COMMENDATION = "COMMENDATION";

	private static final String COLUMNS = """
			SELECT k.id, k.team_id, t.name AS team_name, CASE WHEN u.level = 'COMMUNE' THEN u.name ELSE c.name END AS commune_name,
			       k.member_id, m.full_name AS member_name, k.reason, k.period, k.proposed_by_name, k.proposed_at, k.status,
			       k.decision_note, k.decided_by_name, k.version
			FROM commendation k JOIN team t ON t.id = k.team_id JOIN unit u ON u.id = t.unit_id
			LEFT JOIN unit c ON c.id = u.parent_id LEFT JOIN team_member m ON m.id = k.member_id
			""";

	private final JdbcClient jdbc;

	private final PlanService plans;

	private final TrainingService training;

	private final AuditLog audit;

	CommendationService(JdbcClient jdbc, PlanService plans, TrainingService training, AuditLog audit) {
		this.jdbc = jdbc;
		this.plans = plans;
		this.training = training;
		this.audit = audit;
	}

	boolean canPropose(Actor actor) {
		return actor.isAny(Role.DISTRICT_OFFICER, Role.COMMUNE_CHAIR);
	}

	boolean canDecide(Actor actor) {
		return actor.is(Role.DISTRICT_OFFICER);
	}

	/** The proposals of the teams the actor sees, newest first. */
	List<Commendation> list(Actor actor) {
		return jdbc.sql(COLUMNS + """
				WHERE %s ORDER BY k.proposed_at DESC, k.id DESC""".formatted(actor.scopeCondition("u.subtree_path")))
			.params(actor.scopeParams())
			.query(Commendation.class)
			.list();
	}

	Commendation get(Actor actor, long id) {
		Commendation found = jdbc.sql(COLUMNS + " WHERE k.id = :id")
			.param("id", id)
			.query(Commendation.class)
			.optional()
			.orElseThrow(TrainingNotFoundException::new);
		plans.team(actor, found.teamId());
		return found;
	}

	/** The team a proposal would be for, if the actor may propose it: an active team of their area. */
	PlanTeam proposableTeam(Actor actor, long teamId) {
		if (!canPropose(actor)) {
			throw new AccessDeniedException(actor.username() + " does not propose commendations");
		}
		PlanTeam team = plans.team(actor, teamId);
		if (!team.active()) {
			throw new AccessDeniedException("Team " + teamId + " is dissolved");
		}
		return team;
	}

	/** The member a proposal would be for, if the actor may propose them: an active member of such a team. */
	Person proposableMember(Actor actor, long memberId) {
		Person member = training.member(actor, memberId);
		proposableTeam(actor, member.teamId());
		if (!member.active()) {
			throw new AccessDeniedException("Member " + memberId + " has left");
		}
		return member;
	}

	/** Proposes once per form: the same form sent twice (a double click) proposes nothing more. */
	@Transactional
	long propose(Actor actor, long teamId, Long memberId, String reason, String period, String formKey) {
		PlanTeam team = memberId == null ? proposableTeam(actor, teamId)
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
				INSERT INTO commendation (team_id, member_id, reason, period, proposed_by_name, form_key)
				VALUES (:team, :member, :reason, :period, :by, :formKey) RETURNING id""")
			.param("team", team.id())
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
		audit.record(actor.audit("COMMENDATION_DECIDED", COMMENDATION, id, plans.team(actor, before.teamId()).unitId())
			.withChange("status", before.status().name(), decision.name()));
		if (note != null) {
			audit.record(actor.audit("COMMENDATION_DECIDED", COMMENDATION, id, plans.team(actor, before.teamId()).unitId())
				.withChange("decisionNote", null, note));
		}
	}

}
