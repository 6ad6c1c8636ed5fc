package vn.cnscd.portal.reporting;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "commune_report")
class CommuneReport {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long communeId;

	private LocalDate period;

	@Enumerated(EnumType.STRING)
	private CommuneReportStatus status = CommuneReportStatus.DRAFT;

	private Integer sessionsHeld;

	private Integer residentsGuided;

	private Integer householdsVisited;

	private String narrative;

	private String obstacles;

	private String proposals;

	private String submissionKey;

	private Instant submittedAt;

	private Long submittedBy;

	private Boolean late;

	private Instant reviewedAt;

	private Long reviewedBy;

	private String returnReason;

	@Version
	private long version;

	protected CommuneReport() {
	}

	CommuneReport(long communeId, LocalDate period) {
		this.communeId = communeId;
		this.period = period;
	}

	void fill(Integer sessionsHeld, Integer residentsGuided, Integer householdsVisited, String narrative,
			String obstacles, String proposals, String key) {
		this.sessionsHeld = sessionsHeld;
		this.residentsGuided = residentsGuided;
		this.householdsVisited = householdsVisited;
		this.narrative = narrative;
		this.obstacles = obstacles;
		this.proposals = proposals;
		this.submissionKey = key;
	}

	void submit(long by, Instant at, boolean late) {
		this.status = CommuneReportStatus.SUBMITTED;
		this.submittedBy = by;
		this.submittedAt = at;
		this.late = late;
	}

	void acknowledge(long by, Instant at) {
		this.status = CommuneReportStatus.ACKNOWLEDGED;
		this.reviewedBy = by;
		this.reviewedAt = at;
		this.returnReason = null;
	}

	void giveBack(String reason, long by, Instant at) {
		this.status = CommuneReportStatus.RETURNED;
		this.returnReason = reason;
		this.reviewedBy = by;
		this.reviewedAt = at;
	}

	CommuneReportView view() {
		return new CommuneReportView(status, late, returnReason, version, sessionsHeld, residentsGuided,
				householdsVisited, narrative, obstacles, proposals);
	}

	Long getId() {
		return id;
	}

	long getCommuneId() {
		return communeId;
	}

	LocalDate getPeriod() {
		return period;
	}

	CommuneReportStatus getStatus() {
		return status;
	}

	Integer getSessionsHeld() {
		return sessionsHeld;
	}

	Integer getResidentsGuided() {
		return residentsGuided;
	}

	Integer getHouseholdsVisited() {
		return householdsVisited;
	}

	String getNarrative() {
		return narrative;
	}

	String getObstacles() {
		return obstacles;
	}

	String getProposals() {
		return proposals;
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
