package vn.cnscd.portal.area;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
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
 * A merge, a part transfer and a move, on 01/07/2031 ({@link ReorganisationFixture}), with every figure worked
 * out by hand:
 *
 * <pre>
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

	static final LocalDate D = ReorganisationFixture.D;

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

	@AfterEach
	void releaseClock() {
		clock.reset();
	}

	ReorganisationFixture fixture;

	UnitSummary district;

	UnitSummary province;

	UnitSummary a;

	UnitSummary c;

	UnitSummary villageA;

	UnitSummary c1;

	UnitSummary c2;

	IndicatorSummary xhs01;

	IndicatorSummary cqs04;

	Actor admin;

	@BeforeEach
	void threeCommunesOf2031() {
		fixture = new ReorganisationFixture(reorganisations, units, indicators, jdbc, clock);
		district = fixture.district;
		province = fixture.province;
		a = fixture.a;
		c = fixture.c;
		villageA = fixture.villageA;
		c1 = fixture.c1;
		c2 = fixture.c2;
		xhs01 = fixture.xhs01;
		cqs04 = fixture.cqs04;
		admin = fixture.admin;
	}

	private long reorganise() {
		return fixture.reorganise();
	}

	@Test
	void thePreviewSaysWhatWillChangeAndNothingChangesUntilItIsRecorded() {
		long id = fixture.draft();
		ReorganisationService.Preview preview = reorganisations.preview(admin, id);

		assertThat(preview.problems()).isEmpty();
		assertThat(preview.opened()).extracting(opened -> opened.unit().name()).containsExactly("Tân Hợp");
		assertThat(preview.closed()).extracting(closed -> closed.unit().code()).containsExactlyInAnyOrder("11074", "11083");
		assertThat(preview.closed()).allSatisfy(closed -> assertThat(closed.successors())
			.extracting(UnitName::name).containsExactly("Tân Hợp"));
		assertThat(preview.villagesMoved()).hasSize(units.openChildren(a.id()).size() + units.openChildren(fixture.b.id()).size() + 1);
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

	/**
	 * A summary's flows of the quarter after the reorganisation count each commune's villages as they stand at its
	 * end: N's sent 6 a month from July (its year to date of 54 holds its predecessors' half year), C's 4 a month
	 * (its year to date of 36 less June's 42, when it had another village, would be -6).
	 */
	@Test
	void aQuartersFlowsAreThoseOfTheCommunesAtItsEnd() {
		reorganise();
		UnitSummary n = units.findOpen(UnitLevel.COMMUNE, "99001").orElseThrow();
		YearMonth july = YearMonth.of(2031, 7);

		Map<Long, Map<Long, Long>> ofDistrict = dashboards.period(admin, district, july, SEPTEMBER).flows();
		assertThat(ofDistrict.get(n.id()).get(cqs04.id())).isEqualTo(18);
		assertThat(ofDistrict.get(district.id()).get(cqs04.id())).isEqualTo(18);
		Map<Long, Map<Long, Long>> ofProvince = dashboards.period(admin, province, july, SEPTEMBER).flows();
		assertThat(ofProvince.get(c.id()).get(cqs04.id())).isEqualTo(12);
		assertThat(ofProvince.get(province.id()).get(cqs04.id())).isEqualTo(30);
		// a STOCK's level is the dashboard's, not a sum over the months
		assertThat(ofProvince.get(c.id())).doesNotContainKey(xhs01.id());
	}

	@Test
	void aVillageMergedIntoAnotherCountsItsFlowsWithItsSuccessor() {
		long id = reorganisations.start(admin, new ReorganisationService.Basis("7/NQ-HĐND", LocalDate.of(2031, 6, 1),
				"Hội đồng nhân dân tỉnh", D), ReorganisationPlan.empty().with(ReorganisationPlan.Step.merge(List.of(c2.id()),
						c1.id())));
		assertThat(reorganisations.record(admin, id, Map.of(), reorganisations.get(admin, id).version()))
			.isEqualTo(ReorganisationService.Status.IN_FORCE);

		assertThat(figures(dashboards.figures(admin, district, JUNE)).get("11086")).containsExactly(57, 42);
		// September: the level of c1 alone, c2 having closed into it, and the flows of both villages' year
		assertThat(figures(dashboards.figures(admin, district, SEPTEMBER)).get("11086")).containsExactly(50, 63);
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
