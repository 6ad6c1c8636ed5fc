package vn.cnscd.portal.web;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.hibernate.TransactionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * While the database does not answer (a restart, a failover, a full connection pool) a request fails with
 * 503 and a page that says so and what to do (error/503.html), instead of the page of an unexpected error.
 * It wraps the security and session filters too: they read the signed-in account, and under the cluster
 * profile the session, from the database on every request.
 */
class DatabaseUnavailableFilter extends OncePerRequestFilter {

	/** Long enough for PostgreSQL to restart. */
	static final String RETRY_AFTER_SECONDS = "30";

	private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (RuntimeException | ServletException failure) {
			if (!databaseUnavailable(failure) || response.isCommitted()) {
				throw failure;
			}
			log.warn("{} {} failed: the database is unavailable ({})", request.getMethod(), request.getRequestURI(),
					rootCause(failure).toString());
			response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
			response.sendError(HttpStatus.SERVICE_UNAVAILABLE.value());
		}
	}

	/** The database cannot be reached or dropped the connection, as opposed to a query that is wrong. */
	static boolean databaseUnavailable(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof DataAccessResourceFailureException || cause instanceof CannotCreateTransactionException
					|| cause instanceof SQLTransientConnectionException
					|| cause instanceof SQLNonTransientConnectionException || cause instanceof SQLRecoverableException) {
				return true;
			}
			// 08: connection exception; 57P01-57P03: the server is shutting down or starting up
			if (cause instanceof SQLException sql && sql.getSQLState() != null
					&& (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
				return true;
			}
			// beginning, committing or rolling back failed on the connection: the pool had already closed it,
			// after the server ended it (Hikari's "Connection is closed" carries no SQLState)
			if (cause instanceof TransactionException && cause.getCause() instanceof SQLException) {
				return true;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}

	private static Throwable rootCause(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root;
	}

}
