package vn.cnscd.portal.area;

import java.time.LocalDate;

/** A name (with kind and code) a unit had, from one day to another, both included. */
public record FormerName(UnitName name, LocalDate from, LocalDate until) {
}
