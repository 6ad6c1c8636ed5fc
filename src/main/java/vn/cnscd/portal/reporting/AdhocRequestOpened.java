package vn.cnscd.portal.reporting;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** An officer opened an ad hoc request to communes or villages ({@code addressees}), with a deadline. */
public record AdhocRequestOpened(UUID id, long requestId, String title, LocalDate deadline, List<Long> addressees,
		long openedBy) {

	public AdhocRequestOpened {
		addressees = List.copyOf(addressees);
	}

	AdhocRequestOpened(long requestId, String title, LocalDate deadline, List<Long> addressees, long openedBy) {
		this(UUID.randomUUID(), requestId, title, deadline, addressees, openedBy);
	}

}
