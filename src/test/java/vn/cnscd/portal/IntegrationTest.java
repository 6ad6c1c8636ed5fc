package vn.cnscd.portal;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/**
 * A test against the whole portal on real PostgreSQL ({@link TestDatabase}), with the demo data loaded,
 * a real server on a random port and MockMvc. Every such test shares one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "portal.database-check=false", "spring.docker.compose.enabled=false",
				// tests run a round of reminders when they choose, at the time their clock says
				"portal.reminders.cron=-" })
@AutoConfigureMockMvc
@Import(TestConfig.class)
public @interface IntegrationTest {

}
