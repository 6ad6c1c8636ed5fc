package vn.cnscd.portal.training;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.cnscd.portal.area.Actor;
import vn.cnscd.portal.area.Role;
import vn.cnscd.portal.area.StaleEditException;
import vn.cnscd.portal.area.UnitLevel;
import vn.cnscd.portal.area.UnitService;
import vn.cnscd.portal.area.UnitSummary;
import vn.cnscd.portal.audit.AuditLog;
import vn.cnscd.portal.audit.AuditLog.FieldChange;
import vn.cnscd.portal.team.MemberEntry;
import vn.cnscd.portal.team.MemberPage;
import vn.cnscd.portal.team.TeamDirectory;
import vn.cnscd.portal.team.TeamEntry;
import vn.cnscd.portal.training.TrainingRecords.SessionSummary;
import vn.cnscd.portal.training.TrainingRecords.Share;

/**
 * Training sessions of a district and who attended them. Officers record sessions and their
 * attendees, members of teams in their district; everyone reads the sessions a member of their area
 * attended, and the share of their area's members trained at least once.
 */
@Service
@Transactional(readOnly = true)
class TrainingService {

	static final String SESSION = "TRAINING_SESSION";

	private static final String SESSION_COLUMNS = """
			s.id, s.district_id, s.held_on, s.mode, s.organiser, s.place, s.version,
			(SELECT string_agg(topic, ',' ORDER BY topic) FROM training_topic WHERE session_id = s.id) AS topics,
			(SELECT count(*) FROM training_attendance WHERE session_id = s.id) AS attendees""";

	static final int ATTENDEES_PER_PAGE = 50;

	private final JdbcClient jdbc;

	private final UnitService units;

	private final TeamDirectory teams;

	private final AuditLog audit;

	private final Clock clock;

	TrainingService(JdbcClient jdbc, UnitService units, TeamDirectory teams, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.units = units;
		this.teams = teams;
		this.audit = audit;
		this.clock = clock;
	}

	// --- sessions ------------------------------------------------------------------------------------------

	/** Only the district's own officers record its sessions. */
	boolean canRecord(Actor actor) {
		return actor.is(Role.OFFICER);
	}

	List<SessionSummary> sessions(Actor actor) {
		requireRecord(actor);
		return jdbc.sql("SELECT " + SESSION_COLUMNS
				+ " FROM training_session s WHERE s.district_id = :district ORDER BY s.held_on DESC, s.id DESC")
			.param("district", actor.homeUnitId())
			.query(TrainingService::session)
			.list();
	}

	SessionSummary session(Actor actor, long id) {
		requireRecord(actor);
		SessionSummary session = jdbc.sql("SELECT " + SESSION_COLUMNS + " FROM training_session s WHERE s.id = :id")
			.param("id", id)
			.query(TrainingService::session)
			.optional()
			.orElseThrow(TrainingNotFoundException::new);
		if (session.districtId() != actor.homeUnitId()) {
			throw new AccessDeniedException("Session " + id + " belongs to another district");
		}
		return session;
	}

	/**
	 * One page of a session's attendees, by team and name, those whose name or phone contain every word of
	 * {@code query} (all when it is blank); a page past the last is the last.
	 */
	Paged<MemberEntry> attendees(Actor actor, long sessionId, String query, int page) {
		session(actor, sessionId);
		List<Long> attendees = jdbc.sql("SELECT member_id FROM training_attendance WHERE session_id = :session")
			.param("session", sessionId)
			.query(Long.class)
			.list();
		int number = Math.max(page, 1);
		MemberPage found = teams.page(attendees, query, Paged.offset(number, ATTENDEES_PER_PAGE), ATTENDEES_PER_PAGE);
		int last = Paged.lastPage(found.total(), ATTENDEES_PER_PAGE);
		if (number > last) {
			number = last;
			found = teams.page(attendees, query, Paged.offset(number, ATTENDEES_PER_PAGE), ATTENDEES_PER_PAGE);
		}
		return new Paged<>(found.members(), number, ATTENDEES_PER_PAGE, found.total());
	}

