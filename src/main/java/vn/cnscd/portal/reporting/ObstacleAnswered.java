package vn.cnscd.portal.reporting;

import java.time.YearMonth;
import java.util.UUID;

/** Someone answered an obstacle; {@code raisedBy} (none for an obstacle of old data) reads the answer. */
public record ObstacleAnswered(UUID id, long obstacleId, long unitId, YearMonth period, String answer, Long raisedBy,
		long answeredBy) {

	ObstacleAnswered(long obstacleId, long unitId, YearMonth period, String answer, Long raisedBy, long answeredBy) {
		this(UUID.randomUUID(), obstacleId, unitId, period, answer, raisedBy, answeredBy);
	}

}
