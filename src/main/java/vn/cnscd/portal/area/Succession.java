package vn.cnscd.portal.area;

import java.time.LocalDate;

/** A unit that another went into, how, from when, and the decision that did it (when one was recorded). */
public record Succession(long successorId, SuccessionKind kind, LocalDate effectiveOn, String basisNumber,
		LocalDate basisDate) {
}
