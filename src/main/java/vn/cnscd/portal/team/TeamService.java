package vn.cnscd.portal.team;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.cnscd.portal.area.Actor;
import vn.cnscd.portal.area.Role;
import vn.cnscd.portal.area.SearchText;
import vn.cnscd.portal.area.StaleEditException;
import vn.cnscd.portal.area.UnitLevel;
import vn.cnscd.portal.area.UnitService;
import vn.cnscd.portal.area.UnitSummary;
import vn.cnscd.portal.audit.AuditEntry;
import vn.cnscd.portal.audit.AuditLog;
import vn.cnscd.portal.audit.AuditLog.FieldChange;

/**
 * Teams and their rosters. Everyone reads the teams of their area; only the chair of a commune changes the
 * teams of that commune and its villages. Every change is audited, field by field, and published as a
 * {@link RosterChanged} event.
 */
@Service
@Transactional(readOnly = true)
public class TeamService {

	static final String TEAM = "TEAM";

	static final String MEMBER = "MEMBER";

	/**
	 * The plan's teams have 3 to 6 members; far more is a mistake or an attack (one import put 10,000 members
	 * in a team), and would inflate every page and file that lists them.
	 */
	public static final int MAX_ACTIVE_MEMBERS = 50;

	private static final String TEAM_COLUMNS = """
			t.id, t.unit_id, t.level, t.name, t.decision_number, t.decision_date, t.decision_signer, t.status,
			t.dissolved_on, t.chat_platform, t.chat_name, t.chat_link, t.version""";

	private static final String MEMBER_COLUMNS = """
			m.id, m.team_id, m.full_name, m.gender, m.birth_year, m.phone, m.team_role, m.affiliation, m.joined_on,
			m.left_on, m.version""";

	private final TeamRepository teams;

	private final MemberRepository members;

