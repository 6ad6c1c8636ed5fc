package vn.cnscd.portal.reporting;

/** Two requests created the same village's report of the same month at once; the first one counted. */
class ConcurrentReportException extends RuntimeException {

	ConcurrentReportException() {
		super("The report was created by another request at the same moment");
	}

}
