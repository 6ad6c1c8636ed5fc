package vn.cnscd.portal.reporting;

import java.time.YearMonth;
import java.util.UUID;

/** A report raised an obstacle of a village or a commune: those who answer the unit's obstacles have it to answer. */
public record ObstacleRaised(UUID id, long obstacleId, long unitId, YearMonth period, String text, long raisedBy) {

	ObstacleRaised(long obstacleId, long unitId, YearMonth period, String text, long raisedBy) {
		this(UUID.randomUUID(), obstacleId, unitId, period, text, raisedBy);
	}

}
