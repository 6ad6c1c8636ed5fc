package vn.cnscd.portal.indicator;

import vn.cnscd.portal.area.UnitSummary;

/** What a percentage indicator's count is a share of: the village's households or its adults. */
public enum Denominator {

	HOUSEHOLDS, ADULTS;

	/** The unit's households or adults; 0 where the unit has no count (communes and districts hold none). */
	public long of(UnitSummary unit) {
		Integer count = this == HOUSEHOLDS ? unit.households() : unit.adults();
		return count == null ? 0 : count;
	}

}
