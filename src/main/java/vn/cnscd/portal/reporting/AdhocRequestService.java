package vn.cnscd.portal.reporting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;

import vn.cnscd.portal.area.Actor;
import vn.cnscd.portal.area.Role;
import vn.cnscd.portal.area.UnitLevel;
import vn.cnscd.portal.area.UnitService;
import vn.cnscd.portal.area.UnitSummary;
import vn.cnscd.portal.audit.AuditLog;
import vn.cnscd.portal.indicator.IndicatorService;
import vn.cnscd.portal.indicator.IndicatorSummary;

/**
 * Ad hoc requests: an officer asks the communes of the district, or their villages, questions and
 * figures with a deadline; the chair of each commune or the head of each village answers once; the district
 * sees who answered. Everyone else who sees an addressee (a chair for the villages of the commune, a steering
 * member for the communes in their charge) reads along. Opening and answering are published as events.
 */
@Service
@Transactional(readOnly = true)
class AdhocRequestService {

	static final String ENTITY = "ADHOC_REQUEST";

	static final String ANSWER_ENTITY = "ADHOC_RESPONSE";

	private final JdbcClient jdbc;

	private final UnitService units;

	private final IndicatorService indicators;

	private final AuditLog audit;

	private final Deadlines deadlines;

	private final ApplicationEventPublisher events;

	AdhocRequestService(JdbcClient jdbc, UnitService units, IndicatorService indicators, AuditLog audit,
			Deadlines deadlines, ApplicationEventPublisher events) {
		this.events = events;
		this.jdbc = jdbc;
		this.units = units;
		this.indicators = indicators;
		this.audit = audit;
		this.deadlines = deadlines;
	}

	// --- creating and closing --------------------------------------------------------------------------------

	boolean canCreate(Actor actor) {
		return actor.is(Role.OFFICER);
	}

	/**
	 * The communes a request may go to: the open communes anywhere under the officer's committee, directly
	 * under a province of 2025 or through the districts of one of 2022.
	 */
	List<UnitSummary> communes(Actor actor) {
		if (!canCreate(actor)) {
			throw new AccessDeniedException(actor.username() + " may not open ad hoc requests");
		}
		UnitSummary committee = units.get(actor.homeUnitId());
		return units.openUnits(actor, UnitLevel.COMMUNE)
			.stream()
			.filter(commune -> commune.isUnder(committee.path()))
			.toList();
	}

	/** The addressees the form names when every check passes; errors beside the fields otherwise. */
	List<Long> check(Actor actor, AdhocRequestForm form, Errors errors) {
		List<UnitSummary> communes = communes(actor);
		if (form.getDeadline() != null && form.getDeadline().isBefore(deadlines.today())) {
			errors.rejectValue("deadline", "adhoc.deadline.past");
		}
		Set<Long> active = indicators.active().stream().map(IndicatorSummary::id).collect(Collectors.toSet());
		if (!active.containsAll(form.getIndicatorIds())) {
			errors.rejectValue("indicatorIds", "adhoc.indicators.invalid");
		}
		if (form.getAddressees() != null && form.getAddressees() != UnitLevel.COMMUNE
				&& form.getAddressees() != UnitLevel.VILLAGE) {
			errors.rejectValue("addressees", "typeMismatch");
		}
		Set<Long> allowed = communes.stream().map(UnitSummary::id).collect(Collectors.toSet());
		Set<Long> chosen = form.isAllCommunes() ? allowed : form.getCommuneIds();
		if (!allowed.containsAll(chosen)) {
			errors.rejectValue("communeIds", "adhoc.communes.invalid");
		}
		else if (chosen.isEmpty()) {
			errors.rejectValue("communeIds", "adhoc.communes.required");
		}
		if (errors.hasErrors()) {
			return null;
		}
		if (form.getAddressees() == UnitLevel.COMMUNE) {
			return communes.stream().map(UnitSummary::id).filter(chosen::contains).toList();
		}
		List<Long> villages = units.openUnits(actor, UnitLevel.VILLAGE)
			.stream()
			.filter(village -> chosen.contains(village.parentId()))
			.map(UnitSummary::id)
			.toList();
		if (villages.isEmpty()) {
			errors.rejectValue("communeIds", "adhoc.villages.none");
			return null;
		}
		return villages;
	}

