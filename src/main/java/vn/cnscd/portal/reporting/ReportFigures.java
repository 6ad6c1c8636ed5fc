package vn.cnscd.portal.reporting;

import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.cnscd.portal.indicator.IndicatorKind;
import vn.cnscd.portal.indicator.IndicatorService;
import vn.cnscd.portal.indicator.IndicatorSummary;
import vn.cnscd.portal.team.TeamCoverage;

/**
 * The one read path to the figures of village reports: the dashboard, trends, the Zalo text, summaries,
 * exports and home pages all read them here. An area is a list of communes; a village counts in the commune
 * it belonged to in the month (the units tree's {@code area_villages}). A report counts as sent by
 * {@code village_report_sent}; a FLOW indicator adds up its months, a STOCK indicator is each village's latest
 * sent value, both read from {@code village_figure}, which the database keeps current with every change of a
 * report, so a figure costs one row per village and indicator whatever the length of the history.
 * The callers have checked the reader's area.
 */
@Service
@Transactional(readOnly = true)
public class ReportFigures {

	private final JdbcClient jdbc;

	private final TeamCoverage teams;

	private final IndicatorService indicators;

	ReportFigures(JdbcClient jdbc, TeamCoverage teams, IndicatorService indicators) {
		this.jdbc = jdbc;
		this.teams = teams;
		this.indicators = indicators;
	}

	/**
	 * A village's report of a month as the figures see it: {@code expected} when the village has an active
	 * team; {@code status} null when there is no report; {@code late} only for a sent report sent late.
	 */
	public record VillageState(long villageId, long communeId, boolean expected, ReportStatus status, boolean sent,
			boolean late) {

		public boolean returned() {
			return status == ReportStatus.RETURNED;
		}

	}

	/**
	 * A commune's reports of a month: its villages; those expected to report (with an active team); of these,
	 * the ones whose report was sent, on time or late, and the missing ones, not sent, of which {@code returned}
	 * were sent and returned.
	 */
	public record ReportCounts(int villages, int expected, int sent, int onTime, int late, int missing, int returned) {

		public static final ReportCounts NONE = new ReportCounts(0, 0, 0, 0, 0, 0, 0);

		public static ReportCounts of(Collection<VillageState> villages) {
			int expected = 0;
			int sent = 0;
			int late = 0;
			int returned = 0;
			for (VillageState village : villages) {
				if (village.expected()) {
					expected++;
					sent += village.sent() ? 1 : 0;
					late += village.late() ? 1 : 0;
					returned += village.returned() ? 1 : 0;
				}
			}
			return new ReportCounts(villages.size(), expected, sent, sent - late, late, expected - sent, returned);
		}

		public ReportCounts plus(ReportCounts other) {
			return new ReportCounts(villages + other.villages, expected + other.expected, sent + other.sent,
					onTime + other.onTime, late + other.late, missing + other.missing, returned + other.returned);
		}

	}

	/**
	 * A commune's figures over a period: indicator id to value (a FLOW's sum over the period, a STOCK's level at
	 * its end; absent where no village sent one), the same from January to the period's end ({@code yearToDate},
	 * what progress against the year's targets reads; equal to {@code byIndicator} for a period from January),
	 * and the households and adults of its villages, which percentage indicators are shares of.
	 */
	public record Values(Map<Long, Long> byIndicator, Map<Long, Long> yearToDate, long households, long adults) {

		public static final Values NONE = new Values(Map.of(), Map.of(), 0, 0);

		/** The figure of an indicator; null when no village sent one. */
		public Long value(IndicatorSummary indicator) {
			return byIndicator.get(indicator.id());
		}

	}

	/** What the villages of some communes did in a month besides the indicators, from their sent reports. */
	public record Activities(long sessionsHeld, long residentsGuided, long householdsVisited, long reports) {
	}

	/** A value of a report as it was stored, whatever the report's status: what the raw exports list. */
	public record RawValue(long villageId, YearMonth month, ReportStatus status, Boolean late, long indicatorId,
			long value) {
	}

