package vn.cnscd.portal.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

import vn.cnscd.portal.IntegrationTest;
import vn.cnscd.portal.scale.ScaleData;

/**
 * How long the report document of a real-sized province takes as DOCX and as PDF: generates a province (235
 * communes and 1,340 villages more, 24 months of reports, next to the demo district: 258 communes in all) inside
 * the test's transaction, which MockMvc's requests join, so that it leaves nothing behind for the benchmarks after
 * it; then makes the province's quarterly DOCX, PDF and XLSX and the district's, a few times each, and prints the
 * median time, the size, the PDF's pages and the live heap while they were made. Asserts only that each file is
 * whole. Run with {@code ./mvnw verify -Pbenchmark} (it runs first: see the profile) or
 * {@code -Pbenchmark -Dtest=DocumentBenchmark}.
 */
@Tag("benchmark")
@IntegrationTest
@Transactional
@Order(0)
class DocumentBenchmark {

	private static final int RUNS = 3;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService users;

	@Test
	void reportDocumentsOfAProvince() throws Exception {
		assertThat(ScaleData.generated(jdbc)).as("a database without generated units").isFalse();
		long district = jdbc.queryForObject("SELECT id FROM unit WHERE level = 'DISTRICT' AND code = '298'", Long.class);
		long start = System.nanoTime();
		ScaleData.generate(jdbc, ScaleData.Scale.PROVINCE, YearMonth.now().minusMonths(1), 24);
		long province = jdbc.queryForObject("SELECT id FROM unit WHERE parent_id IS NULL", Long.class);
		long communes = jdbc.queryForObject("SELECT count(*) FROM unit WHERE level = 'COMMUNE'", Long.class);
		long villages = jdbc.queryForObject("SELECT count(*) FROM unit WHERE level = 'VILLAGE'", Long.class);
		System.out.printf("Generated a province: %d communes, %d villages in all, in %.1f s%n", communes, villages,
				(System.nanoTime() - start) / 1e9);
		time("District quarterly DOCX (23 communes)", "/districts/" + district + "/summary.docx", "district");
		time("District quarterly PDF (23 communes)", "/districts/" + district + "/summary.pdf", "district");
		time("Province quarterly DOCX (" + communes + " communes)", "/provinces/" + province + "/summary.docx", "admin");
		time("Province quarterly PDF (" + communes + " communes)", "/provinces/" + province + "/summary.pdf", "admin");
		time("Province quarterly XLSX (" + communes + " communes)", "/provinces/" + province + "/summary.xlsx", "admin");
		time("Province yearly DOCX (" + communes + " communes)", "/provinces/" + province + "/summary.docx?year="
				+ YearMonth.now().minusMonths(2).getYear(), "admin");
	}

	/** A warm-up request, then {@link #RUNS} timed ones with the live heap sampled. */
	private void time(String name, String url, String username) throws Exception {
		byte[] file = fetch(url, username);
		List<Long> times = new ArrayList<>();
		long largest;
		int samples;
		try (LiveHeap heap = new LiveHeap()) {
			for (int i = 0; i < RUNS; i++) {
				long t0 = System.nanoTime();
				file = fetch(url, username);
				times.add(System.nanoTime() - t0);
			}
			largest = heap.largest();
			samples = heap.samples();
		}
		Collections.sort(times);
		String whole;
		if (url.contains(".pdf")) {
			try (PDDocument pdf = Loader.loadPDF(file)) {
				whole = pdf.getNumberOfPages() + " pages";
			}
		}
		else if (url.contains(".docx")) {
			try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(file))) {
				whole = document.getTables().size() + " tables";
				assertThat(document.getTables()).as(name).hasSizeGreaterThan(4);
			}
		}
		else {
			whole = "an XLSX";
		}
		System.out.printf("%s: median %.2f s (%d runs, min %.2f s, max %.2f s), %,d bytes, %s; live heap at most %d MB"
				+ " (%d samples) of %d MB%n", name, times.get(times.size() / 2) / 1e9, RUNS, times.get(0) / 1e9,
				times.get(times.size() - 1) / 1e9, file.length, whole, largest / (1024 * 1024), samples,
				Runtime.getRuntime().maxMemory() / (1024 * 1024));
	}

	private byte[] fetch(String url, String username) throws Exception {
		return mvc.perform(get(url).with(user(users.loadUserByUsername(username))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
	}

}