	private final UnitService units;

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	TeamService(TeamRepository teams, MemberRepository members, UnitService units, JdbcClient jdbc, AuditLog audit,
			Clock clock, ApplicationEventPublisher events) {
		this.events = events;
		this.teams = teams;
		this.members = members;
		this.units = units;
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	// --- reading -------------------------------------------------------------------------------------------

	/** A team with its whole roster, if the actor may see its unit. */
	public TeamRoster roster(Actor actor, long teamId) {
		TeamRoster roster = roster(teamId);
		units.view(actor, roster.team().unitId());
		return roster;
	}

	TeamRoster roster(long teamId) {
		return rosterOf(summary(teamId), membersOf(List.of(teamId), false).getOrDefault(teamId, List.of()));
	}

	/** The teams of the units under a path (the unit itself included), each with its active members. */
	List<TeamRoster> rostersUnder(String path, boolean withDissolved) {
		List<TeamSummary> found = jdbc.sql("SELECT " + TEAM_COLUMNS + """
				 FROM team t JOIN unit u ON u.id = t.unit_id
				WHERE u.subtree_path LIKE :path AND (:withDissolved OR t.status = 'ACTIVE')
				ORDER BY t.level, t.id""")
			.param("path", UnitSummary.likeUnder(path))
			.param("withDissolved", withDissolved)
			.query(TeamService::team)
			.list();
		Map<Long, List<MemberSummary>> byTeam = membersOf(found.stream().map(TeamSummary::id).toList(), true);
		return found.stream().map(team -> rosterOf(team, byTeam.getOrDefault(team.id(), List.of()))).toList();
	}

	/**
	 * The unit's first team, active or dissolved: the one whose establishment decision is the oldest, or one whose
	 * decision has no date (established, but since when nobody entered); empty when the unit never had a team.
	 */
	public Optional<TeamSummary> firstTeam(long unitId) {
		return jdbc.sql("SELECT " + TEAM_COLUMNS + " FROM team t WHERE t.unit_id = :unit ORDER BY t.decision_date NULLS FIRST, t.id LIMIT 1")
			.param("unit", unitId)
			.query(TeamService::team)
			.optional();
	}

	/** The teams of one unit, active first. */
	public List<TeamRoster> rostersOf(Actor actor, long unitId) {
		UnitSummary unit = units.view(actor, unitId);
		return rostersUnder(unit.path(), true).stream()
			.filter(roster -> roster.team().unitId() == unitId)
			.sorted(Comparator.comparing((TeamRoster roster) -> !roster.team().active()))
			.toList();
	}

	private TeamRoster rosterOf(TeamSummary team, List<MemberSummary> all) {
		List<MemberSummary> active = all.stream().filter(MemberSummary::active).toList();
		List<MemberSummary> former = all.stream().filter(member -> !member.active()).toList();
		List<RosterProblem> problems = team.active() ? RosterRules.check(team.level(), active) : List.of();
		return new TeamRoster(team, active, former, problems);
	}

	TeamSummary summary(long teamId) {
		return jdbc.sql("SELECT " + TEAM_COLUMNS + " FROM team t WHERE t.id = :id")
			.param("id", teamId)
			.query(TeamService::team)
			.optional()
			.orElseThrow(() -> new TeamNotFoundException());
	}

	MemberSummary member(long memberId) {
		return jdbc.sql("SELECT " + MEMBER_COLUMNS + " FROM team_member m WHERE m.id = :id")
			.param("id", memberId)
			.query(TeamService::member)
			.optional()
			.orElseThrow(() -> new TeamNotFoundException());
	}

	private Map<Long, List<MemberSummary>> membersOf(Collection<Long> teamIds, boolean activeOnly) {
		if (teamIds.isEmpty()) {
			return Map.of();
		}
		return jdbc.sql("SELECT " + MEMBER_COLUMNS + """
				 FROM team_member m WHERE m.team_id = ANY (:teams) AND (NOT :activeOnly OR m.left_on IS NULL)
				ORDER BY m.left_on NULLS FIRST, CASE m.team_role WHEN 'LEADER' THEN 0 WHEN 'DEPUTY' THEN 1 ELSE 2 END,
				         m.joined_on, m.id""")
			.param("teams", teamIds.toArray(Long[]::new))
			.param("activeOnly", activeOnly)
			.query(TeamService::member)
			.list()
			.stream()
			.collect(Collectors.groupingBy(MemberSummary::teamId));
	}

	/** Members in the actor's area whose name or phone contain every word of the query. */
	public List<MemberHit> search(Actor actor, String query, int limit) {
		List<String> words = SearchText.words(query);
		if (words.isEmpty()) {
			return List.of();
		}
		StringBuilder sql = new StringBuilder("SELECT " + MEMBER_COLUMNS + """
				, t.name AS team_name, t.unit_id AS unit_id
				FROM team_member m JOIN team t ON t.id = m.team_id JOIN unit u ON u.id = t.unit_id
				WHERE """ + actor.scopeCondition("u.subtree_path"));
		for (int i = 0; i < words.size(); i++) {
			sql.append(" AND m.search_text LIKE :w").append(i);
		}
		sql.append(" ORDER BY m.left_on NULLS FIRST, m.full_name LIMIT :limit");
		JdbcClient.StatementSpec statement = jdbc.sql(sql.toString())
			.params(actor.scopeParams())
			.param("limit", limit);
		for (int i = 0; i < words.size(); i++) {
			statement = statement.param("w" + i, "%" + words.get(i).replace("%", "").replace("_", "") + "%");
		}
		List<MemberHit> hits = statement.query((rs, n) -> new MemberHit(member(rs, n), rs.getString("team_name"),
				rs.getLong("unit_id"), null)).list();
		Map<Long, UnitSummary> places = units.getAll(hits.stream().map(MemberHit::unitId).distinct().toList());
		return hits.stream()
			.map(hit -> new MemberHit(hit.member(), hit.teamName(), hit.unitId(), places.get(hit.unitId())))
			.toList();
	}

	public record MemberHit(MemberSummary member, String teamName, long unitId, UnitSummary unit) {
	}

	// --- who may change what -------------------------------------------------------------------------------

	/** Only the chair of a commune changes the teams of the commune and of its villages. */
	public boolean canManage(Actor actor, UnitSummary unit) {
		return actor.is(Role.COMMUNE_CHAIR) && actor.covers(unit) && !unit.closed()
				&& (unit.level() == UnitLevel.COMMUNE || unit.level() == UnitLevel.VILLAGE);
	}

	private UnitSummary requireManage(Actor actor, long unitId) {
		UnitSummary unit = units.view(actor, unitId);
		if (!canManage(actor, unit)) {
			throw new AccessDeniedException(actor.username() + " may not change the teams of unit " + unitId);
		}
		return unit;
	}

	private Team managedTeam(Actor actor, long teamId, Long expectedVersion) {
		Team team = teams.findById(teamId).orElseThrow(TeamNotFoundException::new);
		requireManage(actor, team.getUnitId());
		if (team.getStatus() != TeamStatus.ACTIVE) {
			throw new AccessDeniedException("Team " + teamId + " is dissolved");
		}
		if (expectedVersion != null && team.getVersion() != expectedVersion) {
			throw new StaleEditException();
		}
		return team;
	}

	/** The details a new team of the unit starts with: the names of the plan's convention. */
	public TeamDetails suggestedDetails(UnitSummary unit) {
		UnitSummary parent = unit.parentId() == null ? null : units.get(unit.parentId());
		return new TeamDetails(TeamNames.team(unit), null, null, null, ChatPlatform.ZALO,
				TeamNames.chatGroup(unit, parent), null);
	}

	/** The chat group name the plan suggests for any unit, the district's own included. */
	public String suggestedChatGroup(UnitSummary unit) {
		return TeamNames.chatGroup(unit, unit.parentId() == null ? null : units.get(unit.parentId()));
	}

	// --- changing ------------------------------------------------------------------------------------------

	/** Whether the commune already has its one active commune team. */
	public boolean hasCommuneTeam(long communeId) {
		return jdbc.sql("SELECT count(*) FROM team WHERE unit_id = :unit AND level = 'COMMUNE' AND status = 'ACTIVE'")
			.param("unit", communeId)
			.query(Long.class)
			.single() > 0;
	}

	@Transactional
	public TeamSummary create(Actor actor, long unitId, TeamDetails details) {
		UnitSummary unit = requireManage(actor, unitId);
		if (unit.level() == UnitLevel.COMMUNE && hasCommuneTeam(unitId)) {
			throw new CommuneTeamExistsException();
		}
		Team team = teams.saveAndFlush(new Team(unitId, unit.level(), details));
		audit.recordChanges(actor.audit("TEAM_CREATED", TEAM, team.getId(), unitId), changes(null, details));
		events.publishEvent(new RosterChanged(team.getId(), unitId, RosterChanged.Change.TEAM_CREATED, null, actor.userId()));
		return summary(team.getId());
	}

	@Transactional
	public TeamSummary update(Actor actor, long teamId, TeamDetails details, long expectedVersion) {
		Team team = managedTeam(actor, teamId, expectedVersion);
		TeamDetails before = team.details();
		team.describe(details);
		teams.saveAndFlush(team);
		audit.recordChanges(actor.audit("TEAM_UPDATED", TEAM, teamId, team.getUnitId()), changes(before, team.details()));
		return summary(teamId);
	}

	@Transactional
	public void dissolve(Actor actor, long teamId, LocalDate on, long expectedVersion) {
		Team team = managedTeam(actor, teamId, expectedVersion);
		team.dissolve(on);
		teams.saveAndFlush(team);
		audit.record(actor.audit("TEAM_DISSOLVED", TEAM, teamId, team.getUnitId()).withChange("dissolvedOn", null, on.toString()));
		events.publishEvent(new RosterChanged(teamId, team.getUnitId(), RosterChanged.Change.TEAM_DISSOLVED, null,
				actor.userId()));
	}

	/**
	 * Adds a member once per add form: the same form sent twice (a double click) adds nobody the second time.
	 * Refused with {@link TeamFullException} when the team already has {@value #MAX_ACTIVE_MEMBERS} members.
	 */
	@Transactional
	public MemberSummary addMember(Actor actor, long teamId, MemberDetails details, String formKey) {
		Team team = managedTeam(actor, teamId, null);
		if (formKey != null) {
			Optional<Member> added = members.findByFormKey(formKey);
			if (added.isPresent()) {
				return member(added.get().getId());
			}
		}
		requireRoom(teamId, 1);
		Member member = members.saveAndFlush(new Member(teamId, details, formKey));
		audit.recordChanges(actor.audit("MEMBER_ADDED", MEMBER, member.getId(), team.getUnitId()), changes(null, details));
		events.publishEvent(new RosterChanged(teamId, team.getUnitId(), RosterChanged.Change.MEMBER_ADDED,
				details.fullName(), actor.userId()));
		return member(member.getId());
	}

	/**
	 * Adds many members to a team at once, as an import does: one statement for the members and one for their
	 * audit records, whatever their number. Refused whole with {@link TeamFullException} when the team would
	 * hold more than {@value #MAX_ACTIVE_MEMBERS}.
	 */
	@Transactional
	public void addMembers(Actor actor, long teamId, List<MemberDetails> added) {
		Team team = managedTeam(actor, teamId, null);
		if (added.isEmpty()) {
			return;
		}
		requireRoom(teamId, added.size());
		List<Long> ids = new ArrayList<>(jdbc.sql("""
				INSERT INTO team_member (team_id, full_name, search_text, gender, birth_year, phone, team_role, affiliation,
				                         joined_on)
				SELECT :team, m.full_name, m.search_text, m.gender, m.birth_year, m.phone, m.team_role, m.affiliation,
				       m.joined_on
				FROM unnest(:names::text[], :searchTexts::text[], :genders::text[], :years::integer[], :phones::text[],
				            :roles::text[], :affiliations::text[], :joined::date[])
				     WITH ORDINALITY AS m(full_name, search_text, gender, birth_year, phone, team_role, affiliation,
				                          joined_on, position)
				ORDER BY m.position
				RETURNING id""")
			.param("team", teamId)
			.param("names", added.stream().map(member -> member.fullName().strip()).toArray(String[]::new))
			.param("searchTexts", added.stream().map(Member::searchText).toArray(String[]::new))
			.param("genders", added.stream().map(member -> member.gender().name()).toArray(String[]::new))
			.param("years", added.stream().map(MemberDetails::birthYear).toArray(Integer[]::new))
			.param("phones", added.stream().map(MemberDetails::phone).toArray(String[]::new))
			.param("roles", added.stream().map(member -> member.role().name()).toArray(String[]::new))
			.param("affiliations", added.stream().map(member -> member.affiliation().name()).toArray(String[]::new))
			.param("joined", added.stream().map(member -> member.joinedOn().toString()).toArray(String[]::new))
			.query(Long.class)
			.list());
		// identities are handed out in the order of insertion, which is the order of the list
		ids.sort(Comparator.naturalOrder());
		List<AuditEntry> entries = new ArrayList<>();
		for (int i = 0; i < ids.size(); i++) {
			AuditEntry entry = actor.audit("MEMBER_ADDED", MEMBER, ids.get(i), team.getUnitId());
			changes(null, added.get(i)).stream()
				.filter(change -> change.newValue() != null)
				.forEach(change -> entries.add(entry.withChange(change.field(), change.oldValue(), change.newValue())));
		}
		audit.recordAll(entries);
		// one event for the members of one call: a roster file tells the village head once, not once a member
		events.publishEvent(added.size() == 1
				? new RosterChanged(teamId, team.getUnitId(), RosterChanged.Change.MEMBER_ADDED,
						added.get(0).fullName().strip(), actor.userId())
				: new RosterChanged(teamId, team.getUnitId(), RosterChanged.Change.MEMBERS_ADDED,
						String.valueOf(added.size()), actor.userId()));
	}

	/**
	 * Refuses to take the team past its maximum. The team's row is locked first, so that two additions at
	 * once count one after the other.
	 */
	private void requireRoom(long teamId, int adding) {
		jdbc.sql("SELECT id FROM team WHERE id = :team FOR UPDATE").param("team", teamId).query(Long.class).single();
		long active = jdbc.sql("SELECT count(*) FROM team_member WHERE team_id = :team AND left_on IS NULL")
			.param("team", teamId)
			.query(Long.class)
			.single();
		if (active + adding > MAX_ACTIVE_MEMBERS) {
			throw new TeamFullException(MAX_ACTIVE_MEMBERS);
		}
	}

	@Transactional
	public MemberSummary updateMember(Actor actor, long memberId, MemberDetails details, long expectedVersion) {
		Member member = members.findById(memberId).orElseThrow(TeamNotFoundException::new);
		Team team = managedTeam(actor, member.getTeamId(), null);
		if (member.getVersion() != expectedVersion) {
			throw new StaleEditException();
		}
		if (member.getLeftOn() != null) {
			throw new AccessDeniedException("Member " + memberId + " has left");
		}
		MemberDetails before = member.details();
		member.describe(details);
		members.saveAndFlush(member);
		audit.recordChanges(actor.audit("MEMBER_UPDATED", MEMBER, memberId, team.getUnitId()), changes(before, details));
		events.publishEvent(new RosterChanged(team.getId(), team.getUnitId(), RosterChanged.Change.MEMBER_UPDATED,
				details.fullName(), actor.userId()));
		return member(memberId);
	}

	@Transactional
	public void removeMember(Actor actor, long memberId, LocalDate leftOn, long expectedVersion) {
		Member member = members.findById(memberId).orElseThrow(TeamNotFoundException::new);
		Team team = managedTeam(actor, member.getTeamId(), null);
		if (member.getVersion() != expectedVersion) {
			throw new StaleEditException();
		}
		if (leftOn.isBefore(member.getJoinedOn())) {
			throw new IllegalArgumentException("A member cannot leave before joining");
		}
		member.leave(leftOn);
		members.saveAndFlush(member);
		audit.record(actor.audit("MEMBER_REMOVED", MEMBER, memberId, team.getUnitId()).withChange("leftOn", null, leftOn.toString()));
		events.publishEvent(new RosterChanged(team.getId(), team.getUnitId(), RosterChanged.Change.MEMBER_REMOVED,
				member.details().fullName(), actor.userId()));
	}

	/** Every recorded change of a team and of its members, oldest first. Officers only. */
	public List<AuditEntry> history(Actor actor, long teamId) {
		TeamSummary team = summary(teamId);
		units.view(actor, team.unitId());
		if (!actor.isAny(Role.OFFICER, Role.ADMIN)) {
			throw new AccessDeniedException("Only officers read the history of a team");
		}
		List<Long> memberIds = jdbc.sql("SELECT id FROM team_member WHERE team_id = :team")
			.param("team", teamId)
			.query(Long.class)
			.list();
		List<AuditEntry> entries = new ArrayList<>(audit.history(TEAM, teamId));
		memberIds.forEach(id -> entries.addAll(audit.history(MEMBER, id)));
		entries.sort(Comparator.comparing(AuditEntry::occurredAt));
		return entries;
	}

	LocalDate today() {
		return LocalDate.now(clock);
	}

	private static List<FieldChange> changes(TeamDetails before, TeamDetails after) {
		TeamDetails old = before == null ? new TeamDetails(null, null, null, null, null, null, null) : before;
		return List.of(FieldChange.of("name", old.name(), after.name()),
				FieldChange.of("decisionNumber", old.decisionNumber(), after.decisionNumber()),
				FieldChange.of("decisionDate", old.decisionDate(), after.decisionDate()),
				FieldChange.of("decisionSigner", old.decisionSigner(), after.decisionSigner()),
				FieldChange.of("chatPlatform", old.chatPlatform(), after.chatPlatform()),
				FieldChange.of("chatName", old.chatName(), after.chatName()),
				FieldChange.of("chatLink", old.chatLink(), after.chatLink()));
	}

	private static List<FieldChange> changes(MemberDetails before, MemberDetails after) {
		MemberDetails old = before == null ? new MemberDetails(null, null, null, null, null, null, null) : before;
		return List.of(FieldChange.of("fullName", old.fullName(), after.fullName()),
				FieldChange.of("gender", old.gender(), after.gender()),
				FieldChange.of("birthYear", old.birthYear(), after.birthYear()),
				FieldChange.of("phone", old.phone(), after.phone()), FieldChange.of("role", old.role(), after.role()),
				FieldChange.of("affiliation", old.affiliation(), after.affiliation()),
				FieldChange.of("joinedOn", old.joinedOn(), after.joinedOn()));
	}

	private static TeamSummary team(ResultSet rs, int row) throws SQLException {
		String platform = rs.getString("chat_platform");
		return new TeamSummary(rs.getLong("id"), rs.getLong("unit_id"), UnitLevel.valueOf(rs.getString("level")),
				rs.getString("name"), rs.getString("decision_number"), rs.getObject("decision_date", LocalDate.class),
				rs.getString("decision_signer"), TeamStatus.valueOf(rs.getString("status")),
				rs.getObject("dissolved_on", LocalDate.class), platform == null ? null : ChatPlatform.valueOf(platform),
				rs.getString("chat_name"), rs.getString("chat_link"), rs.getLong("version"));
	}

	private static MemberSummary member(ResultSet rs, int row) throws SQLException {
		return new MemberSummary(rs.getLong("id"), rs.getLong("team_id"), rs.getString("full_name"),
				Gender.valueOf(rs.getString("gender")), (Integer) rs.getObject("birth_year"), rs.getString("phone"),
				TeamRole.valueOf(rs.getString("team_role")), Affiliation.valueOf(rs.getString("affiliation")),
				rs.getObject("joined_on", LocalDate.class), rs.getObject("left_on", LocalDate.class),
				rs.getLong("version"));
	}

}
