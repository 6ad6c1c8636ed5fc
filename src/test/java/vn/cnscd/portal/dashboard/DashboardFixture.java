package vn.cnscd.portal.dashboard;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

import vn.cnscd.portal.MutableClock;
import vn.cnscd.portal.area.UnitLevel;
import vn.cnscd.portal.area.UnitService;
import vn.cnscd.portal.area.UnitSummary;
import vn.cnscd.portal.indicator.IndicatorService;
import vn.cnscd.portal.indicator.IndicatorSummary;

/**
 * A small district month whose figures are worked out by hand in the tests, in 2030 where the demo has no
 * targets. Every demo report, obstacle and team of the district is removed first (inside the test's
 * transaction), then:
 *
 * <pre>
 * Thị trấn Tứ Kỳ (11074), a commune team; villages a1, a2, a3 with a team (adults 200, 100, 100; others 0)
 *   a1  Dec 2029 XHS01 90 CQS04 1000 | Jan XHS01 100 CQS04 10 | Feb APPROVED on time 150, 20 | Mar 500, 100
 *   a2  Jan 50, 5                     | Feb SUBMITTED late 60, 7
 *   a3  Feb RETURNED 999, 999
 *   targets 2030: XHS01 60 % of adults (240 people), CQS04 40
 * 11083, no commune team; villages b1, b2 with a team (adults 100, 100)
 *   b1  Feb SUBMITTED on time 30, 4;  b2 nothing
 *   targets 2030: XHS01 50 % (100 people), CQS04 10
 * obstacles: a2 OPEN, 11083 ANSWERED, a1 RESOLVED
 * </pre>
 *
 * Now is 20/03/2030, so the default month is February 2030 (its villages' due date, 05/03, has passed).
 */
public class DashboardFixture {

	public static final YearMonth FEBRUARY = YearMonth.of(2030, 2);

	public final JdbcClient jdbc;

	public final UnitSummary district;

	public final UnitSummary a;

	public final UnitSummary b;

	public final List<UnitSummary> aVillages;

	public final List<UnitSummary> bVillages;

	public final IndicatorSummary xhs01;

	public final IndicatorSummary cqs04;

	public DashboardFixture(JdbcClient jdbc, UnitService units, IndicatorService indicators, MutableClock clock) {
		this.jdbc = jdbc;
		district = units.findOpen(UnitLevel.DISTRICT, "298").orElseThrow();
		a = units.findOpen(UnitLevel.COMMUNE, "11074").orElseThrow();
		b = units.findOpen(UnitLevel.COMMUNE, "11083").orElseThrow();
		aVillages = units.openChildren(a.id());
		bVillages = units.openChildren(b.id());
		xhs01 = indicators.all().stream().filter(i -> i.code().equals("XHS01")).findFirst().orElseThrow();
		cqs04 = indicators.all().stream().filter(i -> i.code().equals("CQS04")).findFirst().orElseThrow();
		clock.set(LocalDateTime.of(2030, 3, 20, 9, 0).atZone(ZoneId.of("Asia/Ho_Chi_Minh")).toInstant());

		jdbc.sql("DELETE FROM village_report_value").update();
		jdbc.sql("DELETE FROM village_report").update();
		jdbc.sql("DELETE FROM obstacle_answer").update();
		jdbc.sql("DELETE FROM obstacle").update();
		jdbc.sql("UPDATE team SET status = 'DISSOLVED', dissolved_on = DATE '2029-12-31' WHERE status = 'ACTIVE'")
			.update();
		jdbc.sql("UPDATE unit SET adults = 0, households = 0 WHERE parent_id IN (:a, :b)")
			.param("a", a.id())
			.param("b", b.id())
			.update();

		team(a, "COMMUNE", null, null);
		adults(aVillages.get(0), 200);
		adults(aVillages.get(1), 100);
		adults(aVillages.get(2), 100);
		adults(bVillages.get(0), 100);
		adults(bVillages.get(1), 100);
		team(aVillages.get(0), "VILLAGE", "Nguyễn Văn An", "0912000001");
		team(aVillages.get(1), "VILLAGE", "Trần Thị Bình", "0912000002");
		team(aVillages.get(2), "VILLAGE", "Lê Văn Cường", "0912000003");
		team(bVillages.get(0), "VILLAGE", "Phạm Thị Dung", "0912000004");
		team(bVillages.get(1), "VILLAGE", "Hoàng Văn Em", "0912000005");

		report(aVillages.get(0), YearMonth.of(2029, 12), "APPROVED", false, 90, 1000);
		report(aVillages.get(0), YearMonth.of(2030, 1), "APPROVED", false, 100, 10);
		report(aVillages.get(0), FEBRUARY, "APPROVED", false, 150, 20);
		report(aVillages.get(0), YearMonth.of(2030, 3), "SUBMITTED", false, 500, 100);
		report(aVillages.get(1), YearMonth.of(2030, 1), "SUBMITTED", false, 50, 5);
		report(aVillages.get(1), FEBRUARY, "SUBMITTED", true, 60, 7);
		report(aVillages.get(2), FEBRUARY, "RETURNED", false, 999, 999);
		report(bVillages.get(0), FEBRUARY, "SUBMITTED", false, 30, 4);

		target(a, xhs01, "60");
		target(a, cqs04, "40");
		target(b, xhs01, "50");
		target(b, cqs04, "10");

		obstacle(aVillages.get(1), "OPEN");
		obstacle(b, "ANSWERED");
		obstacle(aVillages.get(0), "RESOLVED");
	}

