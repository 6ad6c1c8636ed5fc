package vn.cnscd.portal.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

import javax.sql.DataSource;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import vn.cnscd.portal.IntegrationTest;

/**
 * Issue #12 item 15: two uploads of a team's plan file at the same moment. The second to reach the database
 * finds the plan created meanwhile (a {@code StaleEditException}) and gets the plan page back with a 409, the
 * name of the file it sent and the file that was saved, not a server error. Real transactions, no test
 * transaction around them: the other upload is a connection of its own that holds its new plan row until the
 * request waits on it.
 */
@IntegrationTest
class PlanUploadConflictTests {

	static final int YEAR = 2033;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	long team;

	@AfterEach
	void removePlans() {
		jdbc.sql("DELETE FROM audit_event WHERE action = 'PLAN_FILE_ATTACHED' AND entity_id IN "
				+ "(SELECT id FROM activity_plan WHERE year = :year)").param("year", YEAR).update();
		jdbc.sql("DELETE FROM activity_plan_file WHERE plan_id IN (SELECT id FROM activity_plan WHERE year = :year)")
			.param("year", YEAR)
			.update();
		jdbc.sql("DELETE FROM activity_plan WHERE year = :year").param("year", YEAR).update();
	}

	@Test
	void anUploadThatLosesTheRaceGetsTheConflictPageNotAServerError() throws Exception {
		team = jdbc.sql("""
				SELECT t.id FROM team t JOIN unit u ON u.id = t.unit_id
				WHERE u.code = '11074-01' AND t.status = 'ACTIVE' ORDER BY t.id LIMIT 1""").query(Long.class).single();
		byte[] pdf = "%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
		try (Connection other = dataSource.getConnection()) {
			other.setAutoCommit(false);
			try (PreparedStatement insert = other
				.prepareStatement("INSERT INTO activity_plan (team_id, year, version) VALUES (?, ?, 1)")) {
				insert.setLong(1, team);
				insert.setInt(2, YEAR);
				insert.executeUpdate();
			}
			CompletableFuture<MockHttpServletResponse> upload = CompletableFuture.supplyAsync(() -> {
				try {
					return mvc.perform(multipart("/teams/" + team + "/plans/" + YEAR + "/file")
						.file(new MockMultipartFile("file", "Kế hoạch của tôi.pdf", "application/pdf", pdf))
						.with(csrf())
						.with(user(users.loadUserByUsername("commune")))).andReturn().getResponse();
				}
				catch (Exception failure) {
					throw new IllegalStateException(failure);
				}
			});
			awaitUploadWaitingOnTheOtherRow();
			other.commit();
			MockHttpServletResponse response = upload.get();

			assertThat(response.getStatus()).isEqualTo(409);
			Document page = Jsoup.parse(response.getContentAsString());
			assertThat(page.select(".alert-error").text()).contains("Người khác vừa thay đổi kế hoạch này")
				.contains("Kế hoạch của tôi.pdf");
			assertThat(page.select("form[action$=/file] input[type=file]")).hasSize(1);
		}
		assertThat(jdbc.sql("SELECT count(*) FROM activity_plan_file f JOIN activity_plan p ON p.id = f.plan_id "
				+ "WHERE p.year = :year").param("year", YEAR).query(Long.class).single()).isZero();
	}

	/** The request's insert of the same plan waits for the other transaction's lock. */
	private void awaitUploadWaitingOnTheOtherRow() throws InterruptedException {
		Instant until = Instant.now().plus(Duration.ofSeconds(20));
		while (Instant.now().isBefore(until)) {
			long waiting = jdbc.sql("""
					SELECT count(*) FROM pg_stat_activity
					WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE 'INSERT INTO activity_plan %'""")
				.query(Long.class)
				.single();
			if (waiting > 0) {
				return;
			}
			Thread.onSpinWait();
		}
		throw new AssertionError("the upload never reached the plan row the other transaction holds");
	}

}
