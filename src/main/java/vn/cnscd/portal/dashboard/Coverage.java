package vn.cnscd.portal.dashboard;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

import vn.cnscd.portal.area.UnitSummary;

/**
 * What a dashboard or a summary of an area counts: the whole area, or only the communes of it in a steering
 * member's charge ({@code holder} is then their name, {@code shown} of {@code all} communes). A partial view
 * says so wherever it names its area, so that a text pasted into a group never passes for the area's whole.
 */
public record Coverage(UnitSummary area, String holder, int shown, int all) {

	public static Coverage whole(UnitSummary area) {
		return new Coverage(area, null, 0, 0);
	}

	public boolean partial() {
		return holder != null;
	}

	/** Inside a sentence: "Huyện Tứ Kỳ", or "các xã do ông/bà … phụ trách (3 trong 23 xã của Huyện Tứ Kỳ)". */
	public MessageSourceResolvable name() {
		return partial() ? message("dashboard.area.partial", holder, shown, all, unitName(area)) : unitName(area);
	}

	/** On a line of its own: "Huyện Tứ Kỳ", or "Các xã do ông/bà … phụ trách: 3 trong 23 xã của Huyện Tứ Kỳ". */
	public MessageSourceResolvable line() {
		return partial() ? message("dashboard.area.partial.line", holder, shown, all, unitName(area)) : unitName(area);
	}

	/** A unit by its kind's message and its name, "Huyện Tứ Kỳ": the kind is never written into a text. */
	public static MessageSourceResolvable unitName(UnitSummary unit) {
		return message("dashboard.area.whole", new DefaultMessageSourceResolvable(unit.kindKey()), unit.name());
	}

	private static MessageSourceResolvable message(String key, Object... arguments) {
		return new DefaultMessageSourceResolvable(new String[] { key }, arguments);
	}

}
