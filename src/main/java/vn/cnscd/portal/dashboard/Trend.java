package vn.cnscd.portal.dashboard;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import vn.cnscd.portal.indicator.IndicatorSummary;

/**
 * An indicator's monthly values over an area, oldest first: a FLOW is the month's total, a STOCK the sum of
 * each village's latest level. {@link #bars()} lays them out as a bar chart drawn on the server, so the page
 * needs no script.
 */
public record Trend(IndicatorSummary indicator, List<YearMonth> months, List<Long> values, List<YearMonth> changes) {

	public Trend(IndicatorSummary indicator, List<YearMonth> months, List<Long> values) {
		this(indicator, months, values, List.of());
	}

	/** The same trend with the months the area's units were reorganised marked on its chart. */
	public Trend marking(List<YearMonth> reorganised) {
		return new Trend(indicator, months, values, reorganised.stream().filter(months::contains).distinct().toList());
	}

	/** Where a change is drawn: a line before the bar of the month it took effect in. */
	public record Mark(YearMonth month, double x) {
	}

	public List<Mark> marks() {
		double width = (double) WIDTH / months.size();
		return changes.stream().map(month -> new Mark(month, months.indexOf(month) * width)).toList();
	}

	public static final int WIDTH = 480;

	public static final int HEIGHT = 160;

	/** Room above the tallest bar. */
	private static final int TOP = 10;

	public record Bar(YearMonth month, long value, double x, double y, double width, double height) {
	}

	/**
	 * The trends from the first month in which any of them has a value: a chart of an area whose reports began
	 * a year ago starts then, not with a year of empty months. Unchanged when no month has any value.
	 */
	public static List<Trend> fromFirstValue(List<Trend> trends) {
		int first = trends.stream()
			.mapToInt(trend -> IntStream.range(0, trend.values().size())
				.filter(i -> trend.values().get(i) != 0)
				.findFirst()
				.orElse(Integer.MAX_VALUE))
			.min()
			.orElse(Integer.MAX_VALUE);
		if (first == Integer.MAX_VALUE || first == 0) {
			return trends;
		}
		return trends.stream()
			.map(trend -> new Trend(trend.indicator(), trend.months().subList(first, trend.months().size()),
					trend.values().subList(first, trend.values().size())))
			.toList();
	}

	public long max() {
		return values.stream().mapToLong(Long::longValue).max().orElse(0);
	}

	public List<Bar> bars() {
		long max = Math.max(max(), 1);
		double width = (double) WIDTH / months.size();
		List<Bar> bars = new ArrayList<>();
		for (int i = 0; i < months.size(); i++) {
			double height = (HEIGHT - TOP) * (double) values.get(i) / max;
			bars.add(new Bar(months.get(i), values.get(i), i * width + 1, HEIGHT - height, width - 2, height));
		}
		return bars;
	}

}
