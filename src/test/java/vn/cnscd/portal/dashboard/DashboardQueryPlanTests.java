package vn.cnscd.portal.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import net.ttddyy.dsproxy.proxy.ParameterSetOperation;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import vn.cnscd.portal.IntegrationTest;
import vn.cnscd.portal.SqlRecorder;
import vn.cnscd.portal.scale.ScaleData;

/**
 * Every statement the dashboards run can be answered from an index, whatever the size of the country: with a
 * generated province around the demo district, each statement a dashboard page ran is explained again, with its parameters, while sequential scans are
 * discouraged, and none may still read one of the large tables whole, by a sequential scan or by an index
 * scan without a condition on the index. (A predicate no index serves, such as a
 * {@code LIKE ANY} of patterns or a pattern built from a column, leaves a sequential scan in the plan.)
 */
@IntegrationTest
@Transactional
class DashboardQueryPlanTests {

	private static final Set<String> LARGE = Set.of("unit", "village_report", "village_report_value", "village_figure",
			"team", "team_member", "obstacle", "obstacle_answer", "target", "commune_report", "app_user");

	private static final ObjectMapper JSON = new ObjectMapper();

	@Autowired
	MockMvc mvc;

	@Autowired
	SqlRecorder recorder;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService users;

	@Test
	void theDashboardsStatementsAllUseIndexes() throws Exception {
		// a province around the demo district (inside the test's transaction), so that the district's rows are
		// the small part of each table that an index is for
		ScaleData.generate(jdbc, ScaleData.Scale.PROVINCE, YearMonth.now().minusMonths(1), 24);
		long district = jdbc.queryForObject("SELECT id FROM unit WHERE level = 'DISTRICT' AND code = '298'", Long.class);
		long commune = jdbc.queryForObject("SELECT id FROM unit WHERE level = 'COMMUNE' AND code = '11074'", Long.class);
		List<SqlRecorder.Statement> statements = new ArrayList<>();
		statements.addAll(run("district", "/districts/" + district + "/dashboard"));
		statements.addAll(run("district", "/districts/" + district + "/dashboard/trends"));
		statements.addAll(run("district", "/districts/" + district + "/dashboard/text"));
		statements.addAll(run("steering", "/districts/" + district + "/dashboard"));
		statements.addAll(run("commune", "/communes/" + commune + "/dashboard"));
		List<SqlRecorder.Statement> queries = statements.stream()
			.filter(statement -> statement.sql().strip().toLowerCase(Locale.ROOT).matches("(?s)(select|with).*"))
			.toList();
		assertThat(queries).hasSizeGreaterThan(10);

		// the planner forbidden to read a table whole, and made to count rows above pages, takes the plan that
		// reads the fewest rows, which is what an index is for; a small table's full scan is then no cheaper
		jdbc.execute("SET LOCAL enable_seqscan = off");
		jdbc.execute("SET LOCAL cpu_tuple_cost = 1");
		jdbc.execute("SET LOCAL cpu_index_tuple_cost = 1");
		List<String> unindexed = new ArrayList<>();
		for (SqlRecorder.Statement query : queries) {
			JsonNode plan = JSON.readTree(explain(query)).get(0).get("Plan");
			List<String> whole = new ArrayList<>();
			readWhole(plan, whole);
			if (!whole.isEmpty()) {
				unindexed.add(whole + " read whole by:\n" + query.sql() + "\n" + plan.toPrettyString());
			}
		}
		assertThat(unindexed).isEmpty();
	}

	/**
	 * The portal's connections never compile a statement (application.properties says why): the cost estimates of
	 * a tree with a long history pass PostgreSQL's JIT threshold, and compiling costs far more than these
	 * statements' few milliseconds of work.
	 */
	@Test
	void statementsAreRunWithoutJitCompilation() {
		assertThat(jdbc.queryForObject("SHOW jit", String.class)).isEqualTo("off");
	}

	/**
	 * A dashboard's statements are planned for the area they read, never by a generic plan made for some other
	 * area's size, and have the memory to group a country's communes (ReportFigures says why); until an area is read,
	 * a transaction has PostgreSQL's defaults.
	 */
	@Test
	void aDashboardsStatementsArePlannedForItsArea() throws Exception {
		assertThat(jdbc.queryForObject("SHOW plan_cache_mode", String.class)).isEqualTo("auto");
		long district = jdbc.queryForObject("SELECT id FROM unit WHERE level = 'DISTRICT' AND code = '298'", Long.class);

		run("district", "/districts/" + district + "/dashboard");

		assertThat(jdbc.queryForObject("SHOW plan_cache_mode", String.class)).isEqualTo("force_custom_plan");
		assertThat(jdbc.queryForObject("SHOW work_mem", String.class)).isEqualTo("32MB");
	}

	/**
	 * The large tables a plan reads whole: by a sequential scan, or by an index scan with no condition on the
	 * index (what a planner forbidden sequential scans falls back to when no index serves the predicate).
	 */
	private static void readWhole(JsonNode node, List<String> found) {
		String type = node.get("Node Type").asString();
		String relation = node.has("Relation Name") ? node.get("Relation Name").asString() : null;
		boolean large = relation != null && LARGE.contains(relation);
		if (large && type.equals("Seq Scan")) {
			found.add(relation);
		}
		if (large && (type.equals("Index Scan") || type.equals("Index Only Scan")) && !node.has("Index Cond")) {
			found.add(relation + " (" + node.get("Index Name").asString() + ")");
		}
		if (type.equals("Bitmap Index Scan") && !node.has("Index Cond")) {
			found.add(node.get("Index Name").asString());
		}
		if (node.has("Plans")) {
			node.get("Plans").forEach(child -> readWhole(child, found));
		}
	}

	private List<SqlRecorder.Statement> run(String username, String url) throws Exception {
		recorder.start();
		try {
			mvc.perform(get(url).with(user(users.loadUserByUsername(username)))).andExpect(status().isOk());
		}
		finally {
			return recorder.stop();
		}
	}

	private String explain(SqlRecorder.Statement query) {
		return jdbc.execute((ConnectionCallback<String>) connection -> {
			try (PreparedStatement explain = connection.prepareStatement("EXPLAIN (FORMAT JSON) " + query.sql())) {
				for (ParameterSetOperation parameter : query.parameters()) {
					parameter.getMethod().invoke(explain, parameter.getArgs());
				}
				StringBuilder plan = new StringBuilder();
				try (ResultSet rows = explain.executeQuery()) {
					while (rows.next()) {
						plan.append(rows.getString(1)).append('\n');
					}
				}
				return plan.toString();
			}
			catch (ReflectiveOperationException failed) {
				throw new IllegalStateException(failed);
			}
		});
	}

}
