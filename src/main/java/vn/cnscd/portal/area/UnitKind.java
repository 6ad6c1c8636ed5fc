package vn.cnscd.portal.area;

import java.util.Arrays;
import java.util.List;

/**
 * The kind of a unit within its level: a commune is a xã, a thị trấn or a phường. The Vietnamese word is
 * part of the unit's search text ("xa dai son" finds Xã Đại Sơn); labels shown on pages come from the
 * message bundles ({@code unit.kind.XA}).
 */
public enum UnitKind {

	TINH(UnitLevel.PROVINCE, "Tỉnh"), THANH_PHO_TW(UnitLevel.PROVINCE, "Thành phố"),
	HUYEN(UnitLevel.DISTRICT, "Huyện"), THI_XA(UnitLevel.DISTRICT, "Thị xã"), THANH_PHO(UnitLevel.DISTRICT, "Thành phố"),
	QUAN(UnitLevel.DISTRICT, "Quận"),
	XA(UnitLevel.COMMUNE, "Xã"), THI_TRAN(UnitLevel.COMMUNE, "Thị trấn"), PHUONG(UnitLevel.COMMUNE, "Phường"),
	DAC_KHU(UnitLevel.COMMUNE, "Đặc khu"),
	THON(UnitLevel.VILLAGE, "Thôn"), KHU_DAN_CU(UnitLevel.VILLAGE, "Khu dân cư"),
	TO_DAN_PHO(UnitLevel.VILLAGE, "Tổ dân phố");

	private final UnitLevel level;

	private final String vietnameseWord;

	UnitKind(UnitLevel level, String vietnameseWord) {
		this.level = level;
		this.vietnameseWord = vietnameseWord;
	}

	public UnitLevel level() {
		return level;
	}

	/** The Vietnamese word for the kind, as names and chat groups use it: "Xã", "Thị trấn", "Thôn". */
	public String vietnameseWord() {
		return vietnameseWord;
	}

	public static List<UnitKind> of(UnitLevel level) {
		return Arrays.stream(values()).filter(kind -> kind.level == level).toList();
	}

}
