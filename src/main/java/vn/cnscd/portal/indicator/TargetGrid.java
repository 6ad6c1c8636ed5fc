package vn.cnscd.portal.indicator;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import vn.cnscd.portal.area.UnitSummary;

/**
 * A target grid as the page shows it: columns grouped by pillar, a row per unit, each cell with its text
 * (what was typed, or the stored value), its error, and after a conflicting save the value stored now where
 * it differs from what was typed.
 */
record TargetGrid(TargetSheet sheet, List<PillarGroup> pillars, List<Row> rows) {

	record PillarGroup(Pillar pillar, int span) {
	}

	record Row(UnitSummary unit, List<Cell> cells) {
	}

	/**
	 * {@code text} is what the input holds, {@code stored} the stored value as a read-only grid shows it;
	 * {@code saved} is null unless a conflicting save left the stored value different from what was typed
	 * (empty when nothing is stored now).
	 */
	record Cell(long unitId, long indicatorId, String text, String stored, String error, String saved) {

		public String name() {
			return "values[" + TargetGridForm.key(unitId, indicatorId) + "]";
		}

		public String inputId() {
			return "v" + TargetGridForm.key(unitId, indicatorId);
		}

		/** The row's and the column's headers: "Xã Đại Sơn, KTS01 … % người trưởng thành". */
		public String labelledBy() {
			return "r" + unitId + " c" + indicatorId;
		}

		public String noteId() {
			return inputId() + "-note";
		}

	}

	/** The stored grid. */
	static TargetGrid of(TargetSheet sheet, Locale locale) {
		return of(sheet, null, Map.of(), false, locale);
	}

	/**
	 * The grid as typed into {@code form}, with the errors of its cells; after a conflict ({@code conflict}),
	 * each cell whose typed value differs from the one stored now tells the stored one.
	 */
	static TargetGrid of(TargetSheet sheet, TargetGridForm form, Map<String, String> errors, boolean conflict,
			Locale locale) {
		List<Row> rows = new ArrayList<>();
		for (UnitSummary unit : sheet.units()) {
			List<Cell> cells = new ArrayList<>();
			for (IndicatorSummary indicator : sheet.indicators()) {
				String key = TargetGridForm.key(unit.id(), indicator.id());
				BigDecimal stored = sheet.value(unit.id(), indicator.id());
				boolean typed = form != null && form.getValues().containsKey(key);
				String text = typed ? form.getValues().get(key) : DecimalText.input(stored, locale);
				String saved = null;
				if (conflict && typed && !sameValue(DecimalText.read(text, locale), stored)) {
					saved = DecimalText.display(stored, locale);
				}
				cells.add(new Cell(unit.id(), indicator.id(), text == null ? "" : text,
						DecimalText.display(stored, locale), errors.get(key), saved));
			}
			rows.add(new Row(unit, cells));
		}
		return new TargetGrid(sheet, pillars(sheet.indicators()), rows);
	}

	private static boolean sameValue(DecimalText.Reading typed, BigDecimal stored) {
		if (typed.error() != null) {
			return false;
		}
		return typed.value() == null ? stored == null : stored != null && typed.value().compareTo(stored) == 0;
	}

	private static List<PillarGroup> pillars(List<IndicatorSummary> indicators) {
		List<PillarGroup> groups = new ArrayList<>();
		for (IndicatorSummary indicator : indicators) {
			int last = groups.size() - 1;
			if (last >= 0 && groups.get(last).pillar() == indicator.pillar()) {
				groups.set(last, new PillarGroup(indicator.pillar(), groups.get(last).span() + 1));
			}
			else {
				groups.add(new PillarGroup(indicator.pillar(), 1));
			}
		}
		return groups;
	}

}
