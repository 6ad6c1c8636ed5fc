package vn.cnscd.portal.reporting;

/** draft → submitted → acknowledged by the district, or returned with a reason → submitted again. */
public enum CommuneReportStatus {

	DRAFT, SUBMITTED, ACKNOWLEDGED, RETURNED;

	/** Whether the committee has it: submitted, and acknowledged after. */
	public boolean sent() {
		return this == SUBMITTED || this == ACKNOWLEDGED;
	}

	public boolean editable() {
		return this == DRAFT || this == RETURNED;
	}

}
