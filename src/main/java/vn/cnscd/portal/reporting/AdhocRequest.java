package vn.cnscd.portal.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** An ad hoc request of a district: its questions, the indicators it asks for and its deadline. */
record AdhocRequest(long id, long districtId, String title, String questions, LocalDate deadline,
		String createdByName, Instant createdAt, boolean closed, List<Long> indicatorIds) {

	public String url() {
		return "/requests/" + id;
	}

}
