package vn.cnscd.portal;

import java.util.ArrayList;
import java.util.List;

import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.proxy.ParameterSetOperation;

/**
 * The SQL statements the portal runs while a test records them (every thread's), with their parameters and how
 * long the driver took, timed around each execution. {@link TestConfig} puts it between the portal and its
 * data source; it records nothing until {@link #start()}.
 */
public class SqlRecorder implements QueryExecutionListener {

	/** A statement as it was run: its SQL with {@code ?} for parameters, how they were set, and its time. */
	public record Statement(String sql, List<ParameterSetOperation> parameters, long nanos) {
	}

	private final ThreadLocal<Long> started = new ThreadLocal<>();

	private List<Statement> recording;

	public synchronized void start() {
		recording = new ArrayList<>();
	}

	/** What was run since {@link #start()}; recording stops. */
	public synchronized List<Statement> stop() {
		List<Statement> recorded = recording == null ? List.of() : List.copyOf(recording);
		recording = null;
		return recorded;
	}

	private synchronized boolean recording() {
		return recording != null;
	}

	@Override
	public void beforeQuery(ExecutionInfo execution, List<QueryInfo> queries) {
		if (recording()) {
			started.set(System.nanoTime());
		}
	}

	@Override
	public void afterQuery(ExecutionInfo execution, List<QueryInfo> queries) {
		Long start = started.get();
		started.remove();
		if (start == null) {
			return;
		}
		long nanos = (System.nanoTime() - start) / Math.max(1, queries.size());
		synchronized (this) {
			if (recording == null) {
				return;
			}
			for (QueryInfo query : queries) {
				List<ParameterSetOperation> parameters = query.getParametersList().isEmpty() ? List.of()
						: List.copyOf(query.getParametersList().get(0));
				recording.add(new Statement(query.getQuery(), parameters, nanos));
			}
		}
	}

}