	/** The reports of a month of the communes' villages, by village id; every village of the month is there. */
	public Map<Long, VillageState> villages(Collection<Long> communeIds, YearMonth month) {
		Map<Long, VillageState> found = new HashMap<>();
		if (communeIds.isEmpty()) {
			return found;
		}
		planForTheArea();
		record Row(long villageId, long communeId, ReportStatus status, boolean sent, boolean late) {
		}
		List<Row> rows = jdbc.sql("""
				SELECT av.village_id, av.commune_id, r.status, coalesce(village_report_sent(r.status), false) AS sent,
				       coalesce(village_report_sent(r.status) AND r.late, false) AS late
				FROM area_villages(:communes, :on) av
				LEFT JOIN village_report r ON r.village_id = av.village_id AND r.period = :period
				WHERE av.closed_on IS NULL OR av.closed_on > :on""")
			.param("communes", ids(communeIds))
			.param("on", month.atEndOfMonth())
			.param("period", month.atDay(1))
			.query((rs, n) -> new Row(rs.getLong("village_id"), rs.getLong("commune_id"),
					rs.getString("status") == null ? null : ReportStatus.valueOf(rs.getString("status")),
					rs.getBoolean("sent"), rs.getBoolean("late")))
			.list();
		Set<Long> withTeam = teams.withActiveTeam(rows.stream().map(Row::villageId).toList(), month.atEndOfMonth());
		for (Row row : rows) {
			found.put(row.villageId(), new VillageState(row.villageId(), row.communeId(),
					withTeam.contains(row.villageId()), row.status(), row.sent(), row.late()));
		}
		return found;
	}

	/** The reports of a month of each commune ({@link ReportCounts}), by commune id; every commune is there. */
	public Map<Long, ReportCounts> counts(Collection<Long> communeIds, YearMonth month) {
		Map<Long, List<VillageState>> byCommune = new HashMap<>();
		communeIds.forEach(id -> byCommune.put(id, new ArrayList<>()));
		villages(communeIds, month).values().forEach(village -> byCommune.get(village.communeId()).add(village));
		Map<Long, ReportCounts> counts = new HashMap<>();
		byCommune.forEach((id, villages) -> counts.put(id, ReportCounts.of(villages)));
		return counts;
	}

	/**
	 * Each commune's figures from {@code from} to {@code to}, months of one year: a FLOW's sum over those months,
	 * a STOCK's level at {@code to} (an indicator no village sent a value of in the period is absent), and the same
	 * from January; every commune is there. A FLOW's sum is the year to date at {@code to} less that at the month
	 * before {@code from}, so it costs the same for a month, a quarter or a year, and the figures of both spans come
	 * from the rows in force at those two months alone.
	 */
	public Map<Long, Values> values(Collection<Long> communeIds, YearMonth from, YearMonth to) {
		if (from.getYear() != to.getYear() || from.isAfter(to)) {
			throw new IllegalArgumentException("A period of figures is months of one year: " + from + " to " + to);
		}
		Map<Long, Map<Long, Long>> byCommune = new HashMap<>();
		Map<Long, Map<Long, Long>> sinceJanuary = new HashMap<>();
		Map<Long, long[]> denominators = new HashMap<>();
		communeIds.forEach(id -> {
			byCommune.put(id, new HashMap<>());
			sinceJanuary.put(id, new HashMap<>());
			denominators.put(id, new long[2]);
		});
		if (communeIds.isEmpty()) {
			return Map.of();
		}
		planForTheArea();
		Long[] communes = ids(communeIds);
		LocalDate on = to.atEndOfMonth();
		YearMonth before = from.minusMonths(1);
		boolean fromJanuary = from.getMonthValue() == 1;
		Long[] stock = stockIndicators();
		// a row of the period that a later row of the period replaced is in force at neither month: it is not read
		// (the later row, in force at the end, says a value was sent in the period)
		jdbc.sql("""
				SELECT av.commune_id, f.indicator_id,
				       sum(CASE WHEN f.indicator_id = ANY (:stock) THEN f.value ELSE f.year_to_date END)
				         FILTER (WHERE f.period <= :to AND f.until > :to
				                 AND (f.indicator_id = ANY (:stock) AND (av.closed_on IS NULL OR av.closed_on > :on)
				                      OR NOT f.indicator_id = ANY (:stock) AND f.period >= :year)) AS at_end,
				       sum(f.year_to_date)
				         FILTER (WHERE f.period <= :before AND f.until > :before AND f.period >= :year
				                 AND NOT f.indicator_id = ANY (:stock)) AS at_start,
				       bool_or(f.indicator_id = ANY (:stock) OR f.period >= :from) AS sent_in_period,
				       bool_or(f.indicator_id = ANY (:stock) OR f.period >= :year) AS sent_in_year
				FROM area_villages(:communes, :on) av JOIN village_figure f ON f.village_id = av.village_id
				WHERE f.until > :in_force_after AND f.period <= :to AND (f.until > :to OR f.period <= :before)
				GROUP BY av.commune_id, f.indicator_id""")
			.param("communes", communes)
			.param("on", on)
			.param("stock", stock)
			.param("to", to.atDay(1))
			.param("from", from.atDay(1))
			.param("before", before.atDay(1))
			.param("year", LocalDate.of(to.getYear(), 1, 1))
			// the rows in force at the month before the period and those in force at its end; from January, the year
			// to date starts at nothing, so only the rows in force at the end are read, not every row of the year
			.param("in_force_after", fromJanuary ? to.atDay(1) : before.atDay(1))
			.query((ResultSet rs) -> {
				long atEnd = rs.getLong("at_end");
				if (!rs.wasNull()) {
					long commune = rs.getLong("commune_id");
					long indicator = rs.getLong("indicator_id");
					if (rs.getBoolean("sent_in_period")) {
						byCommune.get(commune).put(indicator, atEnd - rs.getLong("at_start"));
					}
					if (rs.getBoolean("sent_in_year")) {
						sinceJanuary.get(commune).put(indicator, atEnd);
					}
				}
			});
		jdbc.sql("""
				SELECT commune_id, coalesce(sum(households), 0), coalesce(sum(adults), 0)
				FROM area_villages(:communes, :on) WHERE closed_on IS NULL OR closed_on > :on GROUP BY commune_id""")
			.param("communes", communes)
			.param("on", on)
			.query((ResultSet rs) -> {
				denominators.put(rs.getLong(1), new long[] { rs.getLong(2), rs.getLong(3) });
			});
		Map<Long, Values> values = new HashMap<>();
		byCommune.forEach((id, figures) -> values.put(id, new Values(Map.copyOf(figures),
				Map.copyOf(sinceJanuary.get(id)), denominators.get(id)[0], denominators.get(id)[1])));
		return values;
	}