	private void adults(UnitSummary village, int adults) {
		jdbc.sql("UPDATE unit SET adults = :n WHERE id = :id").param("n", adults).param("id", village.id()).update();
	}

	private void team(UnitSummary unit, String level, String leader, String phone) {
		long team = jdbc.sql("INSERT INTO team (unit_id, level, name) VALUES (:u, :l, 'Tổ CNSCĐ') RETURNING id")
			.param("u", unit.id())
			.param("l", level)
			.query(Long.class)
			.single();
		if (leader != null) {
			jdbc.sql("""
					INSERT INTO team_member (team_id, full_name, search_text, gender, phone, team_role, affiliation, joined_on)
					VALUES (:t, :n, :n, 'MALE', :p, 'LEADER', 'VILLAGE_HEAD', DATE '2029-01-01')""")
				.param("t", team)
				.param("n", leader)
				.param("p", phone)
				.update();
		}
	}

	/** A village's report of a month with its XHS01 (STOCK) and CQS04 (FLOW) values. */
	public void report(UnitSummary village, YearMonth month, String status, boolean late, int xhs01Value,
			int cqs04Value) {
		long id = jdbc.sql("""
				INSERT INTO village_report (village_id, period, status, submitted_at, late)
				VALUES (:v, :p, :s, now(), :late) RETURNING id""")
			.param("v", village.id())
			.param("p", month.atDay(1))
			.param("s", status)
			.param("late", late)
			.query(Long.class)
			.single();
		for (Map.Entry<IndicatorSummary, Integer> value : Map.of(xhs01, xhs01Value, cqs04, cqs04Value).entrySet()) {
			jdbc.sql("INSERT INTO village_report_value (report_id, indicator_id, value) VALUES (:r, :i, :v)")
				.param("r", id)
				.param("i", value.getKey().id())
				.param("v", value.getValue())
				.update();
		}
	}

	private void target(UnitSummary commune, IndicatorSummary indicator, String value) {
		jdbc.sql("INSERT INTO target (indicator_id, unit_id, year, value) VALUES (:i, :u, 2030, :v)")
			.param("i", indicator.id())
			.param("u", commune.id())
			.param("v", new BigDecimal(value))
			.update();
	}

	private void obstacle(UnitSummary unit, String status) {
		jdbc.sql("""
				INSERT INTO obstacle (unit_id, period, source, source_id, text, status, raised_at)
				VALUES (:u, DATE '2030-02-01', 'VILLAGE_REPORT', 0, 'Thiếu máy chiếu', :s, now())""")
			.param("u", unit.id())
			.param("s", status)
			.update();
	}

}