	/** Records a session once per form: the same form sent twice (a double click) records nothing more. */
	@Transactional
	long record(Actor actor, SessionDraft draft, String formKey) {
		requireRecord(actor);
		if (formKey != null) {
			List<Long> recorded = jdbc.sql("SELECT id FROM training_session WHERE form_key = :key")
				.param("key", formKey)
				.query(Long.class)
				.list();
			if (!recorded.isEmpty()) {
				return recorded.get(0);
			}
		}
		long id = jdbc.sql("""
				INSERT INTO training_session (district_id, held_on, mode, organiser, place, form_key)
				VALUES (:district, :heldOn, :mode, :organiser, :place, :formKey) RETURNING id""")
			.param("district", actor.homeUnitId())
			.param("heldOn", draft.heldOn())
			.param("mode", draft.mode().name())
			.param("organiser", draft.organiser().strip())
			.param("place", draft.place().strip())
			.param("formKey", formKey)
			.query(Long.class)
			.single();
		insertTopics(id, draft.topics());
		audit.recordChanges(actor.audit("TRAINING_SESSION_RECORDED", SESSION, id, actor.homeUnitId()),
				changes(null, draft));
		return id;
	}

	@Transactional
	void update(Actor actor, long id, SessionDraft draft, long expectedVersion) {
		SessionSummary before = session(actor, id);
		int updated = jdbc.sql("""
				UPDATE training_session SET held_on = :heldOn, mode = :mode, organiser = :organiser, place = :place,
				       version = version + 1
				WHERE id = :id AND version = :version""")
			.param("heldOn", draft.heldOn())
			.param("mode", draft.mode().name())
			.param("organiser", draft.organiser().strip())
			.param("place", draft.place().strip())
			.param("id", id)
			.param("version", expectedVersion)
			.update();
		if (updated == 0) {
			throw new StaleEditException();
		}
		jdbc.sql("DELETE FROM training_topic WHERE session_id = :session").param("session", id).update();
		insertTopics(id, draft.topics());
		audit.recordChanges(actor.audit("TRAINING_SESSION_UPDATED", SESSION, id, actor.homeUnitId()),
				changes(new SessionDraft(before.heldOn(), before.mode(), Set.copyOf(before.topics()), before.organiser(),
						before.place()), draft));
	}

	private void insertTopics(long sessionId, Set<TrainingTopic> topics) {
		for (TrainingTopic topic : topics) {
			jdbc.sql("INSERT INTO training_topic (session_id, topic) VALUES (:session, :topic)")
				.param("session", sessionId)
				.param("topic", topic.name())
				.update();
		}
	}

	private static List<FieldChange> changes(SessionDraft before, SessionDraft after) {
		SessionDraft old = before == null ? new SessionDraft(null, null, Set.of(), null, null) : before;
		return List.of(FieldChange.of("heldOn", old.heldOn(), after.heldOn()),
				FieldChange.of("mode", old.mode(), after.mode()),
				FieldChange.of("topics", topicList(old.topics()), topicList(after.topics())),
				FieldChange.of("organiser", old.organiser(), after.organiser().strip()),
				FieldChange.of("place", old.place(), after.place().strip()));
	}

	private static String topicList(Set<TrainingTopic> topics) {
		return topics.isEmpty() ? null : topics.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
	}

	/** Adds members of the actor's area to a session; those already on it, or outside the area, are skipped. */
	@Transactional
	int addAttendees(Actor actor, long sessionId, Collection<Long> memberIds) {
		session(actor, sessionId);
		if (memberIds.isEmpty()) {
			return 0;
		}
		List<Long> inArea = teams.inArea(actor, memberIds);
		if (inArea.isEmpty()) {
			return 0;
		}
		List<Long> added = jdbc.sql("""
				INSERT INTO training_attendance (session_id, member_id)
				SELECT :session, member FROM unnest(:members) AS member
				ON CONFLICT DO NOTHING RETURNING member_id""")
			.param("session", sessionId)
			.param("members", inArea.toArray(Long[]::new))
			.query(Long.class)
			.list();
		added.forEach(member -> audit.record(actor.audit("TRAINING_ATTENDEE_ADDED", SESSION, sessionId, actor.homeUnitId())
			.withChange("member", null, member.toString())));
		return added.size();
	}

	/** Adds every active member of a team at once. */
	@Transactional
	int addTeam(Actor actor, long teamId, long sessionId) {
		List<Long> members = teams.membersOf(List.of(teamId), false).stream().map(MemberEntry::id).toList();
		return addAttendees(actor, sessionId, members);
	}

	@Transactional
	void removeAttendee(Actor actor, long sessionId, long memberId) {
		session(actor, sessionId);
		int removed = jdbc.sql("DELETE FROM training_attendance WHERE session_id = :session AND member_id = :member")
			.param("session", sessionId)
			.param("member", memberId)
			.update();
		if (removed > 0) {
			audit.record(actor.audit("TRAINING_ATTENDEE_REMOVED", SESSION, sessionId, actor.homeUnitId())
				.withChange("member", Long.toString(memberId), null));
		}
	}

	/** Members of the actor's area whose name or phone contain every word of the query, active first. */
	List<MemberEntry> search(Actor actor, String query, int limit) {
		return teams.search(actor, query, limit);
	}

