package vn.cnscd.portal.reporting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import vn.cnscd.portal.area.Actor;
import vn.cnscd.portal.area.Role;
import vn.cnscd.portal.area.Subtrees;
import vn.cnscd.portal.area.UnitService;
import vn.cnscd.portal.area.Paging;
import vn.cnscd.portal.area.SearchText;
import vn.cnscd.portal.area.UnitSummary;
import vn.cnscd.portal.audit.AuditLog;

/**
 * Obstacles raised in reports, one item per line of the report's obstacles field. Officers, steering
 * members and chairs of the area answer them, signed and dated; the reporter sees the answers and either
 * side marks the obstacle resolved. Raising, answering and resolving are published as events.
 */
@Service
@Transactional(readOnly = true)
public class ObstacleService {

	static final String ENTITY = "OBSTACLE";

	private static final int MAX_TEXT = 2000;

	private final JdbcClient jdbc;

	private final UnitService units;

	private final AuditLog audit;

	private final Deadlines deadlines;

	private final ApplicationEventPublisher events;

	ObstacleService(JdbcClient jdbc, UnitService units, AuditLog audit, Deadlines deadlines,
			ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.units = units;
		this.audit = audit;
		this.deadlines = deadlines;
		this.events = events;
	}

	public enum Source {

		VILLAGE_REPORT, COMMUNE_REPORT, ADHOC_RESPONSE

	}

	public enum Status {

		OPEN, ANSWERED, RESOLVED

	}

	public record Obstacle(long id, long unitId, YearMonth period, Source source, long sourceId, String text,
			Status status, Instant raisedAt, long version) {

		public String url() {
			return "/obstacles/" + id;
		}

	}

	public record Answer(long id, String authorName, Role authorRole, String text, Instant answeredAt) {
	}

	/**
	 * Turns a report's obstacles into items. Sent again (a returned report resubmitted), lines already raised
	 * are kept with their answers, new lines are added and unanswered lines no longer there are withdrawn.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	void raise(long unitId, YearMonth period, Source source, long sourceId, String text, Actor actor) {
		Set<String> lines = lines(text);
		// without lines there is nothing raised before to keep: only the withdrawal below has work to do
		Map<String, Long> existing = lines.isEmpty() ? Map.of()
				: jdbc.sql("SELECT text, id FROM obstacle WHERE source = :source AND source_id = :id")
					.param("source", source.name())
					.param("id", sourceId)
					.query((rs, row) -> Map.entry(rs.getString("text"), rs.getLong("id")))
					.list()
					.stream()
					.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a));
		jdbc.sql("""
				DELETE FROM obstacle o WHERE o.source = :source AND o.source_id = :id AND o.status = 'OPEN'
				AND NOT (o.text = ANY (:texts))
				AND NOT EXISTS (SELECT 1 FROM obstacle_answer a WHERE a.obstacle_id = o.id)""")
			.param("source", source.name())
			.param("id", sourceId)
			.param("texts", lines.toArray(String[]::new))
			.update();
		for (String line : lines) {
			if (!existing.containsKey(line)) {
				long id = jdbc.sql("""
						INSERT INTO obstacle (unit_id, period, source, source_id, text, status, raised_by, raised_at)
						VALUES (:unit, :period, :source, :sourceId, :text, 'OPEN', :by, :at) RETURNING id""")
					.param("unit", unitId)
					.param("period", period.atDay(1))
					.param("source", source.name())
					.param("sourceId", sourceId)
					.param("text", line)
					.param("by", actor.userId())
					.param("at", Timestamp.from(deadlines.now()))
					.query(Long.class)
					.single();
				events.publishEvent(new ObstacleRaised(id, unitId, period, line, actor.userId()));
			}
		}
	}

	static Set<String> lines(String text) {
		if (text == null) {
			return Set.of();
		}
		Set<String> lines = new LinkedHashSet<>();
		Arrays.stream(text.split("\\R"))
			.map(line -> line.strip().replaceFirst("^[-•*+]\\s*", ""))
			.filter(line -> !line.isEmpty())
			.map(line -> line.length() > MAX_TEXT ? line.substring(0, MAX_TEXT) : line)
			.forEach(lines::add);
		return lines;
	}

	/**
	 * A page of the obstacles in the actor's area, newest first, optionally of one status, under one unit and
	 * holding every word of a query (without diacritics: "song yeu" finds "Sóng … yếu").
	 */
	public Page<Obstacle> list(Actor actor, Status status, Long underUnitId, String query, int page, int size) {
		List<String> scopes = actor.scopePaths();
		if (underUnitId != null) {
			UnitSummary under = units.view(actor, underUnitId);
			scopes = actor.covers(under) ? List.of(under.path())
					: scopes.stream().filter(scope -> scope.startsWith(under.path())).toList();
		}
		List<String> words = SearchText.words(query);
		Subtrees area = new Subtrees(scopes);
		StringBuilder where = new StringBuilder("""
				FROM obstacle o JOIN unit u ON u.id = o.unit_id
				WHERE %s AND (CAST(:status AS varchar) IS NULL OR o.status = :status)""".formatted(area.condition("u.subtree_path")));
		for (int i = 0; i < words.size(); i++) {
			where.append(" AND o.search_text LIKE :w").append(i);
		}
		long total = bind(jdbc.sql("SELECT count(*) " + where), area, status, words).query(Long.class).single();
		Pageable request = Paging.within(page, size, total);
		List<Obstacle> rows = bind(jdbc.sql("SELECT o.* " + where + " ORDER BY o.raised_at DESC, o.id DESC LIMIT :limit OFFSET :offset"),
				area, status, words)
			.param("limit", request.getPageSize())
			.param("offset", request.getOffset())
			.query(ObstacleService::obstacle)
			.list();
		return Paging.of(rows, request, total);
	}

