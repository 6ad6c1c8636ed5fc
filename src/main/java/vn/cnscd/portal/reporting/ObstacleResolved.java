package vn.cnscd.portal.reporting;

import java.time.YearMonth;
import java.util.UUID;

/** An obstacle was marked resolved, by its reporter or by someone who answers it. */
public record ObstacleResolved(UUID id, long obstacleId, long unitId, YearMonth period, Long raisedBy,
		long resolvedBy) {

	ObstacleResolved(long obstacleId, long unitId, YearMonth period, Long raisedBy, long resolvedBy) {
		this(UUID.randomUUID(), obstacleId, unitId, period, raisedBy, resolvedBy);
	}

}
