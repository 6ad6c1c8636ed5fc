package vn.cnscd.portal.area;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

import vn.cnscd.portal.IntegrationTest;
import vn.cnscd.portal.MutableClock;
import vn.cnscd.portal.dashboard.CommuneFigures;
import vn.cnscd.portal.dashboard.Dashboard;
import vn.cnscd.portal.dashboard.DashboardService;
import vn.cnscd.portal.dashboard.Progress;
import vn.cnscd.portal.dashboard.Trend;
import vn.cnscd.portal.indicator.IndicatorService;
import vn.cnscd.portal.indicator.IndicatorSummary;
import vn.cnscd.portal.reporting.ReportFigures;

/**
 * A merge, a part transfer and a move, on 01/07/2031, with every figure worked out by hand:
 *
 * <pre>
 * District 298 (demo), in 2031 where the demo has no reports; every village sends, approved, on time:
 *   A (11074) village a: XHS01 10 × month, CQS04 1 a month
 *   B (11083) village b: XHS01 100,        CQS04 2 a month
 *   C (11086) village c1: XHS01 50,        CQS04 3 a month  → goes to N with the part transfer
 *             village c2: XHS01 7,         CQS04 4 a month
 * On 01/07/2031: A and B merge into N (new, 99001, under the district); c1 goes from C to N; C moves under
 * the province. Now is 20/10/2031.
 *
 * June, as reported:  A 60 | 6,  B 100 | 12,  C 57 | 42; the district 217 | 60
 * September:          N 90 + 100 + 50 = 240 | 9 + 18 + 27 = 54 (its villages' year);  C 7 | 36
 *                     the district (N and the others) 240 | 54; the province 247 | 90
 * N's trend, as reported: nothing until June, then 220 | 6, 230 | 6, 240 | 6
 * N's trend, today's units: January 160 | 6 … June 210 | 6, then as reported
 * </pre>
 */
@IntegrationTest
@Transactional
class ReorganisationFiguresTests {

	static final LocalDate D = LocalDate.of(2031, 7, 1);

	static final YearMonth JUNE = YearMonth.of(2031, 6);

	static final YearMonth SEPTEMBER = YearMonth.of(2031, 9);

	@Autowired
	ReorganisationService reorganisations;

	@Autowired
	DashboardService dashboards;

	@Autowired
	UnitService units;

	@Autowired
	IndicatorService indicators;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	UnitSummary district;

	UnitSummary province;

	UnitSummary a;

	UnitSummary b;

	UnitSummary c;

	UnitSummary villageA;

	UnitSummary villageB;

	UnitSummary c1;

	UnitSummary c2;

	IndicatorSummary xhs01;

	IndicatorSummary cqs04;

	Actor admin;

