package vn.cnscd.portal.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "village_report")
class VillageReport {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long villageId;

	private LocalDate period;

	@Enumerated(EnumType.STRING)
	private ReportStatus status = ReportStatus.DRAFT;

	private Integer sessionsHeld;

	private Integer residentsGuided;

	private Integer householdsVisited;

	private String obstacles;

	private String proposals;

	private String submissionKey;

	private Instant submittedAt;

	private Long submittedBy;

	private Boolean late;

	private Instant reviewedAt;

	private Long reviewedBy;

	private String returnReason;

	private Instant updatedAt;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "village_report_value", joinColumns = @JoinColumn(name = "report_id"))
	@MapKeyColumn(name = "indicator_id")
	private Map<Long, ReportValue> values = new HashMap<>();

	@Version
	private long version;

	protected VillageReport() {
	}

	VillageReport(long villageId, LocalDate period) {
		this.villageId = villageId;
		this.period = period;
	}

	void fill(ReportContent content, Instant at) {
		this.values.clear();
		this.values.putAll(content.values());
		this.sessionsHeld = content.sessionsHeld();
		this.residentsGuided = content.residentsGuided();
		this.householdsVisited = content.householdsVisited();
		this.obstacles = content.obstacles();
		this.proposals = content.proposals();
		this.updatedAt = at;
	}

	/**
	 * Sends the report. A report first sent on time and returned for changes stays on time when it is sent
	 * again: the chair's return should not make the village late.
	 */
	void submit(String key, long by, Instant at, boolean late) {
		this.status = ReportStatus.SUBMITTED;
		this.submissionKey = key;
		this.submittedBy = by;
		this.submittedAt = at;
		this.late = Boolean.FALSE.equals(this.late) ? Boolean.FALSE : late;
	}

	/** Keeps what was typed without sending it; a returned report stays returned, with its reason. */
	void keepDraft(String key) {
		this.submissionKey = key;
	}

	void approve(long by, Instant at) {
		this.status = ReportStatus.APPROVED;
		this.reviewedBy = by;
		this.reviewedAt = at;
		this.returnReason = null;
	}

	/** Back to the village head, with the reason they will see: a chair's return or a district unlock. */
	void giveBack(String reason, long by, Instant at) {
		this.status = ReportStatus.RETURNED;
		this.returnReason = reason;
		this.reviewedBy = by;
		this.reviewedAt = at;
	}

	VillageReportSummary summary() {
		return new VillageReportSummary(id, villageId, YearMonth.from(period), status, submittedAt, late,
				returnReason, version);
	}

	ReportContent content() {
		return new ReportContent(Map.copyOf(values), sessionsHeld, residentsGuided, householdsVisited, obstacles,
				proposals);
	}

	Long getId() {
		return id;
	}

	long getVillageId() {
		return villageId;
	}

	LocalDate getPeriod() {
		return period;
	}

	ReportStatus getStatus() {
		return status;
	}

	String getSubmissionKey() {
		return submissionKey;
	}

	Instant getSubmittedAt() {
		return submittedAt;
	}

	Boolean getLate() {
		return late;
	}

	String getReturnReason() {
		return returnReason;
	}

	long getVersion() {
		return version;
	}

}
