package vn.cnscd.portal.reporting;

/** What became of a save or a submission of a village report. */
enum SaveOutcome {

	/** Saved as a draft. */
	SAVED,
	/** Submitted now. */
	SUBMITTED,
	/** The same form was sent again (a double click, a resent form): the first one counted, nothing changed. */
	ALREADY_DONE,
	/** Someone saved the report from another form since this one was opened: nothing was overwritten. */
	STALE,
	/** The report is submitted or approved and can no longer be changed by its village. */
	LOCKED

}
