package vn.cnscd.portal.reporting;

import java.time.Instant;
import java.util.Map;

/** An addressee's answer: the text, a value per indicator id, who sent it and when. */
record AdhocAnswer(long id, long requestId, long unitId, String answers, Map<Long, Integer> values,
		Instant submittedAt, String submittedByName, boolean late, String formKey) {
}
