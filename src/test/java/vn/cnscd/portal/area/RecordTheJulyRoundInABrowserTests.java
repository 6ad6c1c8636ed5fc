package vn.cnscd.portal.area;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.cnscd.portal.area.ReorganisationPages.JANUARY;
import static vn.cnscd.portal.area.ReorganisationPages.JULY;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import vn.cnscd.portal.Browser;
import vn.cnscd.portal.PortalApplication;
import vn.cnscd.portal.TestDatabase;
import vn.cnscd.portal.account.AccountService;

/**
 * An officer of the committee at the province, in a real browser, records the 01/07/2025 round of the shared
 * file: imports it, ticks the villages of Hưng Đạo and Tiên Động that go to Tân Kỳ and Lạc Phượng, reads the
 * preview and records; then the tree in the database is the city's six communes, with the villages where the
 * officer put them, and the tree of June 2025 is still Tứ Kỳ's twenty. The pages are also opened on a phone.
 *
 * <p>
 * The portal runs on a database of this test's own, with the demo's 23 communes of 2022 and the January 2025
 * round recorded first through the service, as the file has it: recording the July round closes every commune of
 * the demo district, which the other tests read.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RecordTheJulyRoundInABrowserTests {

	private static final By HEADING = By.cssSelector("main h1");

	private static ConfigurableApplicationContext portal;

	private static Path file;

	@RegisterExtension
	Browser desktop = Browser.desktop();

	@RegisterExtension
	Browser phone = Browser.phone();

	/** The portal, started on first use (never where no browser runs the tests), with the fixture. */
	static synchronized ConfigurableApplicationContext portal() throws Exception {
		if (portal != null) {
			return portal;
		}
		// arguments, not default properties: those would lose to application.properties' shared database
		portal = new SpringApplicationBuilder(PortalApplication.class).run(
				"--spring.datasource.url=" + TestDatabase.another("reorganisation"),
				"--spring.datasource.username=" + TestDatabase.user(), "--spring.datasource.password=" + TestDatabase.password(),
				"--server.port=0", "--portal.database-check=false", "--spring.docker.compose.enabled=false",
				"--spring.main.banner-mode=off");
		JdbcClient jdbc = portal.getBean(JdbcClient.class);
		UnitService units = portal.getBean(UnitService.class);
		long admin = jdbc.sql("SELECT id FROM app_user WHERE username = 'admin'").query(Long.class).single();
		Actor actor = portal.getBean(AccountService.class).actor(admin).orElseThrow();
		ReorganisationFile.Round january = ReorganisationFile.read(ReorganisationFileTests.sharedFile())
			.round(JANUARY)
			.orElseThrow();
		ReorganisationImport.Planned planned = portal.getBean(ReorganisationImport.class)
			.plan(actor, january, units.findOpen(UnitLevel.DISTRICT, "298").orElseThrow(), false);
		assertThat(planned.problems()).isEmpty();
		ReorganisationService reorganisations = portal.getBean(ReorganisationService.class);
		long id = reorganisations.start(actor, new ReorganisationService.Basis("UBTVQH-2024", LocalDate.of(2024, 11, 30),
				"Ủy ban Thường vụ Quốc hội", JANUARY), planned.plan());
		assertThat(reorganisations.record(actor, id, Map.of(), 0)).isEqualTo(ReorganisationService.Status.IN_FORCE);
		jdbc.sql("""
				INSERT INTO app_user (username, password_hash, full_name, role, home_unit_id, must_change_password)
				VALUES ('tinh', :hash, 'Trần Văn Tỉnh', 'OFFICER', :home, false)""")
			.param("hash", portal.getBean(PasswordEncoder.class).encode("demo1234"))
			.param("home", units.root().id())
			.update();
		file = Files.createTempFile("tu-ky-reorganisations", ".csv");
		Files.write(file, ReorganisationFileTests.sharedFile());
		return portal;
	}

	@AfterAll
	static void stop() throws Exception {
		if (portal != null) {
			portal.close();
		}
		if (file != null) {
			Files.deleteIfExists(file);
		}
	}

	static int port() throws Exception {
		return Integer.parseInt(portal().getEnvironment().getRequiredProperty("local.server.port"));
	}

	/** Up to the draft the July round of the file makes, through the import's two pages. */
	static void importTheJulyRound(Browser browser) {
		browser.signIn("tinh", "demo1234");
		browser.menu("Sắp xếp đơn vị");
		browser.waitForText(HEADING, "Sắp xếp đơn vị hành chính");
		browser.click(By.linkText("Nhập từ tệp"));
		browser.waitForText(HEADING, "Nhập lần sắp xếp từ tệp");
		browser.driver().findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
		browser.click(By.cssSelector("#upload button[type=submit]"));
		browser.waitFor(By.id("choose"));
	}

	@Test
	@Order(1)
	void theImportAndTheDraftFitAPhone() throws Exception {
		phone.at(port());
		importTheJulyRound(phone);
		assertThat(phone.overflowX()).as("the import's choices at 360 px").isZero();
		phone.click(By.id("round-2025-07-01"));
		phone.select(By.id("import-parentId"), "Tỉnh Hải Dương (30)");
		phone.click(By.cssSelector("#choose button[type=submit]"));
		phone.waitForText(HEADING, "Sắp xếp theo văn bản 1669/NQ-UBTVQH15");
		assertThat(phone.all(By.cssSelector("#steps li.waiting"))).hasSize(2);
		assertThat(phone.overflowX()).as("the draft with its forms and preview at 360 px").isZero();
		phone.click(By.cssSelector("#merge > summary"));
		phone.click(By.cssSelector("#transfer > summary"));
		assertThat(phone.overflowX()).as("the open forms at 360 px").isZero();
		phone.click(By.id("cancel"));
		phone.waitForText(By.id("status"), "Đã hủy");
	}

	@Test
	@Order(2)
	void anOfficerOfTheProvinceRecordsTheJulyRoundFromTheSharedFile() throws Exception {
		desktop.at(port());
		importTheJulyRound(desktop);
		assertThat(desktop.text(By.cssSelector("#choose .round:nth-of-type(2) .choice")))
			.isEqualTo("Đợt có hiệu lực từ 01/07/2025: 22 dòng");
		desktop.click(By.id("round-2025-07-01"));
		desktop.select(By.id("import-parentId"), "Tỉnh Hải Dương (30)");
		desktop.click(By.id("import-abolishEmpty"));
		desktop.click(By.cssSelector("#choose button[type=submit]"));
		desktop.waitForText(HEADING, "Sắp xếp theo văn bản 1669/NQ-UBTVQH15");
		assertThat(desktop.text(By.cssSelector("main .alert-ok")))
			.isEqualTo("Đã tạo bản nháp từ 22 dòng của tệp. Còn 2 phần chuyển đi chờ bạn chọn thôn.");
		assertThat(desktop.text(By.id("effective-on"))).isEqualTo("01/07/2025");
		assertThat(desktop.all(By.cssSelector("#problems li"))).extracting(WebElement::getText)
			.containsExactly("Chưa chọn thôn nào của Hưng Đạo chuyển sang Tân Kỳ.",
					"Chưa chọn thôn nào của Tiên Động chuyển sang Lạc Phượng.");

		List<Long> toTanKy = tick(2);
		desktop.waitForText(By.cssSelector("main .alert-ok"), "Đã cập nhật bản nháp");
		List<Long> toLacPhuong = tick(1);
		desktop.waitForText(By.cssSelector("main .alert-ok"), "Đã cập nhật bản nháp");
		assertThat(desktop.all(By.cssSelector("#steps li.waiting"))).isEmpty();
		assertThat(desktop.all(By.id("problems"))).isEmpty();
		assertThat(desktop.all(By.cssSelector("#opened tbody tr"))).extracting(WebElement::getText)
			.containsExactly("Xã Tứ Kỳ (11074) Tỉnh Hải Dương (30)", "Xã Tân Kỳ (11113) Tỉnh Hải Dương (30)",
					"Xã Đại Sơn (11086) Tỉnh Hải Dương (30)", "Xã Chí Minh (11131) Tỉnh Hải Dương (30)",
					"Xã Lạc Phượng (11140) Tỉnh Hải Dương (30)", "Xã Nguyên Giáp (11146) Tỉnh Hải Dương (30)");
		assertThat(desktop.all(By.cssSelector("#closed tbody tr"))).extracting(WebElement::getText)
			.contains("Xã Hưng Đạo (11086) Xã Tân Kỳ (11113), Xã Đại Sơn (11086)",
					"Xã Tiên Động (11143) Xã Lạc Phượng (11140), Xã Nguyên Giáp (11146)", "Huyện Tứ Kỳ (298) Tỉnh Hải Dương (30)")
			.hasSize(21);
		assertThat(desktop.text(By.id("followers"))).contains("6 xã mới cần thành lập tổ");

		desktop.click(By.id("record-submit"));
		desktop.waitForText(By.id("status"), "Đã có hiệu lực");
		assertThat(desktop.text(By.cssSelector("main .alert-ok"))).isEqualTo("Đã ghi nhận; các thay đổi có hiệu lực từ 01/07/2025.");

		JdbcClient jdbc = portal().getBean(JdbcClient.class);
		UnitService units = portal().getBean(UnitService.class);
		long province = units.root().id();
		assertThat(jdbc.sql("""
				SELECT code || ' ' || kind || ' ' || name FROM unit
				WHERE parent_id = :province AND level = 'COMMUNE' AND valid_to IS NULL ORDER BY code""")
			.param("province", province)
			.query(String.class)
			.list()).containsExactly("11074 XA Tứ Kỳ", "11086 XA Đại Sơn", "11113 XA Tân Kỳ", "11131 XA Chí Minh",
					"11140 XA Lạc Phượng", "11146 XA Nguyên Giáp");
		long district = jdbc.sql("SELECT id FROM unit WHERE level = 'DISTRICT' AND code = '298'").query(Long.class).single();
		assertThat(jdbc.sql("SELECT valid_to FROM unit WHERE id = :id").param("id", district).query(LocalDate.class).single())
			.isEqualTo(JULY);
		assertThat(jdbc.sql("SELECT count(*) FROM unit WHERE level = 'COMMUNE' AND valid_to = :july")
			.param("july", JULY)
			.query(Long.class)
			.single()).isEqualTo(20);
		long tanKy = units.findOpen(UnitLevel.COMMUNE, "11113").orElseThrow().id();
		long daiSon = units.findOpen(UnitLevel.COMMUNE, "11086").orElseThrow().id();
		long lacPhuong = units.findOpen(UnitLevel.COMMUNE, "11140").orElseThrow().id();
		long nguyenGiap = units.findOpen(UnitLevel.COMMUNE, "11146").orElseThrow().id();
		long hungDao = closed(jdbc, "11086", "Hưng Đạo");
		long tienDong = closed(jdbc, "11143", "Tiên Động");
		List<Long> hungDaoVillages = villagesOn(units, hungDao);
		List<Long> tienDongVillages = villagesOn(units, tienDong);
		assertThat(hungDaoVillages).containsAll(toTanKy);
		assertThat(parents(jdbc, hungDaoVillages)).isEqualTo(hungDaoVillages.stream()
			.map(village -> toTanKy.contains(village) ? tanKy : daiSon)
			.toList());
		assertThat(parents(jdbc, tienDongVillages)).isEqualTo(tienDongVillages.stream()
			.map(village -> toLacPhuong.contains(village) ? lacPhuong : nguyenGiap)
			.toList());
		assertThat(jdbc.sql("""
				SELECT s.kind || ' ' || u.code || ' ' || u.name FROM unit_succession s JOIN unit u ON u.id = s.successor_id
				WHERE s.predecessor_id = :unit ORDER BY s.kind DESC""").param("unit", hungDao).query(String.class).list())
			.containsExactly("PART 11113 Tân Kỳ", "MERGED 11086 Đại Sơn");
		assertThat(jdbc.sql("SELECT kind || ' ' || successor_id FROM unit_succession WHERE predecessor_id = :d")
			.param("d", district)
			.query(String.class)
			.single()).isEqualTo("ABOLISHED " + province);
		// the past is as it was: on 30/06/2025 the district still had its twenty communes, with their villages
		UnitSummary then = units.at(district, JULY.minusDays(1)).orElseThrow();
		assertThat(units.communesOn(then, JULY.minusDays(1))).hasSize(20);
		assertThat(units.villagesOn(List.of(hungDao), JULY.minusDays(1))).extracting(UnitSummary::id)
			.containsExactlyElementsOf(hungDaoVillages);

		// search still finds the old commune, and says where it went and by which decision
		desktop.open("/units/search?q=quang+phuc");
		assertThat(desktop.text(By.cssSelector(".results li .succession")))
			.isEqualTo("Đã sáp nhập vào Xã Tứ Kỳ (11074) từ 01/07/2025, theo văn bản 1669/NQ-UBTVQH15 ngày 16/06/2025");
	}

	/** Ticks the first villages of the first part transfer still waiting for them, and saves; their ids. */
	private List<Long> tick(int count) {
		WebElement step = desktop.waitFor(By.cssSelector("#steps li.waiting"));
		List<WebElement> boxes = step.findElements(By.cssSelector("input[type=checkbox]"));
		assertThat(boxes).hasSizeGreaterThan(count);
		List<Long> ticked = boxes.subList(0, count).stream().map(box -> Long.parseLong(box.getAttribute("value"))).toList();
		boxes.subList(0, count).forEach(WebElement::click);
		step.findElement(By.cssSelector("form button.primary")).click();
		return ticked;
	}

	private static long closed(JdbcClient jdbc, String code, String name) {
		return jdbc.sql("SELECT id FROM unit WHERE level = 'COMMUNE' AND code = :code AND name = :name AND valid_to = :july")
			.param("code", code)
			.param("name", name)
			.param("july", JULY)
			.query(Long.class)
			.single();
	}

	private static List<Long> villagesOn(UnitService units, long commune) {
		return units.villagesOn(List.of(commune), JULY.minusDays(1)).stream().map(UnitSummary::id).toList();
	}

	private static List<Long> parents(JdbcClient jdbc, List<Long> villages) {
		return villages.stream()
			.map(village -> jdbc.sql("SELECT parent_id FROM unit WHERE id = :id AND valid_to IS NULL")
				.param("id", village)
				.query(Long.class)
				.single())
			.toList();
	}

}
