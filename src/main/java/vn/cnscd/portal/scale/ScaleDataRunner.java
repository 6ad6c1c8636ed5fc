package vn.cnscd.portal.scale;

import java.time.Clock;
import java.time.YearMonth;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import vn.cnscd.portal.reporting.GeneratedReports;

/**
 * {@code --portal.generate=district|province|national}: fills the database with generated units, teams and
 * 24 months of reports up to last month, to try the portal at that scale (see README). Never runs without
 * the property, and does nothing where generated units are there already.
 */
@Component
@ConditionalOnProperty("portal.generate")
class ScaleDataRunner implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(ScaleDataRunner.class);

	static final int MONTHS = 24;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private final String scale;

	ScaleDataRunner(JdbcTemplate jdbc, Clock clock,
			@Value("${portal.generate}") String scale) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.scale = scale;
	}

	@Override
	public void run(ApplicationArguments arguments) {
		ScaleData.Scale chosen = ScaleData.Scale.valueOf(scale.trim().toUpperCase(Locale.ROOT));
		if (ScaleData.generated(jdbc)) {
			log.warn("Generated units are there already: nothing generated");
			return;
		}
		long start = System.nanoTime();
		ScaleData.generate(jdbc, chosen, YearMonth.now(clock).minusMonths(1), MONTHS);
		ScaleData.settle(jdbc);
		log.info("Generated {} scale: {} villages, {} village reports in all, in {} s", chosen.name().toLowerCase(Locale.ROOT),
				jdbc.queryForObject("SELECT count(*) FROM unit WHERE level = 'VILLAGE'", Long.class),
				GeneratedReports.count(jdbc),
				(System.nanoTime() - start) / 1_000_000_000);
	}

}
