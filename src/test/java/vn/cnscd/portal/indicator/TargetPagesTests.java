package vn.cnscd.portal.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.annotation.Transactional;

import vn.cnscd.portal.IntegrationTest;
import vn.cnscd.portal.area.UnitLevel;
import vn.cnscd.portal.area.UnitService;
import vn.cnscd.portal.area.UnitSummary;

@IntegrationTest
@Transactional
class TargetPagesTests {

	/** A year without demo targets. */
	static final int YEAR = 2040;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	IndicatorService indicators;

	@Autowired
	TargetService targets;

	@Autowired
	UnitService units;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	EntityManager entities;

	@Autowired
	Clock clock;

	RequestPostProcessor as(String username) {
		return user(users.loadUserByUsername(username));
	}

	Document page(String url, String username) throws Exception {
		return Jsoup.parse(mvc.perform(get(url).with(as(username)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	UnitSummary district() {
		return units.findOpen(UnitLevel.DISTRICT, "298").orElseThrow();
	}

	UnitSummary commune(String code) {
		return units.findOpen(UnitLevel.COMMUNE, code).orElseThrow();
	}

	List<UnitSummary> villages(String communeCode) {
		return units.openChildren(commune(communeCode).id());
	}

	long indicator(String code) {
		return indicators.all().stream().filter(i -> i.code().equals(code)).findFirst().orElseThrow().id();
	}

	static String cell(UnitSummary unit, long indicatorId) {
		return "values[" + unit.id() + "_" + indicatorId + "]";
	}

	static String cellId(UnitSummary unit, long indicatorId) {
		return "v" + unit.id() + "_" + indicatorId;
	}

	String fingerprint(String url, String username) throws Exception {
		return page(url, username).selectFirst("input[name=fingerprint]").attr("value");
	}

	MockHttpServletRequestBuilder save(String url, String username, String fingerprint, Map<String, String> cells) {
		MockHttpServletRequestBuilder request = post(url).with(as(username)).with(csrf()).param("fingerprint", fingerprint);
		cells.forEach(request::param);
		return request;
	}

	List<Long> communeIdsUnder(UnitSummary unit) {
		return units.communesOn(unit, java.time.LocalDate.of(YEAR, 12, 31)).stream().map(UnitSummary::id).toList();
	}

	List<String> auditOf(UnitSummary unit) {
		return jdbc.sql("""
				SELECT field || '=' || coalesce(old_value, '') || '>' || coalesce(new_value, '') || ' by ' || actor_name
				FROM audit_event WHERE action = 'TARGET_SET' AND entity_type = 'TARGET' AND unit_id = :unit ORDER BY id""")
			.param("unit", unit.id())
			.query(String.class)
			.list();
	}

	@Test
	void aDistrictOfficerSavesSeveralCommuneTargetsAtOnceAndEachChangeIsAudited() throws Exception {
		String url = district().url() + "/targets?year=" + YEAR;
		UnitSummary township = commune("11074");
		UnitSummary daiSon = commune("11083");
		Document grid = page(url, "district");
		assertThat(grid.select("tbody tr")).hasSize(23);
		assertThat(grid.select("thead th.indicator-head")).hasSize(17);
		assertThat(grid.getElementById("c" + indicator("KTS01")).text()).contains("KTS01", "% người trưởng thành");
		assertThat(grid.getElementById("c" + indicator("XHS02")).text()).contains("% hộ");
		assertThat(grid.getElementById("c" + indicator("CQS04")).text()).contains("lượt người");
		Element input = grid.getElementById(cellId(township, indicator("KTS01")));
		assertThat(input.attr("inputmode")).isEqualTo("decimal");
		assertThat(input.attr("aria-labelledby")).isEqualTo("r" + township.id() + " c" + indicator("KTS01"));

		mvc.perform(save(url, "district", grid.selectFirst("input[name=fingerprint]").attr("value"),
				Map.of(cell(township, indicator("KTS01")), "72,5", cell(township, indicator("CQS04")), "1.200",
						cell(daiSon, indicator("XHS07")), "95", cell(daiSon, indicator("KTS02")), "")))
			.andExpect(redirectedUrl(district().url() + "/targets?year=" + YEAR))
			.andExpect(flash().attribute("notice", "target.saved"));
		assertThat(targets.targets(township.id(), YEAR)).containsOnlyKeys(indicator("KTS01"), indicator("CQS04"));
		assertThat(targets.targets(township.id(), YEAR).get(indicator("KTS01"))).isEqualByComparingTo("72.5");
		assertThat(targets.targets(township.id(), YEAR).get(indicator("CQS04"))).isEqualByComparingTo("1200");
		assertThat(targets.targets(daiSon.id(), YEAR)).containsOnlyKeys(indicator("XHS07"));
		assertThat(auditOf(township)).containsExactlyInAnyOrder("KTS01=>72.5 by district", "CQS04=>1200 by district");

		Document saved = page(url, "district");
		assertThat(saved.getElementById(cellId(township, indicator("KTS01"))).attr("value")).isEqualTo("72,5");

		mvc.perform(save(url, "district", saved.selectFirst("input[name=fingerprint]").attr("value"),
				Map.of(cell(township, indicator("KTS01")), "75", cell(township, indicator("CQS04")), "",
						cell(daiSon, indicator("XHS07")), "95,00")))
			.andExpect(status().is3xxRedirection());
		assertThat(targets.targets(township.id(), YEAR)).containsOnlyKeys(indicator("KTS01"));
		assertThat(auditOf(township)).containsExactly("CQS04=>1200 by district", "KTS01=>72.5 by district",
				"CQS04=1200> by district", "KTS01=72.5>75 by district");
		assertThat(auditOf(daiSon)).containsExactly("XHS07=>95 by district");
		assertThat(targets.communeTargets(communeIdsUnder(township), YEAR)).containsOnlyKeys(township.id());
		assertThat(targets.communeTargets(communeIdsUnder(district()), YEAR)).containsOnlyKeys(township.id(), daiSon.id());
	}

	@Test
	void anInvalidCellKeepsEverythingTypedAndSavesNothing() throws Exception {
		String url = district().url() + "/targets?year=" + YEAR;
		UnitSummary township = commune("11074");
		UnitSummary daiSon = commune("11083");
		Map<String, String> typed = Map.of(cell(township, indicator("KTS01")), "72,5", cell(township, indicator("CQS04")),
				"nhiều", cell(daiSon, indicator("KTS03")), "-5", cell(daiSon, indicator("XHS01")), "120");
		Document form = Jsoup.parse(mvc.perform(save(url, "district", fingerprint(url, "district"), typed))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(form.select(".alert-error").text()).contains("Có 3 ô chưa hợp lệ", "Chưa lưu ô nào");
		assertThat(form.getElementById(cellId(township, indicator("CQS04")) + "-note").text()).isEqualTo("Không phải là số.");
		assertThat(form.getElementById(cellId(daiSon, indicator("KTS03")) + "-note").text()).isEqualTo("Chỉ tiêu không được âm.");
		assertThat(form.getElementById(cellId(daiSon, indicator("XHS01")) + "-note").text()).isEqualTo("Tỷ lệ không được quá 100.");
		assertThat(form.getElementById(cellId(daiSon, indicator("XHS01"))).attr("aria-invalid")).isEqualTo("true");
		typed.forEach((name, value) -> assertThat(form.selectFirst("input[name=\"" + name + "\"]").attr("value"))
			.as(name)
			.isEqualTo(value));
		assertThat(form.getElementById(cellId(township, indicator("KTS01")) + "-note")).isNull();
		assertThat(targets.communeTargets(communeIdsUnder(district()), YEAR)).isEmpty();
		assertThat(auditOf(township)).isEmpty();
	}

	@Test
	void aGridSavedFromAStalePageIsRefusedWithWhatWasTypedAndOverwritesNothing() throws Exception {
		String url = district().url() + "/targets?year=" + YEAR;
		UnitSummary township = commune("11074");
		String opened = fingerprint(url, "district");
		mvc.perform(save(url, "district", opened, Map.of(cell(township, indicator("XHS01")), "85")))
			.andExpect(status().is3xxRedirection());
		Document conflict = Jsoup.parse(mvc.perform(save(url, "district", opened,
				Map.of(cell(township, indicator("XHS01")), "90", cell(township, indicator("XHS02")), "70")))
			.andExpect(status().isConflict())
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(conflict.select(".alert-error").text()).contains("Người khác đã lưu chỉ tiêu trong bảng này");
		assertThat(conflict.getElementById(cellId(township, indicator("XHS01"))).attr("value")).isEqualTo("90");
		assertThat(conflict.getElementById(cellId(township, indicator("XHS02"))).attr("value")).isEqualTo("70");
		assertThat(conflict.getElementById(cellId(township, indicator("XHS01")) + "-note").text()).isEqualTo("Đang lưu: 85");
		assertThat(conflict.getElementById(cellId(township, indicator("XHS02")) + "-note").text())
			.isEqualTo("Đang lưu: để trống");
		assertThat(conflict.selectFirst("input[name=fingerprint]").attr("value")).isNotEqualTo(opened);
		assertThat(targets.targets(township.id(), YEAR)).containsOnlyKeys(indicator("XHS01"));
		assertThat(targets.targets(township.id(), YEAR).get(indicator("XHS01"))).isEqualByComparingTo("85");
	}

	@Test
	void aCommuneChairSplitsTheirCommuneOverItsVillagesAndNothingElse() throws Exception {
		UnitSummary township = commune("11074");
		List<UnitSummary> villages = villages("11074");
		String url = township.url() + "/targets?year=" + YEAR;
		Document grid = page(url, "commune");
		assertThat(grid.select("tbody tr th[scope=row]")).hasSize(villages.size());
		assertThat(grid.select("thead th.indicator-head")).hasSize(indicators.villageReportIndicators().size());
		mvc.perform(save(url, "commune", grid.selectFirst("input[name=fingerprint]").attr("value"),
				Map.of(cell(villages.get(0), indicator("KTS01")), "90", cell(villages.get(1), indicator("CQS04")), "60")))
			.andExpect(redirectedUrl(township.url() + "/targets?year=" + YEAR));
		assertThat(targets.targets(villages.get(0).id(), YEAR).get(indicator("KTS01"))).isEqualByComparingTo("90");
		assertThat(auditOf(villages.get(1))).containsExactly("CQS04=>60 by commune");

		UnitSummary daiSon = commune("11083");
		UnitSummary daiSonVillage = villages("11083").get(0);
		mvc.perform(save(daiSon.url() + "/targets?year=" + YEAR, "commune", "x",
				Map.of(cell(daiSonVillage, indicator("KTS01")), "50"))).andExpect(status().isForbidden());
		mvc.perform(save(district().url() + "/targets?year=" + YEAR, "commune", "x",
				Map.of(cell(township, indicator("KTS01")), "50"))).andExpect(status().isForbidden());
		mvc.perform(get(district().url() + "/targets").with(as("commune"))).andExpect(status().isForbidden());
		String fingerprint = fingerprint(url, "commune");
		mvc.perform(save(url, "commune", fingerprint, Map.of(cell(daiSonVillage, indicator("KTS01")), "50")))
			.andExpect(status().is3xxRedirection());
		mvc.perform(save(url, "district", fingerprint, Map.of(cell(villages.get(0), indicator("KTS01")), "10")))
			.andExpect(status().isForbidden());
		assertThat(targets.targets(daiSonVillage.id(), YEAR)).isEmpty();
		assertThat(targets.targets(township.id(), YEAR)).isEmpty();
		assertThat(targets.targets(villages.get(0).id(), YEAR).get(indicator("KTS01"))).isEqualByComparingTo("90");

		Document readOnly = page(url, "district");
		assertThat(readOnly.select("main input, main form[method=post]")).isEmpty();
		assertThat(readOnly.select("tbody tr").stream().filter(tr -> tr.select("th[scope=row]").text()
			.contains(villages.get(0).name())).findFirst().orElseThrow().text()).contains("90");
	}

	@Test
	void theCommunePageSetsTheVillagesTotalBesideTheCommuneTargetAndFlagsADifference() throws Exception {
		UnitSummary township = commune("11074");
		List<UnitSummary> villages = villages("11074");
		jdbc.sql("UPDATE unit SET adults = CASE WHEN id = :first THEN 400 WHEN id = :second THEN 600 ELSE 0 END WHERE parent_id = :commune")
			.param("first", villages.get(0).id())
			.param("second", villages.get(1).id())
			.param("commune", township.id())
			.update();
		entities.clear();
		String districtUrl = district().url() + "/targets?year=" + YEAR;
		mvc.perform(save(districtUrl, "district", fingerprint(districtUrl, "district"),
				Map.of(cell(township, indicator("KTS01")), "80", cell(township, indicator("CQS04")), "100",
						cell(township, indicator("KTS03")), "50", cell(township, indicator("XHS08")), "40")))
			.andExpect(status().is3xxRedirection());
		String url = township.url() + "/targets?year=" + YEAR;
		mvc.perform(save(url, "commune", fingerprint(url, "commune"),
				Map.of(cell(villages.get(0), indicator("KTS01")), "90", cell(villages.get(1), indicator("KTS01")), "70",
						cell(villages.get(0), indicator("CQS04")), "60", cell(villages.get(1), indicator("CQS04")), "30",
						cell(villages.get(0), indicator("KTS03")), "20", cell(villages.get(1), indicator("KTS03")), "30",
						cell(villages.get(2), indicator("XHS05")), "10")))
			.andExpect(status().is3xxRedirection());

		Document page = page(url, "commune");
		// (90 % × 400 + 70 % × 600 + 0 × 0 …) / (400 + 600) = (360 + 420) / 1000 = 78 %, 2 points or 20 adults short of 80 %
		Element kts01 = page.selectFirst("tr[data-code=KTS01]");
		assertThat(kts01.selectFirst(".commune-target").text()).isEqualTo("80 %");
		assertThat(kts01.selectFirst(".village-total").text()).isEqualTo("78 %");
		assertThat(kts01.selectFirst(".check-result").text()).isEqualTo(
				"Chưa khớp Các thôn cộng lại thấp hơn chỉ tiêu của xã 2 điểm phần trăm (khoảng 20 người).");
		// 60 + 30 = 90 times, 10 short of 100
		Element cqs04 = page.selectFirst("tr[data-code=CQS04]");
		assertThat(cqs04.selectFirst(".village-total").text()).isEqualTo("90 lượt người");
		assertThat(cqs04.selectFirst(".check-result").text())
			.isEqualTo("Chưa khớp Các thôn cộng lại ít hơn chỉ tiêu của xã 10 lượt người.");
		Element kts03 = page.selectFirst("tr[data-code=KTS03]");
		assertThat(kts03.selectFirst(".village-total").text()).isEqualTo("50 người");
		assertThat(kts03.selectFirst(".check-result").text()).isEqualTo("Khớp");
		assertThat(kts03.select(".badge-warn")).isEmpty();
		assertThat(page.selectFirst("tr[data-code=XHS08] .check-result").text())
			.isEqualTo("Chưa khớp Chưa chia chỉ tiêu này cho thôn nào.");
		assertThat(page.selectFirst("tr[data-code=XHS05] .check-result").text())
			.isEqualTo("Chưa khớp Xã chưa được giao chỉ tiêu này nhưng các thôn đã có.");
		assertThat(page.selectFirst("tr[data-code=XHS01] .check-result").text()).isEmpty();
		assertThat(page(url, "steering").selectFirst("tr[data-code=KTS01] .village-total").text()).isEqualTo("78 %");
	}

	@Test
	void aVillageHeadReadsTheirVillagesTargetsAndChangesNothing() throws Exception {
		UnitSummary township = commune("11074");
		List<UnitSummary> villages = villages("11074");
		UnitSummary own = villages.get(0);
		String url = township.url() + "/targets?year=" + YEAR;
		mvc.perform(save(url, "commune", fingerprint(url, "commune"),
				Map.of(cell(own, indicator("XHS02")), "80", cell(own, indicator("CQS04")), "120")))
			.andExpect(status().is3xxRedirection());

		Document page = page(own.url() + "/targets?year=" + YEAR, "village");
		long households = own.households();
		String expected = "80 %% số hộ (khoảng %s hộ)".formatted(
				new BigDecimal(households).multiply(new BigDecimal("0.8")).setScale(0, java.math.RoundingMode.HALF_UP));
		assertThat(page.selectFirst("tr[data-code=XHS02] .target-value").text()).isEqualTo(expected);
		assertThat(page.selectFirst("tr[data-code=CQS04] .target-value").text()).isEqualTo("120 lượt người");
		assertThat(page.selectFirst("tr[data-code=KTS01] .target-value").text()).isEqualTo("Chưa giao");
		assertThat(page.select("main input, main form[method=post]")).isEmpty();

		mvc.perform(get(villages.get(1).url() + "/targets").with(as("village"))).andExpect(status().isForbidden());
		mvc.perform(get(url).with(as("village"))).andExpect(status().isForbidden());
		mvc.perform(save(url, "village", "x", Map.of(cell(own, indicator("XHS02")), "10")))
			.andExpect(status().isForbidden());
		mvc.perform(save(district().url() + "/targets?year=" + YEAR, "village", "x",
				Map.of(cell(township, indicator("XHS02")), "10"))).andExpect(status().isForbidden());
		assertThat(targets.targets(own.id(), YEAR).get(indicator("XHS02"))).isEqualByComparingTo("80");
		mvc.perform(get(own.url() + "/targets").with(as("village"))).andExpect(status().isOk());
		mvc.perform(get(township.url() + "/targets?year=1999").with(as("commune"))).andExpect(status().isNotFound());
		mvc.perform(get(township.url().replace("communes", "villages") + "/targets").with(as("district")))
			.andExpect(status().isNotFound());
	}

	@Test
	void aSteeringMemberReadsTheGridOfTheirCommunesOnlyAndTheCurrentYearIsTheDefault() throws Exception {
		int thisYear = LocalDate.now(clock).getYear();
		Document grid = page(district().url() + "/targets", "steering");
		assertThat(grid.select("h1").text()).isEqualTo("Chỉ tiêu năm " + thisYear + " của Huyện Tứ Kỳ");
		assertThat(grid.select("tbody th[scope=row]")).extracting(Element::text)
			.containsExactly("Thị trấn Tứ Kỳ", "Xã Đại Sơn", "Xã Hưng Đạo");
		assertThat(grid.select("main input, main form[method=post]")).isEmpty();
		assertThat(grid.select("nav.years a").eachAttr("href")).containsExactly(
				district().url() + "/targets?year=" + (thisYear - 1), district().url() + "/targets?year=" + (thisYear + 1));
		mvc.perform(save(district().url() + "/targets", "steering", "x",
				Map.of(cell(commune("11074"), indicator("KTS01")), "10"))).andExpect(status().isForbidden());
		mvc.perform(get(commune("11089").url() + "/targets").with(as("steering"))).andExpect(status().isForbidden());
	}

}
