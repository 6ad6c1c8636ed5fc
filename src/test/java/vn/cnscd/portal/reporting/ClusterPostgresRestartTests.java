package vn.cnscd.portal.reporting;

/**
 * The restart of {@link PostgresRestartTests} under the cluster profile, where the sessions live in the same
 * PostgreSQL: no report told submitted is lost there either. A village head may be told of the failure by
 * a 500 or by the servlet container's bare 503 page instead of the portal's: Spring Session saves the
 * session at the end of the request, and again while the error page is shown, in the database that is down.
 */
class ClusterPostgresRestartTests extends PostgresRestartTests {

	@Override
	String profile() {
		return "cluster";
	}

	@Override
	String failureAnswer(String unavailable) {
		return "5\\d\\d\\b.*";
	}

}
