package vn.cnscd.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The migrations build the schema and the reference data on an empty database. */
class MigrationTests {

	private static final Path COMMUNES_CSV = Path.of("../shared/data/tu-ky-communes.csv");

	@Test
	void theMigrationsApplyOnAnEmptyDatabaseAndSeedTheDistrict() throws IOException {
		DriverManagerDataSource dataSource = new DriverManagerDataSource(TestDatabase.url(), TestDatabase.user(),
				TestDatabase.password());
		String schema = "empty_" + System.nanoTime();
		MigrateResult result = Flyway.configure()
			.dataSource(dataSource)
			.schemas(schema)
			.locations("classpath:db/migration")
			.load()
			.migrate();
		assertThat(result.success).isTrue();
		assertThat(result.migrationsExecuted).isGreaterThanOrEqualTo(4);

		JdbcClient jdbc = JdbcClient.create(dataSource);
		assertThat(jdbc.sql("SELECT level || ' ' || kind || ' ' || code || ' ' || name FROM " + schema
				+ ".unit WHERE level IN ('PROVINCE', 'DISTRICT') ORDER BY id").query(String.class).list())
			.containsExactly("PROVINCE TINH 30 Hải Dương", "DISTRICT HUYEN 298 Tứ Kỳ");
		Map<String, String> communes = jdbc
			.sql("SELECT c.code, c.kind || ' ' || c.name AS name FROM " + schema + ".unit c JOIN " + schema
					+ ".unit d ON d.id = c.parent_id WHERE c.level = 'COMMUNE' AND d.code = '298'")
			.query((rs, n) -> Map.entry(rs.getString("code"), rs.getString("name")))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		assertThat(communes).hasSize(23)
			.containsEntry("11074", "THI_TRAN Tứ Kỳ")
			.containsEntry("11083", "XA Đại Sơn")
			.containsEntry("11152", "XA Hà Thanh");
		if (Files.exists(COMMUNES_CSV)) {
			List<String> rows = Files.readAllLines(COMMUNES_CSV, StandardCharsets.UTF_8);
			for (String row : rows.subList(1, rows.size())) {
				String[] cells = row.split(",");
				String kind = cells[3].equals("thi_tran") ? "THI_TRAN" : "XA";
				assertThat(communes).containsEntry(cells[0], kind + " " + cells[1]);
			}
		}
		jdbc.sql("DROP SCHEMA " + schema + " CASCADE").update();
	}

	@Test
	void theOfficersRoleIsRenamedInEveryStoredCopy() {
		DriverManagerDataSource dataSource = new DriverManagerDataSource(TestDatabase.url(), TestDatabase.user(),
				TestDatabase.password());
		String schema = "rename_" + System.nanoTime();
		Flyway.configure()
			.dataSource(dataSource)
			.schemas(schema)
			.locations("classpath:db/migration")
			.target("60")
			.load()
			.migrate();
		JdbcClient jdbc = JdbcClient.create(dataSource);
		jdbc.sql("INSERT INTO " + schema + ".app_user (username, password_hash, full_name, role, home_unit_id)"
				+ " SELECT 'officer', 'x', 'Officer', 'DISTRICT_OFFICER', id FROM " + schema
				+ ".unit WHERE code = '298'")
			.update();
		jdbc.sql("INSERT INTO " + schema + ".audit_event (actor_name, action, entity_type, entity_id, field, new_value)"
				+ " VALUES ('admin', 'CREATE', 'Account', 1, 'role', 'DISTRICT_OFFICER')")
			.update();
		jdbc.sql("INSERT INTO " + schema + ".spring_session (primary_id, session_id, creation_time, last_access_time,"
				+ " max_inactive_interval, expiry_time, principal_name) VALUES ('p', 's', 0, 0, 1800, 0, 'officer')")
			.update();

		Flyway.configure().dataSource(dataSource).schemas(schema).locations("classpath:db/migration").load().migrate();

		assertThat(jdbc.sql("SELECT role FROM " + schema + ".app_user").query(String.class).list())
			.containsExactly("OFFICER");
		assertThat(jdbc.sql("SELECT new_value FROM " + schema + ".audit_event").query(String.class).list())
			.containsExactly("OFFICER");
		assertThat(jdbc.sql("SELECT count(*) FROM " + schema + ".spring_session").query(Integer.class).single())
			.isZero();
		jdbc.sql("DROP SCHEMA " + schema + " CASCADE").update();
	}

}
