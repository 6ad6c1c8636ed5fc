package vn.cnscd.portal.web;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Chooses the database before anything connects to it. Where Docker runs, Spring Boot starts the
 * PostgreSQL of docker-compose.yml; where it does not, the portal uses the PostgreSQL of
 * {@code spring.datasource.*} and checks here that it answers, so that a missing database ends the start
 * with one sentence saying what to do instead of a page of stack traces.
 */
class DatabaseCheck implements EnvironmentPostProcessor, Ordered {

	static final String ENABLED = "portal.database-check";

	private static final String COMPOSE_ENABLED = "spring.docker.compose.enabled";

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!environment.getProperty(ENABLED, Boolean.class, true)) {
			return;
		}
		if (environment.getProperty(COMPOSE_ENABLED) == null && !dockerRuns()) {
			environment.getPropertySources()
				.addFirst(new MapPropertySource("portal-no-docker", Map.of(COMPOSE_ENABLED, "false")));
		}
		if (environment.getProperty(COMPOSE_ENABLED, Boolean.class, true)) {
			return;
		}
		String url = environment.getProperty("spring.datasource.url", "");
		if (!url.startsWith("jdbc:postgresql:")) {
			return;
		}
		Properties credentials = new Properties();
		credentials.setProperty("user", environment.getProperty("spring.datasource.username", ""));
		credentials.setProperty("password", environment.getProperty("spring.datasource.password", ""));
		credentials.setProperty("connectTimeout", "5");
		credentials.setProperty("loginTimeout", "10");
		try (Connection connection = DriverManager.getConnection(url, credentials)) {
			connection.isValid(5);
		}
		catch (SQLException failure) {
			throw new DatabaseUnreachableException(url, credentials.getProperty("user"), failure);
		}
	}

	private static boolean dockerRuns() {
		try {
			Process docker = new ProcessBuilder("docker", "info").redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			if (!docker.waitFor(10, TimeUnit.SECONDS)) {
				docker.destroyForcibly();
				return false;
			}
			return docker.exitValue() == 0;
		}
		catch (IOException noDocker) {
			return false;
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}
