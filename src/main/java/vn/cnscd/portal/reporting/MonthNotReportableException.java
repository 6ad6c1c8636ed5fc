package vn.cnscd.portal.reporting;

/** A report refused for its month ({@link ReportableMonths}), with the reason to show. */
class MonthNotReportableException extends RuntimeException {

	private final ReportableMonths.Refusal refusal;

	MonthNotReportableException(ReportableMonths.Refusal refusal) {
		super("Month not reportable: " + refusal.key());
		this.refusal = refusal;
	}

	ReportableMonths.Refusal refusal() {
		return refusal;
	}

}
