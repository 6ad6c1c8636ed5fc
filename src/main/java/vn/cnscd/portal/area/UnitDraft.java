package vn.cnscd.portal.area;

/** What a user enters to add or change a unit; households and adults only for villages. */
public record UnitDraft(UnitKind kind, String code, String name, Integer households, Integer adults) {
}
