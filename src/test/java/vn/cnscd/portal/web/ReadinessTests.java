package vn.cnscd.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.ClassUtils;

import vn.cnscd.portal.IntegrationTest;

/**
 * Issue #12 item 17: health says UP only once the portal is ready, and it is ready only after the demo data
 * has loaded. Spring Boot announces readiness after every {@link ApplicationRunner} has returned; the demo
 * data loaders are such runners, and health answers 503 while readiness is refused.
 */
@IntegrationTest
class ReadinessTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	ApplicationAvailability availability;

	@Autowired
	JdbcClient jdbc;

	HttpResponse<String> health() throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
				.header("Accept", "application/json")
				.build(), HttpResponse.BodyHandlers.ofString());
	}

	@AfterEach
	void ready() {
		AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
	}

	@Test
	void healthIsNotUpUntilThePortalIsReady() throws Exception {
		AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
		HttpResponse<String> refusing = health();
		assertThat(refusing.statusCode()).isEqualTo(503);
		assertThat(refusing.body()).doesNotContain("\"UP\"");

		AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
		HttpResponse<String> accepting = health();
		assertThat(accepting.statusCode()).isEqualTo(200);
		assertThat(accepting.body()).contains("\"status\":\"UP\"");
	}

	@Test
	void theDemoDataIsLoadedByRunnersSoItIsThereOnceReady() {
		Map<String, ApplicationRunner> runners = context.getBeansOfType(ApplicationRunner.class);
		assertThat(runners.values()).extracting(runner -> ClassUtils.getUserClass(runner).getSimpleName())
			.contains("DemoVillages", "DemoAccounts", "DemoTeams", "DemoTargets", "DemoReports", "DemoAdhocRequests",
					"DemoTraining");
		assertThat(availability.getReadinessState()).isEqualTo(ReadinessState.ACCEPTING_TRAFFIC);
		assertThat(jdbc.sql("SELECT count(*) FROM village_report").query(Long.class).single()).isPositive();
		assertThat(jdbc.sql("SELECT count(*) FROM training_session").query(Long.class).single()).isPositive();
	}

}
