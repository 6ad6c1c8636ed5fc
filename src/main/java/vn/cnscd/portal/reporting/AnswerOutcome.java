package vn.cnscd.portal.reporting;

/** What became of an answer to an ad hoc request. */
enum AnswerOutcome {

	/** Sent now. */
	ANSWERED,
	/** The same form was sent again (a double click, a resent form): the first one counted. */
	ALREADY_DONE,
	/** The unit's answer was sent from another form (another tab, another device): nothing was overwritten. */
	ANSWERED_ELSEWHERE,
	/** The district closed the request: it takes no more answers. */
	CLOSED

}
