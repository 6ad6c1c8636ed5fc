package vn.cnscd.portal.scale;

import java.time.YearMonth;

import org.springframework.jdbc.core.JdbcTemplate;

import vn.cnscd.portal.area.GeneratedUnits;
import vn.cnscd.portal.reporting.GeneratedReports;
import vn.cnscd.portal.team.GeneratedTeams;

/**
 * Generates units, a team with its leader for every generated commune and village, and months of village
 * reports at a given scale, in SQL, so that a province's 1,340 villages and their 32,000 reports take
 * seconds. Generated units sit under the seeded province next to the real district, named "Huyện Mẫu 1",
 * "Xã Mẫu 1" and so on (codes starting with M). Run by {@link ScaleDataRunner} and by the benchmarks.
 */
public final class ScaleData {

	public enum Scale {

		/** About a district: 23 communes, 150 villages. */
		DISTRICT(1, 23, 150),
		/** About a province: 235 communes, 1,340 villages. */
		PROVINCE(12, 235, 1_340),
		/** About the country: 10,000 communes, 74,000 villages. */
		NATIONAL(700, 10_000, 74_000);

		private final int districts;

		private final int communes;

		private final int villages;

		Scale(int districts, int communes, int villages) {
			this.districts = districts;
			this.communes = communes;
			this.villages = villages;
		}

	}

	private ScaleData() {
	}

	/** Whether generated units are there already: their codes would collide. */
	public static boolean generated(JdbcTemplate jdbc) {
		return GeneratedUnits.present(jdbc);
	}

	/**
	 * Adds the units of the scale, their teams and {@code months} months of approved reports for each generated
	 * village, each part by the module that keeps it.
	 */
	public static void generate(JdbcTemplate jdbc, Scale scale, YearMonth lastMonth, int months) {
		generate(jdbc, scale, "M", lastMonth, months);
	}

	/** The same, with codes starting with another letter than M, beside what was generated already. */
	public static void generate(JdbcTemplate jdbc, Scale scale, String prefix, YearMonth lastMonth, int months) {
		GeneratedUnits.generate(jdbc, prefix, scale.districts, scale.communes, scale.villages);
		GeneratedTeams.generate(jdbc, prefix);
		GeneratedReports.generate(jdbc, prefix, lastMonth, months);
		jdbc.execute("ANALYZE");
	}

	/**
	 * Vacuums the database after a generation, outside any transaction: what autovacuum does some time after a
	 * large insert, done at once, so that the figures are read from their index alone from the start (V73) and what
	 * is measured next does not depend on when autovacuum comes.
	 */
	public static void settle(JdbcTemplate jdbc) {
		jdbc.execute("VACUUM (ANALYZE)");
	}

}
