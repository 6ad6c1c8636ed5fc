package vn.cnscd.portal.web;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns an unreachable database into one sentence on what to do. */
class DatabaseUnreachableFailureAnalyzer extends AbstractFailureAnalyzer<DatabaseUnreachableException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, DatabaseUnreachableException cause) {
		return new FailureAnalysis("The portal cannot use PostgreSQL at %s as user '%s' (%s).".formatted(cause.url(),
				cause.user(), cause.getCause().getMessage()),
				"Start Docker (the portal then starts the PostgreSQL of docker-compose.yml), or start the local PostgreSQL and create the database with 'bash .ci/setup-postgres', or set SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD to a PostgreSQL you have.",
				cause);
	}

}