	/** Opens a request checked by {@link #check}; returns its id. */
	@Transactional
	long create(Actor actor, AdhocRequestForm form, List<Long> addressees) {
		if (!canCreate(actor) || addressees.isEmpty()) {
			throw new AccessDeniedException(actor.username() + " may not open this ad hoc request");
		}
		long id = jdbc.sql("""
				INSERT INTO adhoc_request (district_id, title, questions, deadline, created_by, created_at)
				VALUES (:district, :title, :questions, :deadline, :by, :at) RETURNING id""")
			.param("district", actor.homeUnitId())
			.param("title", form.getTitle().strip())
			.param("questions", form.getQuestions().strip())
			.param("deadline", form.getDeadline())
			.param("by", actor.userId())
			.param("at", Timestamp.from(deadlines.now()))
			.query(Long.class)
			.single();
		jdbc.sql("INSERT INTO adhoc_request_indicator (request_id, indicator_id) SELECT :r, unnest(:indicators)")
			.param("r", id)
			.param("indicators", form.getIndicatorIds().toArray(Long[]::new))
			.update();
		jdbc.sql("INSERT INTO adhoc_request_unit (request_id, unit_id) SELECT :r, unnest(:units)")
			.param("r", id)
			.param("units", addressees.toArray(Long[]::new))
			.update();
		audit.record(actor.audit("ADHOC_REQUEST_CREATED", ENTITY, id, actor.homeUnitId())
			.withChange("addressees", null, String.valueOf(addressees.size())));
		events.publishEvent(new AdhocRequestOpened(id, form.getTitle().strip(), form.getDeadline(), addressees,
				actor.userId()));
		return id;
	}

	boolean canClose(Actor actor, AdhocRequest request) {
		return actor.is(Role.OFFICER) && !request.closed() && districtSide(actor, request);
	}

	/** No more answers; closing twice is closing once. */
	@Transactional
	void close(Actor actor, long id) {
		AdhocRequest request = request(actor, id);
		if (!actor.is(Role.OFFICER) || !districtSide(actor, request)) {
			throw new AccessDeniedException(actor.username() + " may not close ad hoc request " + id);
		}
		int closed = jdbc.sql("UPDATE adhoc_request SET closed = true, version = version + 1 WHERE id = :id AND NOT closed")
			.param("id", id)
			.update();
		if (closed > 0) {
			audit.record(actor.audit("ADHOC_REQUEST_CLOSED", ENTITY, id, request.districtId()));
		}
	}

	// --- answering -------------------------------------------------------------------------------------------

	/** Only the head of the addressed unit answers: the chair for a commune, the village head for a village. */
	boolean answersFor(Actor actor, UnitSummary unit) {
		boolean head = unit.level() == UnitLevel.COMMUNE ? actor.is(Role.COMMUNE_CHAIR)
				: unit.level() == UnitLevel.VILLAGE && actor.is(Role.VILLAGE_HEAD);
		return head && unit.id() == actor.homeUnitId() && !unit.closed();
	}

	/**
	 * Sends the answer of the actor's home unit. {@code formKey} names the form, so that the same form sent
	 * twice counts once; an answer sent after the end of the deadline day is kept and marked late.
	 */
	@Transactional
	AnswerOutcome answer(Actor actor, long requestId, String answers, Map<Long, Integer> values, String formKey) {
		AdhocRequest request = request(actor, requestId);
		UnitSummary unit = own(actor, request).map(AdhocAddressee::unit)
			.orElseThrow(() -> new AccessDeniedException(actor.username() + " may not answer request " + requestId));
		Optional<AnswerOutcome> before = findAnswer(requestId, unit.id()).map(sent -> outcomeOfResend(sent, formKey));
		if (before.isPresent()) {
			return before.get();
		}
		if (request.closed()) {
			return AnswerOutcome.CLOSED;
		}
		Instant now = deadlines.now();
		boolean late = deadlines.isLate(now, request.deadline());
		// a form sent twice at the same moment waits here for the first one and then inserts nothing
		Optional<Long> id = jdbc.sql("""
				INSERT INTO adhoc_response (request_id, unit_id, answers, submitted_at, submitted_by, late, form_key)
				VALUES (:request, :unit, :answers, :at, :by, :late, :key)
				ON CONFLICT (request_id, unit_id) DO NOTHING RETURNING id""")
			.param("request", requestId)
			.param("unit", unit.id())
			.param("answers", answers)
			.param("at", Timestamp.from(now))
			.param("by", actor.userId())
			.param("late", late)
			.param("key", formKey)
			.query(Long.class)
			.optional();
		if (id.isEmpty()) {
			return findAnswer(requestId, unit.id()).map(sent -> outcomeOfResend(sent, formKey))
				.orElse(AnswerOutcome.ANSWERED_ELSEWHERE);
		}
		values.forEach((indicator, value) -> jdbc
			.sql("INSERT INTO adhoc_response_value (response_id, indicator_id, value) VALUES (:r, :i, :v)")
			.param("r", id.get())
			.param("i", indicator)
			.param("v", value)
			.update());
		audit.record(actor.audit("ADHOC_ANSWERED", ANSWER_ENTITY, id.get(), unit.id())
			.withChange("late", null, String.valueOf(late)));
		events.publishEvent(new AdhocRequestAnswered(requestId, request.title(), unit.id(), late, openedBy(requestId),
				actor.userId()));
		return AnswerOutcome.ANSWERED;
	}

