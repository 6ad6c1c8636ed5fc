package vn.cnscd.portal.reporting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
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
import vn.cnscd.portal.indicator.IndicatorService;
import vn.cnscd.portal.indicator.IndicatorSummary;

/**
 * Village monthly reports: the village head saves and submits; the commune chair approves or returns; a
 * officer unlocks an approved report. One report per village and month, whatever is clicked twice.
 * Each change is published as an event ({@link VillageReportSubmitted}, …) inside its transaction.
 */
@Service
@Transactional(readOnly = true)
public class VillageReportService {

	static final String ENTITY = "VILLAGE_REPORT";

	private final VillageReportRepository reports;

	private final UnitService units;

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final Deadlines deadlines;

	private final ObstacleService obstacles;

	private final ReportFigures figures;

	private final ApplicationEventPublisher events;

	private final ReportableMonths months;

	private final IndicatorService indicators;

	VillageReportService(VillageReportRepository reports, UnitService units, JdbcClient jdbc, AuditLog audit,
			Deadlines deadlines, ObstacleService obstacles, ReportFigures figures, ApplicationEventPublisher events,
			ReportableMonths months, IndicatorService indicators) {
		this.reports = reports;
		this.units = units;
		this.jdbc = jdbc;
		this.audit = audit;
		this.deadlines = deadlines;
		this.obstacles = obstacles;
		this.figures = figures;
		this.events = events;
		this.months = months;
		this.indicators = indicators;
	}

	/** The village, if the actor may see it. */
	public UnitSummary village(Actor actor, long villageId) {
		UnitSummary village = units.view(actor, villageId);
		if (village.level() != UnitLevel.VILLAGE) {
			throw new ReportNotFoundException();
		}
		return village;
	}

	/**
	 * What the report of a month is written and checked against, read at once: the village, if the actor may see
	 * it, the indicators villages report and the village's values sent before the month.
	 */
	Entry entry(Actor actor, long villageId, YearMonth period) {
		return new Entry(village(actor, villageId), indicators.villageReportIndicators(),
				previousValues(villageId, period));
	}

	record Entry(UnitSummary village, List<IndicatorSummary> indicators, Map<Long, PreviousValue> previous) {
	}

	Optional<VillageReport> find(long villageId, YearMonth period) {
		return reports.findByVillageIdAndPeriod(villageId, period.atDay(1));
	}

	/** Only the village's own head writes its report. */
	public boolean canWrite(Actor actor, UnitSummary village) {
		return actor.is(Role.VILLAGE_HEAD) && actor.covers(village) && !village.closed();
	}

	/** The chair of the village's commune reviews it. */
	public boolean canReview(Actor actor, UnitSummary village) {
		return actor.is(Role.COMMUNE_CHAIR) && actor.covers(village);
	}

	public boolean canUnlock(Actor actor, UnitSummary village) {
		return actor.is(Role.OFFICER) && actor.covers(village);
	}

	/** The latest sent value of each indicator before the month, with the month it was reported for. */
	Map<Long, PreviousValue> previousValues(long villageId, YearMonth period) {
		return figures.previousValues(villageId, period);
	}

	record PreviousValue(int value, YearMonth period) {
	}

	/**
	 * Saves the village head's report as a draft or submits it. {@code village} is the one {@link #entry} read
	 * for the actor, who may see it. {@code expectedVersion} is the version the form was opened with,
	 * {@code null} for a new report; {@code formKey} names the form, so that the same form sent twice counts
	 * once.
	 */
	@Transactional
	SaveOutcome save(Actor actor, UnitSummary village, YearMonth period, ReportContent content, boolean submit,
			Long expectedVersion, String formKey) {
		long villageId = village.id();
		if (!canWrite(actor, village)) {
			throw new AccessDeniedException(actor.username() + " may not write the reports of village " + villageId);
		}
		Optional<VillageReport> existing = find(villageId, period);
		if (existing.isPresent()) {
			VillageReport report = existing.get();
			boolean sameForm = formKey != null && formKey.equals(report.getSubmissionKey());
			if (!report.getStatus().editable()) {
				return sameForm ? SaveOutcome.ALREADY_DONE : SaveOutcome.LOCKED;
			}
			if (!sameForm && (expectedVersion == null || expectedVersion != report.getVersion())) {
				return SaveOutcome.STALE;
			}
			checkMonth(villageId, period, submit, report);
			return write(actor, report, content, submit, formKey);
		}
		if (expectedVersion != null) {
			return SaveOutcome.STALE;
		}
		checkMonth(villageId, period, submit, null);
		try {
			return write(actor, new VillageReport(villageId, period.atDay(1)), content, submit, formKey);
		}
		catch (DataIntegrityViolationException bothNew) {
			// another request created the same report a moment ago: that one counted
			throw new ConcurrentReportException();
		}
	}

	private void checkMonth(long villageId, YearMonth period, boolean submit, VillageReport existing) {
		months.refusal(villageId, period, submit, existing).ifPresent(refusal -> {
			throw new MonthNotReportableException(refusal);
		});
	}

	private SaveOutcome write(Actor actor, VillageReport report, ReportContent content, boolean submit, String formKey) {
		Instant now = deadlines.now();
		report.fill(content, now);
		if (submit) {
			// the values go in while the report does not count yet, so that the database rebuilds the village's
			// figures once, when the report starts counting, instead of once per value written
			reports.saveAndFlush(report);
			YearMonth period = YearMonth.from(report.getPeriod());
			boolean late = deadlines.isLate(now, deadlines.villageDue(period));
			report.submit(formKey, actor.userId(), now, late);
			reports.saveAndFlush(report);
			audit.record(actor.audit("REPORT_SUBMITTED", ENTITY, report.getId(), report.getVillageId())
				.withChange("late", null, String.valueOf(report.getLate())));
			obstacles.raise(report.getVillageId(), period, ObstacleService.Source.VILLAGE_REPORT, report.getId(),
					content.obstacles(), actor);
			events.publishEvent(new VillageReportSubmitted(report.getId(), report.getVillageId(), period,
					Boolean.TRUE.equals(report.getLate()), actor.userId()));
			return SaveOutcome.SUBMITTED;
		}
		report.keepDraft(formKey);
		reports.saveAndFlush(report);
		return SaveOutcome.SAVED;
	}