	/**
	 * Which tree groups the villages of a span of months: as each month's report was made (a village counts in
	 * the commune it belonged to that month), or as the units stand today (a village counts in today's commune
	 * for every month, with the villages that merged into it).
	 */
	public enum View {

		AS_REPORTED, TODAY

	}

	/**
	 * The figures of all the communes together for each month from {@code from} to {@code to}: month to indicator
	 * id to value, a FLOW's month total or a STOCK's level at the month; a month or indicator nobody sent a value
	 * for is absent. {@code today} is the date the TODAY view reads the tree at.
	 */
	public Map<YearMonth, Map<Long, Long>> monthly(Collection<Long> communeIds, YearMonth from, YearMonth to, View view,
			LocalDate today) {
		Map<YearMonth, Map<Long, Long>> found = new TreeMap<>();
		if (communeIds.isEmpty()) {
			return found;
		}
		planForTheArea();
		// each village's span of membership: versions under the communes, or today's villages for all time
		String villages = view == View.AS_REPORTED ? """
				SELECT village_id, valid_from, valid_to FROM area_village_periods(:communes, :from, :lastDay)"""
				: """
				SELECT village_id, DATE '-infinity' AS valid_from, coalesce(closed_on, DATE 'infinity') AS valid_to
				FROM area_villages(:communes, :today)""";
		jdbc.sql("""
				SELECT CAST(m.month AS date) AS month, f.indicator_id, sum(f.value) AS value
				FROM (%s) av JOIN village_figure f ON f.village_id = av.village_id
				CROSS JOIN LATERAL generate_series(greatest(f.period, :from),
				    CASE WHEN f.indicator_id = ANY (:stock) THEN least(f.until - interval '1 month', :to) ELSE f.period END,
				    interval '1 month') m (month)
				WHERE f.until > :from AND f.period <= :to
				  AND av.valid_from <= CAST(m.month + interval '1 month - 1 day' AS date)
				  AND av.valid_to > CAST(m.month + interval '1 month - 1 day' AS date)
				GROUP BY 1, 2""".formatted(villages))
			.param("communes", ids(communeIds))
			.param("today", today)
			.param("lastDay", to.atEndOfMonth())
			.param("stock", stockIndicators())
			.param("from", from.atDay(1))
			.param("to", to.atDay(1))
			.query((ResultSet rs) -> {
				found.computeIfAbsent(YearMonth.from(rs.getObject("month", LocalDate.class)), month -> new HashMap<>())
					.put(rs.getLong("indicator_id"), rs.getLong("value"));
			});
		return found;
	}

