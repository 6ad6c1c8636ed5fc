package vn.cnscd.portal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ThreadLocalRandom;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The PostgreSQL of a test run, started once per JVM and empty at the start: a Testcontainers PostgreSQL
 * where Docker runs, otherwise a new database on the local PostgreSQL (see .ci/setup-postgres), dropped
 * when the run ends. Set TEST_POSTGRES_URL, TEST_POSTGRES_USER and TEST_POSTGRES_PASSWORD to use another
 * server; the user needs the CREATEDB privilege.
 */
public final class TestDatabase {

	private static final String LOCAL_URL = env("TEST_POSTGRES_URL", "jdbc:postgresql://localhost:5432/postgres");

	private static final String LOCAL_USER = env("TEST_POSTGRES_USER", "cnscd");

	private static final String LOCAL_PASSWORD = env("TEST_POSTGRES_PASSWORD", "cnscd");

	private static String url;

	private static String user;

	private static String password;

	private TestDatabase() {
	}

	public static synchronized String url() {
		start();
		return url;
	}

	public static synchronized String user() {
		start();
		return user;
	}

	public static synchronized String password() {
		start();
		return password;
	}

	/**
	 * Another empty database on the same server, for a portal of a test's own whose changes the other tests must
	 * not meet (a reorganisation of the demo's units, say); dropped when the run ends.
	 */
	public static synchronized String another(String purpose) {
		start();
		String name = "cnscd_%s_%d_%04d".formatted(purpose, ProcessHandle.current().pid(),
				ThreadLocalRandom.current().nextInt(10_000));
		execute(url, user, password, "CREATE DATABASE " + name);
		String server = url;
		String login = user;
		String secret = password;
		Runtime.getRuntime()
			.addShutdownHook(new Thread(() -> execute(server, login, secret, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)")));
		int query = url.indexOf('?');
		String base = query < 0 ? url : url.substring(0, query);
		return base.substring(0, base.lastIndexOf('/') + 1) + name + (query < 0 ? "" : url.substring(query));
	}

	private static void start() {
		if (url != null) {
			return;
		}
		if (!"local".equals(System.getenv("TEST_POSTGRES")) && DockerClientFactory.instance().isDockerAvailable()) {
			PostgreSQLContainer container = new PostgreSQLContainer("postgres:15-alpine");
			container.start();
			url = container.getJdbcUrl();
			user = container.getUsername();
			password = container.getPassword();
			return;
		}
		String name = "cnscd_test_%d_%04d".formatted(ProcessHandle.current().pid(),
				ThreadLocalRandom.current().nextInt(10_000));
		execute("CREATE DATABASE " + name);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)")));
		url = LOCAL_URL.substring(0, LOCAL_URL.lastIndexOf('/') + 1) + name;
		user = LOCAL_USER;
		password = LOCAL_PASSWORD;
	}

	private static void execute(String sql) {
		execute(LOCAL_URL, LOCAL_USER, LOCAL_PASSWORD, sql);
	}

	private static void execute(String server, String login, String secret, String sql) {
		try (Connection connection = DriverManager.getConnection(server, login, secret);
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException failure) {
			throw new IllegalStateException("Tests need PostgreSQL: Docker for Testcontainers, or a local PostgreSQL at "
					+ server + " where user " + login + " may create databases (run: bash .ci/setup-postgres)",
					failure);
		}
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return value == null || value.isBlank() ? fallback : value;
	}

}