	private long openedBy(long requestId) {
		return jdbc.sql("SELECT created_by FROM adhoc_request WHERE id = :id")
			.param("id", requestId)
			.query(Long.class)
			.single();
	}

	private static AnswerOutcome outcomeOfResend(AdhocAnswer sent, String formKey) {
		return formKey != null && formKey.equals(sent.formKey()) ? AnswerOutcome.ALREADY_DONE
				: AnswerOutcome.ANSWERED_ELSEWHERE;
	}

	// --- reading ---------------------------------------------------------------------------------------------

	/**
	 * The request, if the actor may see it: the district's officers, steering members and the admin above it,
	 * or anyone who sees one of its addressees.
	 */
	AdhocRequest request(Actor actor, long id) {
		AdhocRequest request = jdbc.sql("""
				SELECT r.id, r.district_id, r.title, r.questions, r.deadline, u.full_name, r.created_at, r.closed,
				       array(SELECT indicator_id FROM adhoc_request_indicator WHERE request_id = r.id) AS indicator_ids
				FROM adhoc_request r JOIN app_user u ON u.id = r.created_by WHERE r.id = :id""")
			.param("id", id)
			.query((rs, row) -> new AdhocRequest(rs.getLong("id"), rs.getLong("district_id"), rs.getString("title"),
					rs.getString("questions"), rs.getObject("deadline", LocalDate.class), rs.getString("full_name"),
					rs.getTimestamp("created_at").toInstant(), rs.getBoolean("closed"),
					List.of((Long[]) rs.getArray("indicator_ids").getArray())))
			.optional()
			.orElseThrow(ReportNotFoundException::new);
		if (!districtSide(actor, request) && addressees(actor, request).isEmpty()) {
			throw new AccessDeniedException("Ad hoc request " + id + " is outside the area of " + actor.username());
		}
		return request;
	}

	/** The committee's province or district that opened the request, which its pages name. */
	UnitSummary committeeOf(AdhocRequest request) {
		return units.get(request.districtId());
	}

	/** Whether the actor reads the request as its district does: every addressee they see, with the counts. */
	boolean districtSide(Actor actor, AdhocRequest request) {
		UnitSummary district = units.get(request.districtId());
		return actor.isAny(Role.OFFICER, Role.STEERING_MEMBER, Role.ADMIN)
				&& (actor.covers(district) || district.id() == actor.homeUnitId());
	}

	/** The addressees the actor sees, by commune and village code, each with its answer's time and lateness. */
	List<AdhocAddressee> addressees(Actor actor, AdhocRequest request) {
		List<Sent> rows = jdbc.sql("""
				SELECT a.unit_id, s.submitted_at, s.late
				FROM adhoc_request_unit a JOIN unit u ON u.id = a.unit_id
				LEFT JOIN adhoc_response s ON s.request_id = a.request_id AND s.unit_id = a.unit_id
				WHERE a.request_id = :id AND %s
				ORDER BY u.ancestor_path, u.code, u.name""".formatted(actor.scopeCondition("u.subtree_path")))
			.param("id", request.id())
			.params(actor.scopeParams())
			.query((rs, row) -> new Sent(rs.getLong("unit_id"),
					rs.getTimestamp("submitted_at") == null ? null : rs.getTimestamp("submitted_at").toInstant(),
					(Boolean) rs.getObject("late")))
			.list();
		Map<Long, UnitSummary> summaries = units.getAll(rows.stream().map(Sent::unitId).toList());
		return rows.stream()
			.map(row -> new AdhocAddressee(request.id(), summaries.get(row.unitId()), row.at(), row.late()))
			.toList();
	}

	private record Sent(long unitId, Instant at, Boolean late) {
	}

	/** The actor's own unit among the addressees, when the actor is the one who answers for it. */
	Optional<AdhocAddressee> own(Actor actor, AdhocRequest request) {
		return addressees(actor, request).stream().filter(a -> answersFor(actor, a.unit())).findFirst();
	}

