package vn.cnscd.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.cnscd.portal.area.UnitLevel;
import vn.cnscd.portal.area.UnitService;
import vn.cnscd.portal.area.UnitSummary;

/**
 * The demo as `./mvnw spring-boot:run` loads it, with its 2025 (the other tests keep the 2022 tree, see
 * src/test/resources/config/application.properties): Tứ Kỳ's 23 communes of 2022 with teams of April 2022 and
 * reports from May 2022, the January 2025 mergers into 20 and the July 2025 round into six communes of Thành phố
 * Hải Phòng with the city's other 108, all recorded through the reorganisation service; the demo accounts in
 * today's tree; and the past still shown as it was. On a database of its own, since it closes the district the
 * other tests read.
 */
class DemoStoryTests {

	private static final LocalDate JANUARY = LocalDate.of(2025, 1, 1);

	private static final LocalDate JULY = LocalDate.of(2025, 7, 1);

	private static ConfigurableApplicationContext portal;

	private static JdbcClient jdbc;

	private static UnitService units;

	@BeforeAll
	static void start() {
		// arguments, not default properties: those would lose to application.properties' shared database
		portal = new SpringApplicationBuilder(PortalApplication.class).run(
				"--spring.datasource.url=" + TestDatabase.another("story"), "--spring.datasource.username=" + TestDatabase.user(),
				"--spring.datasource.password=" + TestDatabase.password(), "--server.port=0",
				"--portal.database-check=false", "--spring.docker.compose.enabled=false", "--spring.main.banner-mode=off",
				"--portal.demo-data.reorganise=true", "--portal.reminders.cron=-");
		jdbc = portal.getBean(JdbcClient.class);
		units = portal.getBean(UnitService.class);
	}

	@AfterAll
	static void stop() {
		if (portal != null) {
			portal.close();
		}
	}

	static HttpUser signedIn(String username) {
		HttpUser user = new HttpUser(Integer.parseInt(portal.getEnvironment().getRequiredProperty("local.server.port")));
		user.signIn(username, "demo1234");
		return user;
	}

	@Test
	void theThreeDecisionsOf2025AreRecordedThroughTheOperationWithTheirBasis() {
		assertThat(jdbc.sql("""
				SELECT basis_number || ' | ' || basis_date || ' | ' || basis_signer || ' | ' || effective_on || ' | ' || status
				FROM reorganisation ORDER BY id""").query(String.class).list())
			.containsExactly("Chưa đối chiếu số hiệu | 2025-01-01 | Ủy ban Thường vụ Quốc hội | 2025-01-01 | IN_FORCE",
					"202/2025/QH15 | 2025-06-12 | Quốc hội | 2025-07-01 | IN_FORCE",
					"1669/NQ-UBTVQH15 | 2025-06-16 | Ủy ban Thường vụ Quốc hội | 2025-07-01 | IN_FORCE");
		assertThat(jdbc.sql("SELECT count(DISTINCT entity_id) FROM audit_event WHERE action = 'REORGANISATION_RECORDED'").query(Long.class).single())
			.isEqualTo(3);
	}

	@Test
	void theTreeIsTuKysOnEachDayAndTheCitysToday() {
		UnitSummary city = units.root();
		assertThat(city.kind().vietnameseWord() + " " + city.name() + " (" + city.code() + ")")
			.isEqualTo("Thành phố Hải Phòng (31)");
		UnitSummary before = units.at(city.id(), JULY.minusDays(1)).orElseThrow();
		assertThat(before.kind().vietnameseWord() + " " + before.name() + " (" + before.code() + ")")
			.isEqualTo("Tỉnh Hải Dương (30)");

		assertThat(units.communesOn(city, JANUARY.minusDays(1))).hasSize(23);
		assertThat(units.communesOn(city, JANUARY)).hasSize(20);
		List<UnitSummary> today = units.communesOn(city, LocalDate.now());
		assertThat(today).hasSize(114).allSatisfy(commune -> assertThat(commune.parentId()).isEqualTo(city.id()));
		assertThat(today.stream().filter(commune -> !units.openChildren(commune.id()).isEmpty()).map(UnitSummary::code))
			.containsExactlyInAnyOrder("11074", "11086", "11113", "11131", "11140", "11146");
		assertThat(today.stream().filter(commune -> "DAC_KHU".equals(commune.kind().name()))).hasSize(2);
		assertThat(units.findOpen(UnitLevel.DISTRICT, "298")).isEmpty();
		// every village of 2022 carried over into one of the six
		assertThat(units.villagesOn(today.stream().map(UnitSummary::id).toList(), LocalDate.now())).hasSize(138);
		assertThat(units.villagesOn(units.communesOn(city, JANUARY.minusDays(1)).stream().map(UnitSummary::id).toList(),
				JANUARY.minusDays(1))).hasSize(138);
	}

	@Test
	void teamsOf2022ReportsFromMay2022AndTheNewCommunesOwnTeams() {
		assertThat(jdbc.sql("SELECT min(period) FROM village_report").query(LocalDate.class).single())
			.isEqualTo(LocalDate.of(2022, 5, 1));
		assertThat(jdbc.sql("SELECT min(decision_date) FROM team").query(LocalDate.class).single())
			.isBetween(LocalDate.of(2022, 4, 1), LocalDate.of(2022, 4, 30));
		// the 23 commune teams of 2022 ended with their communes; each of the six set up its own
		UnitSummary tuKy = units.findOpen(UnitLevel.COMMUNE, "11074").orElseThrow();
		assertThat(tuKy.validFrom()).isEqualTo(JULY);
		assertThat(jdbc.sql("SELECT count(*) FROM team WHERE level = 'COMMUNE' AND status = 'ACTIVE'").query(Long.class).single())
			.isEqualTo(6);
	}