	private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, Subtrees area, Status status,
			List<String> words) {
		statement = statement.params(area.params()).param("status", status == null ? null : status.name());
		for (int i = 0; i < words.size(); i++) {
			statement = statement.param("w" + i, "%" + words.get(i).replace("\\", "\\\\").replace("%", "\\%")
				.replace("_", "\\_") + "%");
		}
		return statement;
	}

	public Obstacle get(Actor actor, long id) {
		Obstacle obstacle = jdbc.sql("SELECT * FROM obstacle WHERE id = :id")
			.param("id", id)
			.query(ObstacleService::obstacle)
			.optional()
			.orElseThrow(ReportNotFoundException::new);
		units.view(actor, obstacle.unitId());
		return obstacle;
	}

	public List<Answer> answers(long obstacleId) {
		return jdbc.sql("SELECT * FROM obstacle_answer WHERE obstacle_id = :id ORDER BY answered_at, id")
			.param("id", obstacleId)
			.query(ObstacleService::answer)
			.list();
	}

	static Answer answer(ResultSet rs, int row) throws SQLException {
		return new Answer(rs.getLong("id"), rs.getString("author_name"), Role.valueOf(rs.getString("author_role")),
				rs.getString("text"), rs.getTimestamp("answered_at").toInstant());
	}

	/** Officers, steering members and chairs answer the obstacles of their area. */
	public boolean canAnswer(Actor actor, Obstacle obstacle) {
		return actor.isAny(Role.OFFICER, Role.STEERING_MEMBER, Role.COMMUNE_CHAIR)
				&& actor.covers(units.get(obstacle.unitId())) && obstacle.status() != Status.RESOLVED;
	}

	/** Whoever may answer, and the village or commune that raised it, mark it resolved. */
	public boolean canResolve(Actor actor, Obstacle obstacle) {
		return obstacle.status() != Status.RESOLVED && (canAnswer(actor, obstacle)
				|| (actor.homeUnitId() == obstacle.unitId() && actor.covers(units.get(obstacle.unitId()))));
	}

	@Transactional
	public void answer(Actor actor, long id, String text) {
		Obstacle obstacle = get(actor, id);
		if (!canAnswer(actor, obstacle)) {
			throw new AccessDeniedException(actor.username() + " may not answer obstacle " + id);
		}
		Instant now = deadlines.now();
		jdbc.sql("""
				INSERT INTO obstacle_answer (obstacle_id, author_id, author_name, author_role, text, answered_at)
				VALUES (:id, :author, :name, :role, :text, :at)""")
			.param("id", id)
			.param("author", actor.userId())
			.param("name", actor.fullName())
			.param("role", actor.role().name())
			.param("text", text.strip())
			.param("at", Timestamp.from(now))
			.update();
		jdbc.sql("UPDATE obstacle SET status = 'ANSWERED', version = version + 1 WHERE id = :id AND status = 'OPEN'")
			.param("id", id)
			.update();
		audit.record(actor.audit("OBSTACLE_ANSWERED", ENTITY, id, obstacle.unitId()).withChange("answer", null, text.strip()));
		events.publishEvent(new ObstacleAnswered(id, obstacle.unitId(), obstacle.period(), text.strip(), raisedBy(id),
				actor.userId()));
	}

	@Transactional
	public void resolve(Actor actor, long id) {
		Obstacle obstacle = get(actor, id);
		if (!canResolve(actor, obstacle)) {
			throw new AccessDeniedException(actor.username() + " may not resolve obstacle " + id);
		}
		jdbc.sql("UPDATE obstacle SET status = 'RESOLVED', resolved_at = :at, version = version + 1 WHERE id = :id")
			.param("id", id)
			.param("at", Timestamp.from(deadlines.now()))
			.update();
		audit.record(actor.audit("OBSTACLE_RESOLVED", ENTITY, id, obstacle.unitId())
			.withChange("status", obstacle.status().name(), Status.RESOLVED.name()));
		events.publishEvent(new ObstacleResolved(id, obstacle.unitId(), obstacle.period(), raisedBy(id), actor.userId()));
	}

	/** Who raised the obstacle; none for one raised before accounts signed what they raised. */
	private Long raisedBy(long obstacleId) {
		List<Long> raisedBy = jdbc.sql("SELECT raised_by FROM obstacle WHERE id = :id")
			.param("id", obstacleId)
			.query((rs, row) -> rs.getObject("raised_by", Long.class))
			.list();
		return raisedBy.get(0);
	}

	/** How many obstacles under a unit are not resolved yet. */
	public long openUnder(String path) {
		return jdbc.sql("""
				SELECT count(*) FROM obstacle o JOIN unit u ON u.id = o.unit_id
				WHERE o.status <> 'RESOLVED' AND u.subtree_path LIKE :path""")
			.param("path", UnitSummary.likeUnder(path))
			.query(Long.class)
			.single();
	}

	static Obstacle obstacle(ResultSet rs, int row) throws SQLException {
		return new Obstacle(rs.getLong("id"), rs.getLong("unit_id"),
				YearMonth.from(rs.getObject("period", LocalDate.class)), Source.valueOf(rs.getString("source")),
				rs.getLong("source_id"), rs.getString("text"), Status.valueOf(rs.getString("status")),
				rs.getTimestamp("raised_at").toInstant(), rs.getLong("version"));
	}

}
