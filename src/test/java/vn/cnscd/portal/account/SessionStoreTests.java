package vn.cnscd.portal.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.session.SessionRepository;

import vn.cnscd.portal.IntegrationTest;

/**
 * Spring Session JDBC is on the classpath for the cluster profile only: without it the sessions stay in
 * the servlet container's memory ({@link ClusterSessionTests} shows the cluster profile).
 */
@IntegrationTest
class SessionStoreTests {

	@Autowired
	ApplicationContext context;

	@Test
	void sessionsStayInMemoryOutsideTheClusterProfile() {
		assertThat(this.context.getBeanNamesForType(SessionRepository.class)).isEmpty();
	}

}
