package vn.cnscd.portal.area;

import java.time.LocalDate;

/** A unit that went into another (whole, what was left of it, or some of its villages), from when, and by which decision. */
public record Predecessor(long predecessorId, SuccessionKind kind, LocalDate effectiveOn, String basisNumber,
		LocalDate basisDate) {
}
