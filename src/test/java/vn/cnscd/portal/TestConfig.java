package vn.cnscd.portal;

import java.util.List;

import javax.sql.DataSource;

import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Controller;
import org.springframework.test.context.DynamicPropertyRegistrar;
import org.springframework.web.bind.annotation.GetMapping;

@TestConfiguration(proxyBeanMethods = false)
public class TestConfig {

	@Bean
	DynamicPropertyRegistrar testDatabase() {
		return registry -> {
			registry.add("spring.datasource.url", TestDatabase::url);
			registry.add("spring.datasource.username", TestDatabase::user);
			registry.add("spring.datasource.password", TestDatabase::password);
		};
	}

	@Bean
	@Primary
	MutableClock testClock() {
		return new MutableClock();
	}

	@Bean
	SqlRecorder sqlRecorder() {
		return new SqlRecorder();
	}

	/** The portal's data source, seen through the {@link SqlRecorder}. */
	@Bean
	static BeanPostProcessor recordedDataSource(ObjectProvider<SqlRecorder> recorder) {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String name) {
				if (bean instanceof DataSource dataSource && !(bean instanceof ProxyDataSource)) {
					return ProxyDataSourceBuilder.create(dataSource).listener(new QueryExecutionListener() {

						@Override
						public void beforeQuery(ExecutionInfo execution, List<QueryInfo> queries) {
							recorder.getObject().beforeQuery(execution, queries);
						}

						@Override
						public void afterQuery(ExecutionInfo execution, List<QueryInfo> queries) {
							recorder.getObject().afterQuery(execution, queries);
						}

					}).build();
				}
				return bean;
			}

		};
	}

	/** The portal's password encoder, counted ({@link PasswordChecks}). */
	@Bean
	static BeanPostProcessor countPasswordChecks() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				return bean instanceof PasswordEncoder encoder && !(bean instanceof PasswordChecks)
						? new PasswordChecks(encoder) : bean;
			}
		};
	}

	/** Fails on purpose, to show what a user sees of a server error; found by component scanning. */
	@Controller
	static class FailingController {

		private final JdbcClient jdbc;

		FailingController(JdbcClient jdbc) {
			this.jdbc = jdbc;
		}

		@GetMapping("/test/failure")
		String fail() {
			throw new IllegalStateException("select * from secret_table where leaked = true");
		}

		/** A query the database refuses: its error names the table and quotes the SQL. */
		@GetMapping("/test/sql-failure")
		String failInTheDatabase() {
			jdbc.sql("SELECT leaked FROM secret_table").query().listOfRows();
			return "never";
		}

	}

}