	@BeforeEach
	void threeCommunesOf2031() {
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

	private long reorganise() {
		ReorganisationPlan plan = ReorganisationPlan.empty()
			.opening(new ReorganisationPlan.NewUnit(-1, district.id(), UnitKind.XA, "99001", "Tân Hợp"))
			.with(ReorganisationPlan.Step.transfer(List.of(c1.id()), -1))
			.with(ReorganisationPlan.Step.merge(List.of(a.id(), b.id()), -1))
			.with(ReorganisationPlan.Step.move(List.of(c.id()), province.id()));
		long id = reorganisations.start(admin,
				new ReorganisationService.Basis("99/NQ-UBTVQH15", LocalDate.of(2031, 6, 1), "Ủy ban Thường vụ Quốc hội", D),
				plan);
		ReorganisationService.Reorganisation draft = reorganisations.get(admin, id);
		assertThat(reorganisations.record(admin, id, Map.of(), draft.version()))
			.isEqualTo(ReorganisationService.Status.IN_FORCE);
		return id;
	}

	@Test
	void thePreviewSaysWhatWillChangeAndNothingChangesUntilItIsRecorded() {
		ReorganisationPlan plan = ReorganisationPlan.empty()
			.opening(new ReorganisationPlan.NewUnit(-1, district.id(), UnitKind.XA, "99001", "Tân Hợp"))
			.with(ReorganisationPlan.Step.transfer(List.of(c1.id()), -1))
			.with(ReorganisationPlan.Step.merge(List.of(a.id(), b.id()), -1))
			.with(ReorganisationPlan.Step.move(List.of(c.id()), province.id()));
		long id = reorganisations.start(admin,
				new ReorganisationService.Basis("99/NQ-UBTVQH15", LocalDate.of(2031, 6, 1), "Ủy ban Thường vụ Quốc hội", D),
				plan);
		ReorganisationService.Preview preview = reorganisations.preview(admin, id);

		assertThat(preview.problems()).isEmpty();
		assertThat(preview.opened()).extracting(opened -> opened.unit().name()).containsExactly("Tân Hợp");
		assertThat(preview.closed()).extracting(closed -> closed.unit().code()).containsExactlyInAnyOrder("11074", "11083");
		assertThat(preview.closed()).allSatisfy(closed -> assertThat(closed.successors())
			.extracting(UnitName::name).containsExactly("Tân Hợp"));
		assertThat(preview.villagesMoved()).hasSize(units.openChildren(a.id()).size() + units.openChildren(b.id()).size() + 1);
		assertThat(preview.unitsMoved()).extracting(moved -> moved.unit().code()).containsExactly("11086");
		assertThat(preview.followers()).extracting(PreviewLine::key).contains("reorganisation.preview.teamsEnded",
				"reorganisation.preview.teamsNeeded", "reorganisation.preview.accounts");
		PreviewLine accounts = preview.followers().stream()
			.filter(line -> line.key().equals("reorganisation.preview.accounts"))
			.findFirst()
			.orElseThrow();
		// the chair of the township is proposed the new commune; the commune is not there yet, so a reference
		assertThat(accounts.choices()).anySatisfy(choice -> {
			assertThat(choice.label()).contains("commune");
			assertThat(choice.chosen()).isEqualTo(-1);
		});
		assertThat(units.findOpen(UnitLevel.COMMUNE, "11074")).isPresent();
		assertThat(units.findOpen(UnitLevel.COMMUNE, "99001")).isEmpty();
	}

	@Test
	void theFiguresOfJuneStayAsReportedAndSeptemberCountsTheNewTree() {
		Map<String, long[]> juneBefore = figures(dashboards.figures(admin, district, JUNE));
		reorganise();
		UnitSummary n = units.findOpen(UnitLevel.COMMUNE, "99001").orElseThrow();

		Map<String, long[]> june = figures(dashboards.figures(admin, district, JUNE));
		assertThat(june).containsOnlyKeys(juneBefore.keySet());
		juneBefore.forEach((code, values) -> assertThat(june.get(code)).as(code).containsExactly(values));
		assertThat(june.get("11074")).containsExactly(60, 6);
		assertThat(june.get("11083")).containsExactly(100, 12);
		assertThat(june.get("11086")).containsExactly(57, 42);
		assertThat(june.get("total")).containsExactly(217, 60);

		Map<String, long[]> september = figures(dashboards.figures(admin, district, SEPTEMBER));
		assertThat(september).doesNotContainKeys("11074", "11083", "11086");
		assertThat(september.get("99001")).containsExactly(240, 54);
		assertThat(september.get("total")).containsExactly(240, 54);
		Map<String, long[]> provinceSeptember = figures(dashboards.figures(admin, province, SEPTEMBER));
		assertThat(provinceSeptember.get("11086")).containsExactly(7, 36);
		assertThat(provinceSeptember.get("total")).containsExactly(247, 90);
		// a province's figures are the sum of its communes'
		long[] sum = provinceSeptember.entrySet()
			.stream()
			.filter(entry -> !entry.getKey().equals("total"))
			.map(Map.Entry::getValue)
			.reduce(new long[2], (x, y) -> new long[] { x[0] + y[0], x[1] + y[1] });
		assertThat(sum).containsExactly(provinceSeptember.get("total"));

		assertThat(values(dashboards.trends(admin, n, SEPTEMBER, 9, ReportFigures.View.AS_REPORTED)))
			.containsExactly("0|0", "0|0", "0|0", "0|0", "0|0", "0|0", "220|6", "230|6", "240|6");
		assertThat(values(dashboards.trends(admin, n, SEPTEMBER, 9, ReportFigures.View.TODAY)))
			.containsExactly("160|6", "170|6", "180|6", "190|6", "200|6", "210|6", "220|6", "230|6", "240|6");
		UnitSummary movedC = units.get(c.id());
		assertThat(values(dashboards.trends(admin, movedC, SEPTEMBER, 9, ReportFigures.View.AS_REPORTED)))
			.containsExactly("57|7", "57|7", "57|7", "57|7", "57|7", "57|7", "7|4", "7|4", "7|4");
		assertThat(values(dashboards.trends(admin, movedC, SEPTEMBER, 9, ReportFigures.View.TODAY)))
			.allMatch("7|4"::equals);
	}

	@Test
	void peopleAndTeamsFollowAndTheNewChairReadsThePast() {
		reorganise();
		UnitSummary n = units.findOpen(UnitLevel.COMMUNE, "99001").orElseThrow();

		assertThat(units.get(a.id()).closed()).isTrue();
		assertThat(units.get(a.id()).validTo()).isEqualTo(D);
		assertThat(units.get(c1.id()).parentId()).isEqualTo(n.id());
		assertThat(units.get(c.id()).parentId()).isEqualTo(province.id());
		assertThat(units.at(c1.id(), JUNE.atEndOfMonth()).orElseThrow().parentId()).isEqualTo(c.id());
		assertThat(units.successions(List.of(a.id(), c.id())).get(a.id()))
			.extracting(Succession::successorId, Succession::kind)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(n.id(), SuccessionKind.MERGED));
		assertThat(jdbc.sql("SELECT dissolved_on FROM team WHERE unit_id = :a AND level = 'COMMUNE' AND dissolved_on > DATE '2031-01-01'")
			.param("a", a.id())
			.query(LocalDate.class)
			.single()).isEqualTo(D);
		assertThat(jdbc.sql("SELECT count(*) FROM team WHERE unit_id = :v AND status = 'ACTIVE'")
			.param("v", villageA.id())
			.query(Long.class)
			.single()).isOne();

		long chair = jdbc.sql("SELECT home_unit_id FROM app_user WHERE username = 'commune'").query(Long.class).single();
		assertThat(chair).isEqualTo(n.id());
		List<String> scope = units.scopePaths(Role.COMMUNE_CHAIR, n.id(), List.of());
		Actor newChair = new Actor(0, "commune", "Chủ tịch", Role.COMMUNE_CHAIR, n.id(), scope);
		assertThat(newChair.covers(units.get(a.id()))).isTrue();
		assertThat(newChair.covers(units.at(villageA.id(), JUNE.atEndOfMonth()).orElseThrow())).isTrue();
		assertThat(newChair.covers(units.get(c1.id()))).isTrue();
		assertThat(newChair.covers(units.get(c.id()))).isFalse();
		assertThat(newChair.covers(units.get(c2.id()))).isFalse();
		assertThat(dashboards.mayRead(newChair, units.get(a.id()))).isTrue();
	}

