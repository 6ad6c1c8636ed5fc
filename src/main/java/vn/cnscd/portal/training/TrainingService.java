package vn.cnscd.portal.training;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

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
import vn.cnscd.portal.audit.AuditLog;
import vn.cnscd.portal.audit.AuditLog.FieldChange;
import vn.cnscd.portal.training.TrainingRecords.Person;
import vn.cnscd.portal.training.TrainingRecords.SessionSummary;
import vn.cnscd.portal.training.TrainingRecords.Share;
import vn.cnscd.portal.training.TrainingRecords.TeamName;

/**
 * Training sessions of a district and who attended them. District officers record sessions and their
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

	private static final String PERSON_COLUMNS = """
			m.id, m.full_name, m.phone, m.team_id, t.name AS team_name, t.unit_id, m.left_on IS NULL AS active""";

	private final JdbcClient jdbc;

	private final UnitService units;

	private final AuditLog audit;

	private final Clock clock;

	TrainingService(JdbcClient jdbc, UnitService units, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.units = units;
		this.audit = audit;
		this.clock = clock;
	}

	// --- sessions ------------------------------------------------------------------------------------------

	/** Only the district's own officers record its sessions. */
	boolean canRecord(Actor actor) {
		return actor.is(Role.DISTRICT_OFFICER);
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

	List<Person> attendees(Actor actor, long sessionId) {
		session(actor, sessionId);
		return jdbc.sql("SELECT " + PERSON_COLUMNS + """
				 FROM training_attendance a JOIN team_member m ON m.id = a.member_id JOIN team t ON t.id = m.team_id
				WHERE a.session_id = :session ORDER BY t.name, m.full_name, m.id""")
			.param("session", sessionId)
			.query(TrainingService::person)
			.list();
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
		List<Long> added = jdbc.sql("""
				INSERT INTO training_attendance (session_id, member_id)
				SELECT :session, m.id FROM team_member m JOIN team t ON t.id = m.team_id JOIN unit u ON u.id = t.unit_id
				WHERE m.id = ANY (:members) AND %s
				ON CONFLICT DO NOTHING RETURNING member_id""".formatted(actor.scopeCondition("u.subtree_path")))
			.param("session", sessionId)
			.param("members", memberIds.toArray(Long[]::new))
			.params(actor.scopeParams())
			.query(Long.class)
			.list();
		added.forEach(member -> audit.record(actor.audit("TRAINING_ATTENDEE_ADDED", SESSION, sessionId, actor.homeUnitId())
			.withChange("member", null, member.toString())));
		return added.size();
	}

	/** Adds every active member of a team at once. */
	@Transactional
	int addTeam(Actor actor, long teamId, long sessionId) {
		List<Long> members = jdbc.sql("SELECT id FROM team_member WHERE team_id = :team AND left_on IS NULL")
			.param("team", teamId)
			.query(Long.class)
			.list();
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
	List<Person> search(Actor actor, String query, int limit) {
		List<String> words = SearchText.words(query);
		if (words.isEmpty()) {
			return List.of();
		}
		StringBuilder sql = new StringBuilder("SELECT " + PERSON_COLUMNS + """
				 FROM team_member m JOIN team t ON t.id = m.team_id JOIN unit u ON u.id = t.unit_id
				WHERE """ + actor.scopeCondition("u.subtree_path"));
		for (int i = 0; i < words.size(); i++) {
			sql.append(" AND m.search_text LIKE :w").append(i);
		}
		sql.append(" ORDER BY m.left_on NULLS FIRST, m.full_name, m.id LIMIT :limit");
		JdbcClient.StatementSpec statement = jdbc.sql(sql.toString())
			.params(actor.scopeParams())
			.param("limit", limit);
		for (int i = 0; i < words.size(); i++) {
			statement = statement.param("w" + i, "%" + words.get(i).replace("%", "").replace("_", "") + "%");
		}
		return statement.query(TrainingService::person).list();
	}

	/** The active teams of the actor's area, for adding a whole team to a session. */
	List<TeamName> teams(Actor actor) {
		return jdbc.sql("""
				SELECT t.id, t.name FROM team t JOIN unit u ON u.id = t.unit_id
				WHERE t.status = 'ACTIVE' AND %s
				ORDER BY u.ancestor_path, u.code, t.id""".formatted(actor.scopeCondition("u.subtree_path")))
			.params(actor.scopeParams())
			.query(TeamName.class)
			.list();
	}

	// --- members and shares --------------------------------------------------------------------------------

	/** A member of a team, if the actor may see the team's unit. */
	Person member(Actor actor, long memberId) {
		Person person = jdbc.sql("SELECT " + PERSON_COLUMNS
				+ " FROM team_member m JOIN team t ON t.id = m.team_id WHERE m.id = :id")
			.param("id", memberId)
			.query(TrainingService::person)
			.optional()
			.orElseThrow(TrainingNotFoundException::new);
		units.view(actor, person.unitId());
		return person;
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
	List<Share> teamShares(UnitSummary commune) {
		return jdbc.sql("""
				SELECT t.id, t.name, count(m.id) AS active,
				       count(m.id) FILTER (WHERE EXISTS (SELECT 1 FROM training_attendance a WHERE a.member_id = m.id)) AS trained
				FROM team t JOIN unit u ON u.id = t.unit_id
				LEFT JOIN team_member m ON m.team_id = t.id AND m.left_on IS NULL
				WHERE t.status = 'ACTIVE' AND (u.id = :commune OR u.parent_id = :commune)
				GROUP BY t.id, t.name, t.level, u.code ORDER BY t.level, u.code, t.id""")
			.param("commune", commune.id())
			.query(Share.class)
			.list();
	}

	/** Each commune of a district the actor may see, with the active members of all its teams and the trained ones. */
	List<Share> communeShares(Actor actor, UnitSummary district) {
		Set<Long> visible = units.openUnits(actor, UnitLevel.COMMUNE)
			.stream()
			.map(UnitSummary::id)
			.collect(Collectors.toSet());
		List<Share> all = jdbc.sql("""
				SELECT c.id, c.name, count(m.id) AS active,
				       count(m.id) FILTER (WHERE EXISTS (SELECT 1 FROM training_attendance a WHERE a.member_id = m.id)) AS trained
				FROM unit c
				LEFT JOIN unit u ON (u.id = c.id OR u.parent_id = c.id)
				LEFT JOIN team t ON t.unit_id = u.id AND t.status = 'ACTIVE'
				LEFT JOIN team_member m ON m.team_id = t.id AND m.left_on IS NULL
				WHERE c.parent_id = :district AND c.level = 'COMMUNE' AND c.valid_to IS NULL
				GROUP BY c.id, c.name, c.code ORDER BY c.code""")
			.param("district", district.id())
			.query(Share.class)
			.list();
		return all.stream().filter(share -> visible.contains(share.id())).toList();
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

	private static Person person(ResultSet rs, int row) throws SQLException {
		return new Person(rs.getLong("id"), rs.getString("full_name"), rs.getString("phone"), rs.getLong("team_id"),
				rs.getString("team_name"), rs.getLong("unit_id"), rs.getBoolean("active"));
	}

	record SessionDraft(LocalDate heldOn, TrainingMode mode, Set<TrainingTopic> topics, String organiser,
			String place) {
	}

}
