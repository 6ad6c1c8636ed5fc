package vn.cnscd.portal.indicator;

/**
 * How an indicator's values add up over time. A {@code STOCK} is a level at the end of a period: a quarter's
 * or a year's value is its last month's, a commune's the sum of its villages' latest. A {@code FLOW} is a
 * count within the period: a quarter's value is the sum of its months.
 */
public enum IndicatorKind {

	STOCK, FLOW

}