	/** An addressee's answer, for the district and for whoever sees the addressee. */
	AdhocAnswer answerOf(Actor actor, long requestId, long unitId) {
		AdhocRequest request = request(actor, requestId);
		UnitSummary unit = units.get(unitId);
		if (!actor.covers(unit)) {
			throw new AccessDeniedException(actor.username() + " may not read the answer of unit " + unitId);
		}
		return findAnswer(request.id(), unitId).orElseThrow(ReportNotFoundException::new);
	}

	private Optional<AdhocAnswer> findAnswer(long requestId, long unitId) {
		Map<Long, Integer> values = new HashMap<>();
		jdbc.sql("""
				SELECT v.indicator_id, v.value FROM adhoc_response_value v JOIN adhoc_response s ON s.id = v.response_id
				WHERE s.request_id = :request AND s.unit_id = :unit""")
			.param("request", requestId)
			.param("unit", unitId)
			.query((ResultSet rs) -> {
				values.put(rs.getLong("indicator_id"), rs.getInt("value"));
			});
		return jdbc.sql("""
				SELECT s.id, s.request_id, s.unit_id, s.answers, s.submitted_at, u.full_name, s.late, s.form_key
				FROM adhoc_response s LEFT JOIN app_user u ON u.id = s.submitted_by
				WHERE s.request_id = :request AND s.unit_id = :unit""")
			.param("request", requestId)
			.param("unit", unitId)
			.query((rs, row) -> new AdhocAnswer(rs.getLong("id"), rs.getLong("request_id"), rs.getLong("unit_id"),
					rs.getString("answers"), Map.copyOf(values), rs.getTimestamp("submitted_at").toInstant(),
					rs.getString("full_name"), rs.getBoolean("late"), rs.getString("form_key")))
			.optional();
	}

	/**
	 * The requests the actor sees, with how many of the addressees they see have answered: for the district,
	 * its requests newest first; for an addressee, those sent to units they see, open ones first.
	 */
	List<AdhocRequestRow> list(Actor actor) {
		boolean district = actor.isAny(Role.OFFICER, Role.STEERING_MEMBER, Role.ADMIN);
		String where = district
				? "(r.district_id = :home OR " + actor.scopeCondition("d.subtree_path") + ")"
				: actor.scopeCondition("u.subtree_path");
		String order = district ? "r.created_at DESC, r.id DESC"
				: "r.closed, bool_or(a.unit_id = :home AND s.id IS NOT NULL), r.deadline, r.id";
		return jdbc.sql("""
				SELECT r.id, r.title, r.deadline, r.closed, count(a.unit_id) AS addressees, count(s.id) AS answered,
				       CASE WHEN bool_or(a.unit_id = :home) AND :answers THEN bool_or(a.unit_id = :home AND s.id IS NOT NULL) END
				         AS own_answered
				FROM adhoc_request r JOIN unit d ON d.id = r.district_id
				JOIN adhoc_request_unit a ON a.request_id = r.id JOIN unit u ON u.id = a.unit_id
				LEFT JOIN adhoc_response s ON s.request_id = r.id AND s.unit_id = a.unit_id
				WHERE %s
				GROUP BY r.id
				ORDER BY %s""".formatted(where, order))
			.param("home", actor.homeUnitId())
			.params(actor.scopeParams())
			.param("answers", actor.isAny(Role.COMMUNE_CHAIR, Role.VILLAGE_HEAD))
			.query((rs, row) -> new AdhocRequestRow(rs.getLong("id"), rs.getString("title"),
					rs.getObject("deadline", LocalDate.class), rs.getBoolean("closed"), rs.getLong("addressees"),
					rs.getLong("answered"), (Boolean) rs.getObject("own_answered")))
			.list();
	}

	/** The open requests the actor's home unit has not answered, soonest deadline first, for the home page. */
	List<OpenRequest> open(Actor actor) {
		if (!actor.isAny(Role.COMMUNE_CHAIR, Role.VILLAGE_HEAD)) {
			return List.of();
		}
		LocalDate today = deadlines.today();
		return jdbc.sql("""
				SELECT r.id, r.title, r.deadline
				FROM adhoc_request r JOIN adhoc_request_unit a ON a.request_id = r.id
				WHERE a.unit_id = :home AND NOT r.closed
				  AND NOT EXISTS (SELECT 1 FROM adhoc_response s WHERE s.request_id = r.id AND s.unit_id = a.unit_id)
				ORDER BY r.deadline, r.id""")
			.param("home", actor.homeUnitId())
			.query((rs, row) -> open(rs, today))
			.list();
	}

	private static OpenRequest open(ResultSet rs, LocalDate today) throws SQLException {
		LocalDate deadline = rs.getObject("deadline", LocalDate.class);
		return new OpenRequest(rs.getLong("id"), rs.getString("title"), deadline, today.isAfter(deadline));
	}


}
