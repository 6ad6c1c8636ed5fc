package vn.cnscd.portal.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import vn.cnscd.portal.IntegrationTest;
import vn.cnscd.portal.account.AccountService;
import vn.cnscd.portal.area.UnitService;

/**
 * Issue #11: an import holds a database connection only for a moment, never while it reads the file, and
 * writes in a few statements whatever the number of rows. The requests run for real (no test transaction,
 * which would hold a connection of its own), into communes of their own, deleted afterwards; every connection
 * the portal takes is counted, per thread, and so is every statement.
 */
@IntegrationTest
@Import(RosterImportLoadTests.Counting.class)
class RosterImportLoadTests {

	@MockitoSpyBean
	RosterFileReader reader;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	UnitService units;

	@Autowired
	AccountService accounts;

	@Autowired
	JdbcClient jdbc;

	/** For each time a file was opened: the connections the thread held then, and whether it ran in a transaction. */
	final List<String> whileReading = new CopyOnWriteArrayList<>();

	@BeforeEach
	void watchTheReading() {
		doAnswer(invocation -> {
			whileReading.add(Counting.HELD.get() + " connections, transaction "
					+ TransactionSynchronizationManager.isActualTransactionActive());
			return invocation.callRealMethod();
		}).when(reader).open(any());
	}

	final List<ImportCommune> made = new CopyOnWriteArrayList<>();

	ImportCommune commune(String code, int villages) {
		ImportCommune commune = ImportCommune.make(units, accounts, users, jdbc, code, villages, "x");
		made.add(commune);
		return commune;
	}

	@AfterEach
	void deleteTheCommunes() {
		made.forEach(commune -> commune.delete(jdbc));
	}

	/** Uploads and imports as the chair; the statements the portal ran for it. */
	int statementsToImport(ImportCommune commune, byte[] file) throws Exception {
		RosterImportSteps steps = new RosterImportSteps(mvc, users);
		int before = Counting.STATEMENTS.get();
		Document page = Jsoup.parse(steps.upload(commune.chair(), commune.commune(), "ds.xlsx", file, "")
			.getContentAsString());
		MvcResult imported = steps.send(commune.chair(), page, "IMPORT", Map.of());
		assertThat(imported.getResponse().getStatus()).as(imported.getResponse().getContentAsString()).isEqualTo(302);
		return Counting.STATEMENTS.get() - before;
	}

	@Test
	void noConnectionIsHeldWhileTheFileIsReadAtTheUploadOrAtTheImport() throws Exception {
		ImportCommune commune = commune("LOADA", 6);
		statementsToImport(commune, RosterFiles.xlsx(commune.rows(50, 1)));
		assertThat(whileReading).hasSize(2).containsOnly("0 connections, transaction false");
		assertThat(jdbc.sql("SELECT count(*) FROM team_member m JOIN team t ON t.id = m.team_id WHERE t.unit_id IN"
				+ " (SELECT id FROM unit WHERE parent_id = :commune)").param("commune", commune.commune().id())
			.query(Long.class)
			.single()).isEqualTo(300);
	}

	@Test
	void threeHundredMembersTakeNoMoreStatementsThanThirty() throws Exception {
		ImportCommune small = commune("LOADB", 6);
		ImportCommune real = commune("LOADC", 6);
		int thirty = statementsToImport(small, RosterFiles.xlsx(small.rows(5, 2)));
		int threeHundred = statementsToImport(real, RosterFiles.xlsx(real.rows(50, 3)));
		assertThat(threeHundred).isEqualTo(thirty);
		// per village: its team made, locked, counted, its members and their audit written
		assertThat(threeHundred).isLessThan(150);
	}

	/** Counts the connections each thread holds and the statements it prepares. */
	@TestConfiguration(proxyBeanMethods = false)
	static class Counting {

		static final ThreadLocal<Integer> HELD = ThreadLocal.withInitial(() -> 0);

		/**
		 * The statements of the thread that serves the request: the listeners of the events it published (the
		 * notifications) run afterwards on threads of their own, and would land in whichever count is running.
		 */
		static final ThreadLocal<Integer> STATEMENTS = ThreadLocal.withInitial(() -> 0);

		@Bean
		static BeanPostProcessor countingDataSource() {
			return new BeanPostProcessor() {
				@Override
				public Object postProcessAfterInitialization(Object bean, String name) {
					return bean instanceof DataSource dataSource && !(bean instanceof DelegatingDataSource)
							? new CountingDataSource(dataSource) : bean;
				}
			};
		}

		static final class CountingDataSource extends DelegatingDataSource {

			CountingDataSource(DataSource target) {
				super(target);
			}

			@Override
			public Connection getConnection() throws SQLException {
				return counted(super.getConnection());
			}

			@Override
			public Connection getConnection(String username, String password) throws SQLException {
				return counted(super.getConnection(username, password));
			}

			private static Connection counted(Connection connection) {
				HELD.set(HELD.get() + 1);
				boolean[] closed = { false };
				return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
						new Class<?>[] { Connection.class }, (proxy, method, args) -> {
							switch (method.getName()) {
								case "prepareStatement", "createStatement", "prepareCall" -> STATEMENTS.set(STATEMENTS.get() + 1);
								case "close" -> {
									if (!closed[0]) {
										closed[0] = true;
										HELD.set(HELD.get() - 1);
									}
								}
								default -> {
								}
							}
							try {
								return method.invoke(connection, args);
							}
							catch (InvocationTargetException failure) {
								throw failure.getCause();
							}
						});
			}

		}

	}

}
