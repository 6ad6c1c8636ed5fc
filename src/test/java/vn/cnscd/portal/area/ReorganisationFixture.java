package vn.cnscd.portal.area;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

import vn.cnscd.portal.MutableClock;
import vn.cnscd.portal.indicator.IndicatorService;
import vn.cnscd.portal.indicator.IndicatorSummary;

/**
 * Three communes of the demo district in 2031, where the demo has no reports (every demo report, obstacle and
 * team is removed first, inside the test's transaction); every village sends, approved, on time:
 *
 * <pre>
 *   A (11074) village a: XHS01 10 × month, CQS04 1 a month
 *   B (11083) village b: XHS01 100,        CQS04 2 a month
 *   C (11086) village c1: XHS01 50,        CQS04 3 a month  → goes to N with the part transfer
 *             village c2: XHS01 7,         CQS04 4 a month
 * </pre>
 *
 * {@link #reorganise()} records, on 01/07/2031: A and B merge into N (new, 99001, under the district); c1 goes
 * from C to N; C moves under the province. Now is 20/10/2031.
 */
class ReorganisationFixture {

	static final LocalDate D = LocalDate.of(2031, 7, 1);

	final ReorganisationService reorganisations;

	final UnitService units;

	final JdbcClient jdbc;

	final UnitSummary district;

	final UnitSummary province;

	final UnitSummary a;

	final UnitSummary b;

	final UnitSummary c;

	final UnitSummary villageA;

	final UnitSummary villageB;

	final UnitSummary c1;

	final UnitSummary c2;

	final IndicatorSummary xhs01;

	final IndicatorSummary cqs04;

	final Actor admin;

	ReorganisationFixture(ReorganisationService reorganisations, UnitService units, IndicatorService indicators,
			JdbcClient jdbc, MutableClock clock) {
		this.reorganisations = reorganisations;
		this.units = units;
		this.jdbc = jdbc;
		clock.set(LocalDateTime.of(2031, 10, 20, 9, 0).atZone(ZoneId.of("Asia/Ho_Chi_Minh")).toInstant());
		district = units.findOpen(UnitLevel.DISTRICT, "298").orElseThrow();
		province = units.root();
		a = units.findOpen(UnitLevel.COMMUNE, "11074").orElseThrow();
		b = units.findOpen(UnitLevel.COMMUNE, "11083").orElseThrow();
		c = units.findOpen(UnitLevel.COMMUNE, "11086").orElseThrow();
		villageA = units.openChildren(a.id()).get(0);
		villageB = units.openChildren(b.id()).get(0);
		c1 = units.openChildren(c.id()).get(0);
		c2 = units.openChildren(c.id()).get(1);
		xhs01 = indicators.all().stream().filter(i -> i.code().equals("XHS01")).findFirst().orElseThrow();
		cqs04 = indicators.all().stream().filter(i -> i.code().equals("CQS04")).findFirst().orElseThrow();
		long adminId = jdbc.sql("SELECT id FROM app_user WHERE username = 'admin'").query(Long.class).single();
		admin = new Actor(adminId, "admin", "Quản trị", Role.ADMIN, province.id(), List.of(province.path()));

		jdbc.sql("DELETE FROM village_report_value").update();
		jdbc.sql("DELETE FROM village_report").update();
		jdbc.sql("DELETE FROM obstacle_answer").update();
		jdbc.sql("DELETE FROM obstacle").update();
		jdbc.sql("UPDATE team SET status = 'DISSOLVED', dissolved_on = DATE '2030-12-31' WHERE status = 'ACTIVE'")
			.update();
		for (UnitSummary unit : List.of(a, b, c)) {
			jdbc.sql("INSERT INTO team (unit_id, level, name) VALUES (:u, 'COMMUNE', 'Tổ CNSCĐ xã')")
				.param("u", unit.id())
				.update();
		}
		for (UnitSummary village : List.of(villageA, villageB, c1, c2)) {
			jdbc.sql("INSERT INTO team (unit_id, level, name) VALUES (:u, 'VILLAGE', 'Tổ CNSCĐ thôn')")
				.param("u", village.id())
				.update();
		}
		for (int month = 1; month <= 9; month++) {
			YearMonth period = YearMonth.of(2031, month);
			report(villageA, period, 10 * month, 1);
			report(villageB, period, 100, 2);
			report(c1, period, 50, 3);
			report(c2, period, 7, 4);
		}
	}

	private void report(UnitSummary village, YearMonth month, int stock, int flow) {
		long id = jdbc.sql("""
				INSERT INTO village_report (village_id, period, status, submitted_at, late)
				VALUES (:v, :p, 'APPROVED', now(), false) RETURNING id""")
			.param("v", village.id())
			.param("p", month.atDay(1))
			.query(Long.class)
			.single();
		jdbc.sql("INSERT INTO village_report_value (report_id, indicator_id, value) VALUES (:r, :s, :sv), (:r, :f, :fv)")
			.param("r", id)
			.param("s", xhs01.id())
			.param("sv", stock)
			.param("f", cqs04.id())
			.param("fv", flow)
			.update();
	}

	ReorganisationPlan plan() {
		return ReorganisationPlan.empty()
			.opening(new ReorganisationPlan.NewUnit(-1, district.id(), UnitKind.XA, "99001", "Tân Hợp"))
			.with(ReorganisationPlan.Step.transfer(List.of(c1.id()), -1))
			.with(ReorganisationPlan.Step.merge(List.of(a.id(), b.id()), -1))
			.with(ReorganisationPlan.Step.move(List.of(c.id()), province.id()));
	}

	long draft() {
		return reorganisations.start(admin,
				new ReorganisationService.Basis("99/NQ-UBTVQH15", LocalDate.of(2031, 6, 1), "Ủy ban Thường vụ Quốc hội", D),
				plan());
	}

	long reorganise() {
		long id = draft();
		ReorganisationService.Reorganisation draft = reorganisations.get(admin, id);
		assertThat(reorganisations.record(admin, id, Map.of(), draft.version()))
			.isEqualTo(ReorganisationService.Status.IN_FORCE);
		return id;
	}

}
