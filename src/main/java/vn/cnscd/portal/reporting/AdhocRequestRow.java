package vn.cnscd.portal.reporting;

import java.time.LocalDate;

/**
 * A request in a list: how many of the addressees the reader sees have answered, and, when the reader is
 * the head of an addressee, whether their own unit has ({@code null} otherwise).
 */
record AdhocRequestRow(long id, String title, LocalDate deadline, boolean closed, long addressees, long answered,
		Boolean ownAnswered) {

	public String url() {
		return "/requests/" + id;
	}

}
