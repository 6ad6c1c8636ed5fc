package vn.cnscd.portal.area;

/** A unit as a page names it: its kind (a message key), name and code. */
public record UnitName(UnitKind kind, String name, String code) {

	public String kindKey() {
		return "unit.kind." + kind.name();
	}

	/** The name as Vietnamese writes it, for lists that carry plain text: "Xã Quang Phục (11101)". */
	public String text() {
		return kind.vietnameseWord() + " " + name + (code == null ? "" : " (" + code + ")");
	}

}
