package vn.cnscd.portal.area;

/** A unit in a table of its parent's children, with totals of the open villages under it. */
public record UnitRow(UnitSummary unit, long villages, long households, long adults) {
}
