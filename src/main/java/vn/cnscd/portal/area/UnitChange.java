package vn.cnscd.portal.area;

import java.time.LocalDate;

/** A reorganisation that changed units of an area: when it took effect and the decision behind it. */
public record UnitChange(long reorganisationId, LocalDate effectiveOn, String basisNumber, LocalDate basisDate) {
}
