package vn.cnscd.portal.reporting;

/** draft → submitted → approved, or returned with a reason → submitted again. */
public enum ReportStatus {

	DRAFT, SUBMITTED, APPROVED, RETURNED;

	/** Whether the report counts as sent: completeness counts submitted and approved reports. */
	public boolean sent() {
		return this == SUBMITTED || this == APPROVED;
	}

	/** Whether its village head may still change it. */
	public boolean editable() {
		return this == DRAFT || this == RETURNED;
	}

}
