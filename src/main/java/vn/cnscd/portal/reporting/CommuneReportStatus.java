package vn.cnscd.portal.reporting;

/** draft → submitted → acknowledged by the district, or returned with a reason → submitted again. */
public enum CommuneReportStatus {

	DRAFT, SUBMITTED, ACKNOWLEDGED, RETURNED;

	public boolean editable() {
		return this == DRAFT || this == RETURNED;
	}

}
