package vn.cnscd.portal.team;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

import vn.cnscd.portal.HttpUser;
import vn.cnscd.portal.IntegrationTest;
import vn.cnscd.portal.account.AccountService;
import vn.cnscd.portal.area.UnitService;

/**
 * The time of a roster import over HTTP, as a chair's browser makes it: the upload (which reads the file and
 * answers with the mapping page) and the import from that page (which reads it again, checks every row and
 * writes). A commune's real roster of 300 members, then the largest file accepted, 2,000 members in 40
 * villages (the most a file holds, 50 in each team, the most a team holds), then that file once more, which
 * adds nobody. Each goes into a commune of its own, after one import to warm the server up. Run with
 * {@code ./mvnw verify -Pbenchmark -Dtest=RosterImportBenchmark}; it asserts what was imported, not how fast.
 * In the team package, since it builds its files with the roster tests' own helpers.
 */
@Tag("benchmark")
@IntegrationTest
class RosterImportBenchmark {

	@LocalServerPort
	int port;

	@Autowired
	UnitService units;

	@Autowired
	AccountService accounts;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder passwords;

	@Test
	void importTimes() {
		String hash = passwords.encode("bench1234");
		ImportCommune warm = ImportCommune.make(units, accounts, users, jdbc, "BENCHW", 6, hash);
		ImportCommune real = ImportCommune.make(units, accounts, users, jdbc, "BENCH3", 6, hash);
		ImportCommune largest = ImportCommune.make(units, accounts, users, jdbc, "BENCH20", 40, hash);

		try {
			time(warm, RosterFiles.xlsx(warm.rows(50, 10)), 300);
			byte[] threeHundred = RosterFiles.xlsx(real.rows(50, 11));
			long[] three = time(real, threeHundred, 300);
			byte[] twoThousand = RosterFiles.xlsx(largest.rows(50, 12));
			long[] two = time(largest, twoThousand, 2_000);
			long[] again = time(largest, twoThousand, 0);

			System.out.printf("Roster import, 300 members (6 villages, XLSX %,d KB): upload and mapping page %d ms, import %d ms,"
					+ " together %d ms%n", threeHundred.length / 1024, three[0], three[1], three[0] + three[1]);
			System.out.printf("Roster import, 2,000 members (40 villages, XLSX %,d KB): upload and mapping page %d ms, import %d ms,"
					+ " together %d ms%n", twoThousand.length / 1024, two[0], two[1], two[0] + two[1]);
			System.out.printf("The same 2,000 members again, all already in their teams: upload and mapping page %d ms%n", again[0]);
			assertThat(members(largest)).isEqualTo(2_000);
			assertThat(members(real)).isEqualTo(300);
		}
		finally {
			// the other benchmarks count the district's communes
			List.of(warm, real, largest).forEach(commune -> commune.delete(jdbc));
		}
	}

	/** Uploads and imports as the chair; the milliseconds of the upload and of the import (0 when nothing to import). */
	long[] time(ImportCommune commune, byte[] file, int expected) {
		HttpUser chair = new HttpUser(port);
		chair.signIn(commune.chair(), "bench1234");
		String url = commune.commune().url() + "/roster-import";
		String token = HttpUser.csrfToken(chair.get(url).body());
		long t0 = System.nanoTime();
		HttpResponse<String> mapping = chair.upload(url, token, "danh-sach.xlsx", file);
		long t1 = System.nanoTime();
		assertThat(mapping.statusCode()).isEqualTo(200);
		Document page = Jsoup.parse(mapping.body());
		assertThat(page.select("#totals").text()).startsWith(String.format(Locale.GERMAN, "%,d", expected) + " thành viên");
		if (expected == 0) {
			return new long[] { (t1 - t0) / 1_000_000, 0 };
		}
		Element form = page.selectFirst("form.mapping");
		StringJoiner fields = new StringJoiner("&");
		for (Element field : form.select("input[name], select[name]")) {
			Element selected = field.selectFirst("option[selected]");
			String value = !field.tagName().equals("select") ? field.val()
					: selected != null ? selected.val() : field.select("option").first().val();
			fields.add(HttpUser.encode(field.attr("name")) + "=" + HttpUser.encode(value));
		}
		fields.add("action=IMPORT");
		long t2 = System.nanoTime();
		HttpResponse<String> imported = chair.post(form.attr("action"), fields.toString());
		long t3 = System.nanoTime();
		assertThat(imported.statusCode()).as(imported.body()).isEqualTo(302);
		return new long[] { (t1 - t0) / 1_000_000, (t3 - t2) / 1_000_000 };
	}

	long members(ImportCommune commune) {
		return jdbc.sql("""
				SELECT count(*) FROM team_member m JOIN team t ON t.id = m.team_id
				WHERE t.unit_id IN (SELECT id FROM unit WHERE parent_id = :commune)""")
			.param("commune", commune.commune().id())
			.query(Long.class)
			.single();
	}

}