	/**
	 * What a save that collided with a report created at the same moment amounts to: the same form sent twice
	 * counted once; another form's report is not overwritten.
	 */
	SaveOutcome afterCollision(long villageId, YearMonth period, String formKey) {
		return find(villageId, period).filter(report -> formKey != null && formKey.equals(report.getSubmissionKey()))
			.map(report -> SaveOutcome.ALREADY_DONE)
			.orElse(SaveOutcome.STALE);
	}

	@Transactional
	public void approve(Actor actor, long villageId, YearMonth period, long expectedVersion) {
		VillageReport report = reviewable(actor, villageId, period, expectedVersion);
		if (report.getStatus() != ReportStatus.SUBMITTED) {
			throw new AccessDeniedException("Only a submitted report is approved");
		}
		report.approve(actor.userId(), deadlines.now());
		reports.saveAndFlush(report);
		audit.record(actor.audit("REPORT_APPROVED", ENTITY, report.getId(), villageId));
		events.publishEvent(new VillageReportApproved(report.getId(), villageId, period, actor.userId()));
	}

	/** The chair returns a submitted report to the village head, who sees the reason. */
	@Transactional
	public void giveBack(Actor actor, long villageId, YearMonth period, String reason, long expectedVersion) {
		VillageReport report = reviewable(actor, villageId, period, expectedVersion);
		if (report.getStatus() != ReportStatus.SUBMITTED) {
			throw new AccessDeniedException("Only a submitted report is returned");
		}
		report.giveBack(reason, actor.userId(), deadlines.now());
		reports.saveAndFlush(report);
		audit.record(actor.audit("REPORT_RETURNED", ENTITY, report.getId(), villageId)
			.withChange("returnReason", null, reason));
		events.publishEvent(new VillageReportReturned(report.getId(), villageId, period, reason, actor.userId()));
	}

	/** An officer reopens an approved report, with the reason the village head will see. */
	@Transactional
	public void unlock(Actor actor, long villageId, YearMonth period, String reason, long expectedVersion) {
		UnitSummary village = village(actor, villageId);
		if (!canUnlock(actor, village)) {
			throw new AccessDeniedException(actor.username() + " may not unlock reports of village " + villageId);
		}
		VillageReport report = find(villageId, period).orElseThrow(ReportNotFoundException::new);
		if (report.getVersion() != expectedVersion) {
			throw new StaleEditException();
		}
		if (report.getStatus() != ReportStatus.APPROVED) {
			throw new AccessDeniedException("Only an approved report is unlocked");
		}
		report.giveBack(reason, actor.userId(), deadlines.now());
		reports.saveAndFlush(report);
		audit.record(actor.audit("REPORT_UNLOCKED", ENTITY, report.getId(), villageId)
			.withChange("returnReason", null, reason));
		events.publishEvent(new VillageReportUnlocked(report.getId(), villageId, period, reason, actor.userId()));
	}

	private VillageReport reviewable(Actor actor, long villageId, YearMonth period, long expectedVersion) {
		UnitSummary village = village(actor, villageId);
		if (!canReview(actor, village)) {
			throw new AccessDeniedException(actor.username() + " may not review reports of village " + villageId);
		}
		VillageReport report = find(villageId, period).orElseThrow(ReportNotFoundException::new);
		if (report.getVersion() != expectedVersion) {
			throw new StaleEditException();
		}
		return report;
	}

	/** The reports of a month of the villages under a unit, by village id; villages without one are absent. */
	public Map<Long, VillageReportSummary> reportsUnder(String path, YearMonth period) {
		Map<Long, VillageReportSummary> found = new HashMap<>();
		jdbc.sql("""
				SELECT r.id, r.village_id, r.period, r.status, r.submitted_at, r.late, r.return_reason, r.version
				FROM village_report r JOIN unit u ON u.id = r.village_id
				WHERE r.period = :period AND u.subtree_path LIKE :path""")
			.param("period", period.atDay(1))
			.param("path", UnitSummary.likeUnder(path))
			.query((ResultSet rs) -> {
				VillageReportSummary summary = summary(rs);
				found.put(summary.villageId(), summary);
			});
		return found;
	}

	/** A village's reports, newest first. */
	public List<VillageReportSummary> history(Actor actor, long villageId) {
		village(actor, villageId);
		return jdbc.sql("""
				SELECT id, village_id, period, status, submitted_at, late, return_reason, version
				FROM village_report WHERE village_id = :village ORDER BY period DESC""")
			.param("village", villageId)
			.query((rs, row) -> summary(rs))
			.list();
	}

	private static VillageReportSummary summary(ResultSet rs) throws SQLException {
		return new VillageReportSummary(rs.getLong("id"), rs.getLong("village_id"),
				YearMonth.from(rs.getObject("period", LocalDate.class)), ReportStatus.valueOf(rs.getString("status")),
				rs.getTimestamp("submitted_at") == null ? null : rs.getTimestamp("submitted_at").toInstant(),
				(Boolean) rs.getObject("late"), rs.getString("return_reason"), rs.getLong("version"));
	}

}
