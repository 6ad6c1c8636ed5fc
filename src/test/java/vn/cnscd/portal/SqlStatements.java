package vn.cnscd.portal;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Counts the SQL statements the current thread has PostgreSQL execute, from the JDBC driver's own trace: the
 * driver logs every Execute message it sends, and the text of every statement it has the server parse.
 * Other threads' statements are not counted. A MockMvc request runs on the test's thread, so a test can
 * count the statements of a page: {@code try (SqlStatements sql = SqlStatements.count()) { ... sql.executed() }}.
 */
public final class SqlStatements implements AutoCloseable {

	private static final Logger DRIVER = Logger.getLogger("org.postgresql.core.v3.QueryExecutorImpl");

	private final long thread = Thread.currentThread().getId();

	private final List<String> parsed = new ArrayList<>();

	private final Level levelBefore;

	private final boolean parentsBefore;

	private final Handler handler = new Handler() {

		@Override
		public void publish(LogRecord record) {
			if (record.getLongThreadID() != thread || record.getMessage() == null) {
				return;
			}
			synchronized (parsed) {
				if (record.getMessage().startsWith(" FE=> Execute(")) {
					executed++;
				}
				else if (record.getMessage().startsWith(" FE=> Parse(") && record.getParameters() != null
						&& record.getParameters().length > 1) {
					parsed.add(String.valueOf(record.getParameters()[1]));
				}
			}
		}

		@Override
		public void flush() {
		}

		@Override
		public void close() {
		}

	};

	private int executed;

	private SqlStatements() {
		levelBefore = DRIVER.getLevel();
		parentsBefore = DRIVER.getUseParentHandlers();
		handler.setLevel(Level.ALL);
		DRIVER.addHandler(handler);
		DRIVER.setUseParentHandlers(false);
		DRIVER.setLevel(Level.FINEST);
	}

	/** Starts counting on this thread. */
	public static SqlStatements count() {
		return new SqlStatements();
	}

	/** How many statements were executed since counting started. */
	public int executed() {
		synchronized (parsed) {
			return executed;
		}
	}

	/** The statements the server parsed meanwhile (a statement prepared earlier is executed without), for messages. */
	public List<String> parsed() {
		synchronized (parsed) {
			return List.copyOf(parsed);
		}
	}

	@Override
	public void close() {
		DRIVER.setLevel(levelBefore);
		DRIVER.setUseParentHandlers(parentsBefore);
		DRIVER.removeHandler(handler);
	}

}