	/** Commune code (and "total") to its XHS01 and CQS04 year to date. */
	private Map<String, long[]> figures(Dashboard dashboard) {
		Function<CommuneFigures, long[]> values = line -> new long[] { achieved(line, xhs01), achieved(line, cqs04) };
		Map<String, long[]> found = dashboard.ranking()
			.stream()
			.filter(line -> achieved(line, xhs01) + achieved(line, cqs04) > 0)
			.collect(Collectors.toMap(line -> line.commune().code(), values));
		found.put("total", values.apply(dashboard.total()));
		return found;
	}

	private static long achieved(CommuneFigures line, IndicatorSummary indicator) {
		return line.progress().stream().filter(p -> p.indicator().id() == indicator.id()).mapToLong(Progress::achieved)
			.sum();
	}

	/** Each month of the trends as "XHS01|CQS04". */
	private List<String> values(List<Trend> trends) {
		Trend stock = trends.stream().filter(t -> t.indicator().id() == xhs01.id()).findFirst().orElseThrow();
		Trend flow = trends.stream().filter(t -> t.indicator().id() == cqs04.id()).findFirst().orElseThrow();
		return java.util.stream.IntStream.range(0, stock.values().size())
			.mapToObj(i -> stock.values().get(i) + "|" + flow.values().get(i))
			.toList();
	}

}
