package vn.cnscd.portal.benchmark;

import java.util.Comparator;
import java.util.List;

import vn.cnscd.portal.SqlRecorder;

/**
 * The statements of one timed request, kept without their parameters (a country's page binds arrays of 74,000
 * ids, and a benchmark keeps hundreds of requests): their SQL and how long the JDBC driver took for each.
 */
record TimedStatements(List<Run> runs) {

	/** A statement of the request and how long it took, in nanoseconds. */
	record Run(String sql, long nanos) {
	}

	static TimedStatements of(List<SqlRecorder.Statement> statements) {
		return new TimedStatements(statements.stream().map(statement -> new Run(statement.sql(), statement.nanos())).toList());
	}

	long nanos() {
		return runs.stream().mapToLong(Run::nanos).sum();
	}

	int size() {
		return runs.size();
	}

	/** The request of the median sum of statements' times. */
	static TimedStatements median(List<TimedStatements> requests) {
		List<TimedStatements> sorted = requests.stream().sorted(Comparator.comparingLong(TimedStatements::nanos)).toList();
		return sorted.get(sorted.size() / 2);
	}

	/** Prints the {@code count} slowest statements under {@code title}, each on one line. */
	void printSlowest(String title, int count) {
		System.out.println(title);
		runs.stream().sorted(Comparator.comparingLong(Run::nanos).reversed()).limit(count).forEach(statement -> {
			String line = statement.sql().replaceAll("\\s+", " ").strip();
			System.out.printf("  %6.1f ms  %s%n", statement.nanos() / 1e6, line.substring(0, Math.min(160, line.length())));
		});
	}

}
