package vn.cnscd.portal.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Comparator;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import vn.cnscd.portal.TestDatabase;

/** V50 gives the proposals made before it the unit of their team. */
class CommendationUnitMigrationTests {

	@Test
	void proposalsMadeBeforeTakeTheirTeamsUnit() {
		DriverManagerDataSource dataSource = new DriverManagerDataSource(TestDatabase.url(), TestDatabase.user(),
				TestDatabase.password());
		String schema = "commendation_unit_" + System.nanoTime();
		JdbcClient jdbc = JdbcClient.create(dataSource);
		try {
			MigrationVersion v50 = MigrationVersion.fromVersion("50");
			MigrationVersion before = Arrays.stream(flyway(dataSource, schema).load().info().all())
				.map(MigrationInfo::getVersion)
				.filter(version -> version.isNewerThan("0") && v50.isNewerThan(version.getVersion()))
				.max(Comparator.naturalOrder())
				.orElseThrow();
			flyway(dataSource, schema).target(before).load().migrate();
			long commune = jdbc.sql("SELECT id FROM " + schema + ".unit WHERE level = 'COMMUNE' ORDER BY id LIMIT 1")
				.query(Long.class)
				.single();
			long team = jdbc.sql("INSERT INTO " + schema + ".team (unit_id, level, name) VALUES (:unit, 'COMMUNE', 'Tổ')"
					+ " RETURNING id")
				.param("unit", commune)
				.query(Long.class)
				.single();
			jdbc.sql("INSERT INTO " + schema + ".commendation (team_id, reason, period, proposed_by_name)"
					+ " VALUES (:team, 'Tốt', 'Năm 2026', 'Cán bộ')")
				.param("team", team)
				.update();

			flyway(dataSource, schema).load().migrate();

			assertThat(jdbc.sql("SELECT unit_id FROM " + schema + ".commendation").query(Long.class).single())
				.isEqualTo(commune);
			assertThat(jdbc.sql("""
					SELECT is_nullable FROM information_schema.columns
					WHERE table_schema = :schema AND table_name = 'commendation' AND column_name = 'unit_id'""")
				.param("schema", schema)
				.query(String.class)
				.single()).isEqualTo("NO");
		}
		finally {
			jdbc.sql("DROP SCHEMA IF EXISTS " + schema + " CASCADE").update();
		}
	}

	private static org.flywaydb.core.api.configuration.FluentConfiguration flyway(DriverManagerDataSource dataSource,
			String schema) {
		return Flyway.configure().dataSource(dataSource).schemas(schema).locations("classpath:db/migration");
	}

}
