package vn.cnscd.portal.reporting;

import java.sql.ResultSet;
import java.time.Instant;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
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

/**
 * A commune's monthly report: its villages' figures computed, the commune team's own activities and a
 * narrative written by the chair, who submits it to the district; an officer acknowledges it or
 * returns it with a reason. Each of these is published as an event inside its transaction.
 */
@Service
@Transactional(readOnly = true)
public class CommuneReportService {

	static final String ENTITY = "COMMUNE_REPORT";

	private final CommuneReportRepository reports;

	private final UnitService units;

	private final AuditLog audit;

	private final Deadlines deadlines;

	private final ObstacleService obstacles;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	CommuneReportService(CommuneReportRepository reports, UnitService units, AuditLog audit, Deadlines deadlines,
			ObstacleService obstacles, JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
		this.reports = reports;
		this.units = units;
		this.audit = audit;
		this.deadlines = deadlines;
		this.obstacles = obstacles;
	}

	public UnitSummary commune(Actor actor, long communeId) {
		UnitSummary commune = units.view(actor, communeId);
		if (commune.level() != UnitLevel.COMMUNE) {
			throw new ReportNotFoundException();
		}
		return commune;
	}

	Optional<CommuneReport> find(long communeId, YearMonth period) {
		return reports.findByCommuneIdAndPeriod(communeId, period.atDay(1));
	}

	/**
	 * The unit whose committee a commune reports to: its parent, a district of the old tree or, since the
	 * district level was abolished, the province (city) itself.
	 */
	public UnitSummary committeeOf(UnitSummary commune) {
		return units.get(commune.parentId());
	}

	public boolean canWrite(Actor actor, UnitSummary commune) {
		return actor.is(Role.COMMUNE_CHAIR) && actor.covers(commune) && !commune.closed();
	}

	public boolean canReview(Actor actor, UnitSummary commune) {
		return actor.is(Role.OFFICER) && actor.covers(commune);
	}

	@Transactional
	SaveOutcome save(Actor actor, long communeId, YearMonth period, CommuneReportForm form, Integer sessions,
			Integer guided, Integer visited, boolean submit) {
		UnitSummary commune = commune(actor, communeId);
		if (!canWrite(actor, commune)) {
			throw new AccessDeniedException(actor.username() + " may not write the reports of commune " + communeId);
		}
		Optional<CommuneReport> existing = find(communeId, period);
		CommuneReport report;
		if (existing.isPresent()) {
			report = existing.get();
			boolean sameForm = form.getFormKey() != null && form.getFormKey().equals(report.getSubmissionKey());
			if (!report.getStatus().editable()) {
				return sameForm ? SaveOutcome.ALREADY_DONE : SaveOutcome.LOCKED;
			}
			if (!sameForm && (form.getVersion() == null || form.getVersion() != report.getVersion())) {
				return SaveOutcome.STALE;
			}
		}
		else if (form.getVersion() != null) {
			return SaveOutcome.STALE;
		}
		else {
			report = new CommuneReport(communeId, period.atDay(1));
		}
		report.fill(sessions, guided, visited, blankToNull(form.getNarrative()), blankToNull(form.getObstacles()),
				blankToNull(form.getProposals()), form.getFormKey());
		Instant now = deadlines.now();
		if (submit) {
			boolean late = deadlines.isLate(now, deadlines.communeDue(period));
			report.submit(actor.userId(), now, late);
		}
		try {
			reports.saveAndFlush(report);
		}
		catch (DataIntegrityViolationException bothNew) {
			throw new ConcurrentReportException();
		}
		if (submit) {
			audit.record(actor.audit("COMMUNE_REPORT_SUBMITTED", ENTITY, report.getId(), communeId)
				.withChange("late", null, String.valueOf(report.getLate())));
			obstacles.raise(communeId, period, ObstacleService.Source.COMMUNE_REPORT, report.getId(),
					report.getObstacles(), actor);
			events.publishEvent(new CommuneReportSubmitted(report.getId(), communeId, period,
					Boolean.TRUE.equals(report.getLate()), actor.userId()));
			return SaveOutcome.SUBMITTED;
		}
		return SaveOutcome.SAVED;
	}

	@Transactional
	public void acknowledge(Actor actor, long communeId, YearMonth period, long expectedVersion) {
		CommuneReport report = reviewable(actor, communeId, period, expectedVersion);
		report.acknowledge(actor.userId(), deadlines.now());
		reports.saveAndFlush(report);
		audit.record(actor.audit("COMMUNE_REPORT_ACKNOWLEDGED", ENTITY, report.getId(), communeId));
		events.publishEvent(new CommuneReportAcknowledged(report.getId(), communeId, period, actor.userId()));
	}

	@Transactional
	public void giveBack(Actor actor, long communeId, YearMonth period, String reason, long expectedVersion) {
		CommuneReport report = reviewable(actor, communeId, period, expectedVersion);
		report.giveBack(reason, actor.userId(), deadlines.now());
		reports.saveAndFlush(report);
		audit.record(actor.audit("COMMUNE_REPORT_RETURNED", ENTITY, report.getId(), communeId)
			.withChange("returnReason", null, reason));
		events.publishEvent(new CommuneReportReturned(report.getId(), communeId, period, reason, actor.userId()));
	}

	private CommuneReport reviewable(Actor actor, long communeId, YearMonth period, long expectedVersion) {
		UnitSummary commune = commune(actor, communeId);
		if (!canReview(actor, commune)) {
			throw new AccessDeniedException(actor.username() + " may not review reports of commune " + communeId);
		}
		CommuneReport report = find(communeId, period).orElseThrow(ReportNotFoundException::new);
		if (report.getVersion() != expectedVersion) {
			throw new StaleEditException();
		}
		if (report.getStatus() != CommuneReportStatus.SUBMITTED) {
			throw new AccessDeniedException("Only a submitted commune report is reviewed");
		}
		return report;
	}

	/** The commune reports of a month under a unit, by commune id. */
	public Map<Long, CommuneReportStatus> statusesUnder(String path, YearMonth period) {
		Map<Long, CommuneReportStatus> statuses = new HashMap<>();
		jdbc.sql("""
				SELECT r.commune_id, r.status FROM commune_report r JOIN unit u ON u.id = r.commune_id
				WHERE r.period = :period AND u.subtree_path LIKE :path""")
			.param("period", period.atDay(1))
			.param("path", UnitSummary.likeUnder(path))
			.query((ResultSet rs) -> {
				statuses.put(rs.getLong("commune_id"), CommuneReportStatus.valueOf(rs.getString("status")));
			});
		return statuses;
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

}