	/** What the communes' villages did in a month besides the indicators, from their sent reports. */
	public Activities activities(Collection<Long> communeIds, YearMonth month) {
		if (communeIds.isEmpty()) {
			return new Activities(0, 0, 0, 0);
		}
		planForTheArea();
		return jdbc.sql("""
				SELECT coalesce(sum(r.sessions_held), 0), coalesce(sum(r.residents_guided), 0),
				       coalesce(sum(r.households_visited), 0), count(*)
				FROM area_villages(:communes, :on) av
				JOIN village_report r ON r.village_id = av.village_id AND r.period = :period
				WHERE village_report_sent(r.status)""")
			.param("communes", ids(communeIds))
			.param("on", month.atEndOfMonth())
			.param("period", month.atDay(1))
			.query((rs, n) -> new Activities(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
			.single();
	}

	/**
	 * The obstacles not resolved yet of each commune, those raised by its villages (as they stood on
	 * {@code on}) and by the commune itself; communes without any are absent.
	 */
	public Map<Long, Long> openObstacles(Collection<Long> communeIds, LocalDate on) {
		Map<Long, Long> found = new HashMap<>();
		if (communeIds.isEmpty()) {
			return found;
		}
		planForTheArea();
		jdbc.sql("""
				SELECT units.commune_id, count(*)
				FROM (SELECT village_id AS unit_id, commune_id FROM area_villages(:communes, :on)
				      UNION ALL SELECT c, c FROM unnest(CAST(:communes AS bigint[])) c) units
				JOIN obstacle o ON o.unit_id = units.unit_id
				WHERE o.status <> 'RESOLVED'
				GROUP BY units.commune_id""")
			.param("communes", ids(communeIds))
			.param("on", on)
			.query((ResultSet rs) -> {
				found.put(rs.getLong(1), rs.getLong(2));
			});
		return found;
	}

	/**
	 * The stored values of the villages' reports from {@code from} to {@code to}, whatever their status, in the
	 * order of the villages given, then by month and indicator id.
	 */
	public List<RawValue> rawValues(List<Long> villageIds, YearMonth from, YearMonth to) {
		if (villageIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				SELECT r.village_id, r.period, r.status, r.late, v.indicator_id, v.value
				FROM unnest(CAST(:villages AS bigint[])) WITH ORDINALITY AS given (village_id, n)
				JOIN village_report r ON r.village_id = given.village_id AND r.period BETWEEN :from AND :to
				JOIN village_report_value v ON v.report_id = r.id
				ORDER BY given.n, r.period, v.indicator_id""")
			.param("villages", ids(villageIds))
			.param("from", from.atDay(1))
			.param("to", to.atDay(1))
			.query((rs, n) -> new RawValue(rs.getLong("village_id"),
					YearMonth.from(rs.getObject("period", LocalDate.class)), ReportStatus.valueOf(rs.getString("status")),
					(Boolean) rs.getObject("late"), rs.getLong("indicator_id"), rs.getLong("value")))
			.list();
	}

	/** A village's latest sent value of each indicator before a month, with the month it was sent for. */
	Map<Long, VillageReportService.PreviousValue> previousValues(long villageId, YearMonth period) {
		Map<Long, VillageReportService.PreviousValue> previous = new HashMap<>();
		LocalDate before = period.minusMonths(1).atDay(1);
		jdbc.sql("""
				SELECT indicator_id, value, period FROM village_figure
				WHERE village_id = :village AND until > :before AND period <= :before""")
			.param("village", villageId)
			.param("before", before)
			.query((ResultSet rs) -> {
				previous.put(rs.getLong("indicator_id"), new VillageReportService.PreviousValue(rs.getInt("value"),
						YearMonth.from(rs.getObject("period", LocalDate.class))));
			});
		return previous;
	}

	private Long[] stockIndicators() {
		return indicators.all()
			.stream()
			.filter(indicator -> indicator.kind() == IndicatorKind.STOCK)
			.map(IndicatorSummary::id)
			.toArray(Long[]::new);
	}

	/**
	 * Has the rest of the transaction plan each statement for its own parameters, with room to group a country. The
	 * same statement reads a district's hundred villages or a country's 74,000: the generic plan PostgreSQL takes
	 * for a statement prepared five times guesses 33 villages, and read the whole country's figures village by
	 * village through a bitmap and a sort (its groups alone, without their sums: 4.1 s against 1.7 s); and the
	 * country's 120,000 commune and indicator groups, in PostgreSQL's default 4 MB of work memory, went to disk in
	 * 21 batches (4.7 s, 2.2 s with 32 MB). A district's groups take a few kilobytes of it whatever the setting, and
	 * a report's own statements, outside these reads, keep their generic plans.
	 */
	private void planForTheArea() {
		jdbc.sql("SELECT set_config('plan_cache_mode', 'force_custom_plan', true), set_config('work_mem', '32MB', true)")
			.query((ResultSet rs) -> {
			});
	}

	private static Long[] ids(Collection<Long> ids) {
		return ids.toArray(Long[]::new);
	}

}