	@Test
	void theDemoAccountsWorkInTodaysTree() {
		UnitSummary city = units.root();
		assertThat(jdbc.sql("SELECT username || ' ' || role || ' ' || home_unit_id FROM app_user ORDER BY username")
			.query(String.class)
			.list()).contains("city OFFICER " + city.id(), "district OFFICER " + city.id(),
					"steering STEERING_MEMBER " + city.id(),
					"commune COMMUNE_CHAIR " + units.findOpen(UnitLevel.COMMUNE, "11074").orElseThrow().id());
		// the former district officer's account was re-homed by the July round, as the audit says
		assertThat(jdbc.sql("""
				SELECT count(DISTINCT a.id) FROM audit_event a JOIN app_user u ON u.id = a.entity_id
				WHERE a.action = 'ACCOUNT_REHOMED' AND a.entity_type = 'ACCOUNT' AND u.username = 'district'""").query(Long.class).single())
			.isEqualTo(1);

		Document list = Jsoup.parse(signedIn("admin").get("/accounts?q=district").body());
		assertThat(list.select("main tbody tr").get(0).select("td").get(3).text())
			.isEqualTo("Thành phố Hải Phòng Chuyển từ Huyện Tứ Kỳ từ ngày 01/07/2025, khi sắp xếp đơn vị hành chính");

		Document mine = Jsoup.parse(signedIn("steering").get("/steering/mine").body());
		assertThat(mine.select("main tbody tr")).extracting(row -> row.select("td").get(1).text())
			.containsExactly("Xã Tứ Kỳ", "Xã Đại Sơn");

		// the chair of the new xã Tứ Kỳ reads the 2024 reports of Quang Phục's villages, now hers
		UnitSummary quangPhucVillage = units.villagesOn(
				List.of(units.withCodes(UnitLevel.COMMUNE, List.of("11101"), LocalDate.of(2024, 6, 1)).get(0).id()),
				LocalDate.of(2024, 6, 1)).get(0);
		HttpResponse<String> report = signedIn("commune").get("/villages/" + quangPhucVillage.id() + "/reports/2024-06");
		assertThat(report.statusCode()).isEqualTo(200);
		assertThat(signedIn("village").get("/").body()).contains("Khu dân cư 1");
	}

	@Test
	void theCitysDashboardShowsItsCoverageHonestly() {
		UnitSummary city = units.root();
		Document dashboard = Jsoup.parse(signedIn("admin").get("/provinces/" + city.id() + "/dashboard?month=2026-10").body());
		assertThat(dashboard.text()).contains("Xã có Tổ CNSCĐ cấp xã 6/114", "Thôn có Tổ CNSCĐ 138/138");
		// the six are ranked; the 108 the demo knows only by name are listed apart, not ranked last with no score
		assertThat(dashboard.select("table.ranking tbody tr")).hasSize(6);
		assertThat(dashboard.selectFirst("p.unranked").text())
			.startsWith("Chưa xếp hạng 108 đơn vị chưa có thôn, khu dân cư nào trên Cổng: Phường Thành Đông, ")
			.contains("Đặc khu Cát Hải");
	}

	@Test
	void theSummaryOfQ2ListsTuKysTwentyCommunesAndThatOfQ3TheCitysCommunes() throws IOException {
		HttpUser admin = signedIn("admin");
		long district = units.withCodes(UnitLevel.DISTRICT, List.of("298"), LocalDate.of(2025, 6, 30)).get(0).id();
		assertThat(communesIn(admin, "/districts/" + district + "/summary.xlsx?quarter=2025-Q2")).hasSize(20)
			.contains("Thị trấn Tứ Kỳ", "Xã Quang Phục", "Xã Kỳ Sơn")
			.doesNotContain("Xã Tái Sơn", "Xã Ngọc Kỳ");
		assertThat(communesIn(admin, "/provinces/" + units.root().id() + "/summary.xlsx?quarter=2025-Q3")).hasSize(114)
			.contains("Xã Tứ Kỳ", "Xã Nguyên Giáp", "Đặc khu Cát Hải")
			.doesNotContain("Thị trấn Tứ Kỳ", "Xã Quang Phục");
	}

	@Test
	void theDemosFilesAreTheSharedOnes() throws IOException {
		for (String name : List.of("tu-ky-reorganisations.csv", "hai-phong-communes-2025.csv")) {
			try (InputStream in = new ClassPathResource("demo/" + name).getInputStream()) {
				assertThat(in.readAllBytes()).as(name).isEqualTo(Files.readAllBytes(Path.of("../shared/data", name)));
			}
		}
	}

	/** The communes of the first appendix (teams and members), one per row under its heading. */
	private static List<String> communesIn(HttpUser user, String path) throws IOException {
		Path file = Files.createTempFile("summary", ".xlsx");
		try {
			assertThat(user.download(path, file).statusCode()).isEqualTo(200);
			List<String> communes = new ArrayList<>();
			try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(file))) {
				Sheet sheet = workbook.getSheetAt(0);
				for (Row row : sheet) {
					Cell first = row.getCell(0);
					Cell name = row.getCell(1);
					if (first != null && first.getCellType() == CellType.NUMERIC && name != null
							&& name.getCellType() == CellType.STRING) {
						communes.add(name.getStringCellValue());
					}
				}
			}
			return communes;
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

}