	/** The active teams of the actor's area, for adding a whole team to a session. */
	List<TeamEntry> teams(Actor actor) {
		return teams.activeTeams(actor);
	}

	// --- members and shares --------------------------------------------------------------------------------

	/** A member of a team, if the actor may see the team's unit. */
	MemberEntry member(Actor actor, long memberId) {
		MemberEntry member = teams.member(memberId).orElseThrow(TrainingNotFoundException::new);
		units.view(actor, member.unitId());
		return member;
	}

	/** The sessions a member attended, newest first. */
	List<SessionSummary> attendedBy(Actor actor, long memberId) {
		member(actor, memberId);
		return jdbc.sql("SELECT " + SESSION_COLUMNS + """
				 FROM training_session s JOIN training_attendance a ON a.session_id = s.id
				WHERE a.member_id = :member ORDER BY s.held_on DESC, s.id DESC""")
			.param("member", memberId)
			.query(TrainingService::session)
			.list();
	}

	/** Each active team of a commune and its villages, commune team first: active members and trained ones. */
	List<Share> teamShares(Actor actor, UnitSummary commune) {
		List<TeamEntry> active = teams.activeTeams(actor, commune);
		Map<Long, List<Long>> members = activeMembers(active);
		Set<Long> trained = trained(members);
		return active.stream()
			.map(team -> share(team.id(), team.name(), members.getOrDefault(team.id(), List.of()), trained))
			.toList();
	}

	/** Each commune of a district the actor may see, with the active members of all its teams and the trained ones. */
	List<Share> communeShares(Actor actor, UnitSummary district) {
		List<UnitSummary> communes = units.openUnits(actor, UnitLevel.COMMUNE)
			.stream()
			.filter(commune -> commune.isUnder(district.path()))
			.toList();
		List<TeamEntry> active = teams.activeTeams(actor, district);
		Map<Long, List<Long>> members = activeMembers(active);
		Set<Long> trained = trained(members);
		Map<Long, List<Long>> byCommune = active.stream()
			.collect(Collectors.groupingBy(TeamEntry::communeId, Collectors.flatMapping(
					team -> members.getOrDefault(team.id(), List.of()).stream(), Collectors.toList())));
		return communes.stream()
			.map(commune -> share(commune.id(), commune.name(), byCommune.getOrDefault(commune.id(), List.of()), trained))
			.toList();
	}

	/** The active members of each team, by team. */
	private Map<Long, List<Long>> activeMembers(List<TeamEntry> active) {
		return teams.membersOf(active.stream().map(TeamEntry::id).toList(), false)
			.stream()
			.collect(Collectors.groupingBy(MemberEntry::teamId,
					Collectors.mapping(MemberEntry::id, Collectors.toList())));
	}

	/** Those of the members who attended at least one session. */
	private Set<Long> trained(Map<Long, List<Long>> members) {
		Long[] ids = members.values().stream().flatMap(List::stream).toArray(Long[]::new);
		if (ids.length == 0) {
			return Set.of();
		}
		return new HashSet<>(jdbc.sql("SELECT DISTINCT member_id FROM training_attendance WHERE member_id = ANY (:members)")
			.param("members", ids)
			.query(Long.class)
			.list());
	}

	private static Share share(long id, String name, List<Long> members, Set<Long> trained) {
		return new Share(id, name, members.size(), members.stream().filter(trained::contains).count());
	}

	/** The rows added up: the figure of the whole commune or district. */
	static Share total(List<Share> shares) {
		return new Share(0, null, shares.stream().mapToLong(Share::active).sum(),
				shares.stream().mapToLong(Share::trained).sum());
	}

	LocalDate today() {
		return LocalDate.now(clock);
	}

	private void requireRecord(Actor actor) {
		if (!canRecord(actor)) {
			throw new AccessDeniedException(actor.username() + " does not record training sessions");
		}
	}


	private static SessionSummary session(ResultSet rs, int row) throws SQLException {
		String topics = rs.getString("topics");
		return new SessionSummary(rs.getLong("id"), rs.getLong("district_id"), rs.getObject("held_on", LocalDate.class),
				TrainingMode.valueOf(rs.getString("mode")),
				topics == null ? List.of() : Arrays.stream(topics.split(",")).map(TrainingTopic::valueOf).sorted().toList(),
				rs.getString("organiser"), rs.getString("place"), rs.getLong("attendees"), rs.getLong("version"));
	}

	record SessionDraft(LocalDate heldOn, TrainingMode mode, Set<TrainingTopic> topics, String organiser,
			String place) {
	}

}
