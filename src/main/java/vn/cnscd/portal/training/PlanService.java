package vn.cnscd.portal.training;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.cnscd.portal.area.Actor;
import vn.cnscd.portal.area.StaleEditException;
import vn.cnscd.portal.area.UnitService;
import vn.cnscd.portal.area.UnitSummary;
import vn.cnscd.portal.audit.AuditLog;
import vn.cnscd.portal.team.TeamDirectory;
import vn.cnscd.portal.team.TeamEntry;
import vn.cnscd.portal.team.TeamService;
import vn.cnscd.portal.training.PlanRecords.ActivityPlan;
import vn.cnscd.portal.training.PlanRecords.PlanFile;
import vn.cnscd.portal.training.PlanRecords.PlanItem;
import vn.cnscd.portal.training.PlanRecords.StoredFile;
import vn.cnscd.portal.training.PlanRecords.TeamPlanRow;

/**
 * The activity plan of a team for a year: its items and, optionally, one attached file. Whoever sees the
 * team's unit reads the plan (a village head their own team's); the commune chair who manages the team
 * edits it. Every change is audited.
 */
@Service
@Transactional(readOnly = true)
class PlanService {

	static final String PLAN = "ACTIVITY_PLAN";

	static final long MAX_FILE_BYTES = 10L * 1024 * 1024;

	private final JdbcClient jdbc;

	private final UnitService units;

	private final TeamService teams;

	private final TeamDirectory directory;

	private final AuditLog audit;

	PlanService(JdbcClient jdbc, UnitService units, TeamService teams, TeamDirectory directory, AuditLog audit) {
		this.jdbc = jdbc;
		this.units = units;
		this.teams = teams;
		this.directory = directory;
		this.audit = audit;
	}

	/** A team, if the actor may see its unit. */
	TeamEntry team(Actor actor, long teamId) {
		TeamEntry team = directory.team(teamId).orElseThrow(TrainingNotFoundException::new);
		units.view(actor, team.unitId());
		return team;
	}

	boolean canEdit(Actor actor, TeamEntry team) {
		return team.active() && teams.canManage(actor, units.get(team.unitId()));
	}

	ActivityPlan plan(Actor actor, long teamId, int year) {
		TeamEntry team = team(actor, teamId);
		Optional<long[]> stored = jdbc.sql("SELECT id, version FROM activity_plan WHERE team_id = :team AND year = :year")
			.param("team", teamId)
			.param("year", year)
			.query((rs, n) -> new long[] { rs.getLong("id"), rs.getLong("version") })
			.optional();
		if (stored.isEmpty()) {
			return new ActivityPlan(team, year, false, 0, List.of(), null);
		}
		long planId = stored.get()[0];
		List<PlanItem> items = jdbc.sql("""
				SELECT month, activity, person_in_charge, status FROM activity_plan_item
				WHERE plan_id = :plan ORDER BY position""")
			.param("plan", planId)
			.query(PlanItem.class)
			.list();
		PlanFile file = jdbc.sql("""
				SELECT file_name, size_bytes, content_type FROM activity_plan_file WHERE plan_id = :plan""")
			.param("plan", planId)
			.query(PlanFile.class)
			.optional()
			.orElse(null);
		return new ActivityPlan(team, year, true, stored.get()[1], items, file);
	}

	/** Replaces the items of the plan; {@code expectedVersion} is the version the form was opened with. */
	@Transactional
	void save(Actor actor, long teamId, int year, List<PlanItem> items, long expectedVersion) {
		TeamEntry team = editable(actor, teamId);
		ActivityPlan before = plan(actor, teamId, year);
		if (before.version() != expectedVersion) {
			throw new StaleEditException();
		}
		long planId = before.saved() ? bump(teamId, year, expectedVersion) : create(teamId, year);
		jdbc.sql("DELETE FROM activity_plan_item WHERE plan_id = :plan").param("plan", planId).update();
		for (int i = 0; i < items.size(); i++) {
			PlanItem item = items.get(i);
			jdbc.sql("""
					INSERT INTO activity_plan_item (plan_id, position, month, activity, person_in_charge, status)
					VALUES (:plan, :position, :month, :activity, :person, :status)""")
				.param("plan", planId)
				.param("position", i)
				.param("month", item.month())
				.param("activity", item.activity())
				.param("person", item.personInCharge())
				.param("status", item.status().name())
				.update();
		}
		audit.record(actor.audit("PLAN_SAVED", PLAN, planId, team.unitId())
			.withChange("items", describe(before.items()), describe(items)));
	}

