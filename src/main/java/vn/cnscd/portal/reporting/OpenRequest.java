package vn.cnscd.portal.reporting;

import java.time.LocalDate;

/** An ad hoc request that the reader's unit still has to answer, for their home page. */
public record OpenRequest(long id, String title, LocalDate deadline, boolean overdue) {

	public String url() {
		return "/requests/" + id;
	}

}
