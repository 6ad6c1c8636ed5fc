package vn.cnscd.portal.scale;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

import vn.cnscd.portal.IntegrationTest;

@IntegrationTest
@Transactional
class ScaleDataTests {

	@Autowired
	JdbcTemplate jdbc;

	long count(String sql) {
		return jdbc.queryForObject(sql, Long.class);
	}

	@Test
	void aDistrictScaleHasItsUnitsTeamsLeadersAndReports() {
		assertThat(ScaleData.generated(jdbc)).isFalse();
		ScaleData.generate(jdbc, ScaleData.Scale.DISTRICT, YearMonth.of(2026, 10), 24);
		assertThat(ScaleData.generated(jdbc)).isTrue();
		assertThat(count("SELECT count(*) FROM unit WHERE level = 'COMMUNE' AND code LIKE 'M%'")).isEqualTo(23);
		assertThat(count("SELECT count(*) FROM unit WHERE level = 'VILLAGE' AND code LIKE 'M%'")).isEqualTo(150);
		assertThat(count("""
				SELECT count(*) FROM team t JOIN unit u ON u.id = t.unit_id
				JOIN team_member m ON m.team_id = t.id AND m.team_role = 'LEADER'
				WHERE u.code LIKE 'M%'""")).isEqualTo(23 + 150);
		assertThat(count("""
				SELECT count(*) FROM village_report r JOIN unit u ON u.id = r.village_id
				WHERE u.code LIKE 'M%' AND r.period BETWEEN DATE '2024-11-01' AND DATE '2026-10-01'""")).isEqualTo(150 * 24);
	}

}