	/** Attaches a file checked by the caller for its size and type, in place of any earlier one. */
	@Transactional
	void attach(Actor actor, long teamId, int year, String fileName, PlanFileType type, byte[] content) {
		TeamEntry team = editable(actor, teamId);
		ActivityPlan before = plan(actor, teamId, year);
		long planId = before.saved() ? bump(teamId, year, before.version()) : create(teamId, year);
		jdbc.sql("""
				INSERT INTO activity_plan_file (plan_id, file_name, size_bytes, content_type, content, uploaded_at)
				VALUES (:plan, :name, :size, :type, :content, now())
				ON CONFLICT (plan_id) DO UPDATE SET file_name = EXCLUDED.file_name, size_bytes = EXCLUDED.size_bytes,
				    content_type = EXCLUDED.content_type, content = EXCLUDED.content, uploaded_at = EXCLUDED.uploaded_at""")
			.param("plan", planId)
			.param("name", fileName)
			.param("size", (long) content.length)
			.param("type", type.mediaType())
			.param("content", content)
			.update();
		audit.record(actor.audit("PLAN_FILE_ATTACHED", PLAN, planId, team.unitId())
			.withChange("file", before.file() == null ? null : before.file().fileName(),
					fileName + " (" + content.length + " B, " + type.mediaType() + ")"));
	}

	StoredFile file(Actor actor, long teamId, int year) {
		team(actor, teamId);
		return jdbc.sql("""
				SELECT f.file_name, f.content_type, f.content FROM activity_plan_file f
				JOIN activity_plan p ON p.id = f.plan_id WHERE p.team_id = :team AND p.year = :year""")
			.param("team", teamId)
			.param("year", year)
			.query(StoredFile.class)
			.optional()
			.orElseThrow(TrainingNotFoundException::new);
	}

	/** The active teams under a unit that the actor sees, each with whether it has a plan for the year. */
	List<TeamPlanRow> teamPlans(Actor actor, UnitSummary under, int year) {
		List<TeamEntry> active = directory.activeTeams(actor, under);
		if (active.isEmpty()) {
			return List.of();
		}
		Map<Long, Long> items = jdbc.sql("""
				SELECT p.team_id, (SELECT count(*) FROM activity_plan_item i WHERE i.plan_id = p.id) AS items
				FROM activity_plan p WHERE p.year = :year AND p.team_id = ANY (:teams)""")
			.param("year", year)
			.param("teams", active.stream().map(TeamEntry::id).toArray(Long[]::new))
			.query((rs, n) -> Map.entry(rs.getLong("team_id"), rs.getLong("items")))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		return active.stream()
			.map(team -> new TeamPlanRow(team.id(), team.name(), team.communeName(), items.getOrDefault(team.id(), 0L),
					items.containsKey(team.id())))
			.toList();
	}

	private TeamEntry editable(Actor actor, long teamId) {
		TeamEntry team = team(actor, teamId);
		if (!canEdit(actor, team)) {
			throw new AccessDeniedException(actor.username() + " may not change the plans of team " + teamId);
		}
		return team;
	}

	/** A new plan starts at version 1: a form opened while there was none carries 0, and is stale once one exists. */
	private long create(long teamId, int year) {
		try {
			return jdbc.sql("INSERT INTO activity_plan (team_id, year, version) VALUES (:team, :year, 1) RETURNING id")
				.param("team", teamId)
				.param("year", year)
				.query(Long.class)
				.single();
		}
		catch (DuplicateKeyException createdMeanwhile) {
			throw new StaleEditException();
		}
	}

	private long bump(long teamId, int year, long expectedVersion) {
		return jdbc.sql("""
				UPDATE activity_plan SET version = version + 1
				WHERE team_id = :team AND year = :year AND version = :version RETURNING id""")
			.param("team", teamId)
			.param("year", year)
			.param("version", expectedVersion)
			.query(Long.class)
			.optional()
			.orElseThrow(StaleEditException::new);
	}

	private static String describe(List<PlanItem> items) {
		return items.stream()
			.map(item -> item.month() + ": " + item.activity() + " / " + item.personInCharge() + " / " + item.status())
			.collect(Collectors.joining("\n"));
	}

}
