package vn.cnscd.portal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;

import org.hibernate.TransactionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.transaction.CannotCreateTransactionException;

class DatabaseUnavailableFilterTests {

	private final DatabaseUnavailableFilter filter = new DatabaseUnavailableFilter();

	@Test
	void aDatabaseThatDoesNotAnswerIsA503WithRetryAfter() throws Exception {
		MockHttpServletResponse response = run(new CannotCreateTransactionException("no connection",
				new SQLException("Connection refused", "08001")));

		assertThat(response.getStatus()).isEqualTo(503);
		assertThat(response.getHeader("Retry-After")).isEqualTo(DatabaseUnavailableFilter.RETRY_AFTER_SECONDS);
	}

	@Test
	void theFailuresOfARestartAreRecognised() {
		// the server ending the connection (57P01), a lost socket (08006), a rollback on a connection already closed
		assertThat(DatabaseUnavailableFilter.databaseUnavailable(
				new ServletException(new SQLException("terminating connection due to administrator command", "57P01"))))
			.isTrue();
		assertThat(DatabaseUnavailableFilter.databaseUnavailable(
				new JpaSystemException(new RuntimeException(new SQLException("I/O error", "08006")))))
			.isTrue();
		assertThat(DatabaseUnavailableFilter.databaseUnavailable(new JpaSystemException(
				new TransactionException("Unable to rollback against JDBC Connection", new SQLException("Connection is closed")))))
			.isTrue();
	}

	@Test
	void otherFailuresAreLeftToTheErrorPage() {
		DataIntegrityViolationException duplicate = new DataIntegrityViolationException("duplicate",
				new SQLException("duplicate key", "23505"));

		assertThatThrownBy(() -> run(duplicate)).isSameAs(duplicate);
		assertThat(DatabaseUnavailableFilter.databaseUnavailable(new IllegalStateException("a bug"))).isFalse();
	}

	private MockHttpServletResponse run(RuntimeException failure) throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		FilterChain failing = (request, ignored) -> {
			throw failure;
		};
		this.filter.doFilter(new MockHttpServletRequest("POST", "/villages/1/reports/2026-10"), response, failing);
		return response;
	}

}
