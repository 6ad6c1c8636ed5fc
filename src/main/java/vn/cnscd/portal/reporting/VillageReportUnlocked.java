package vn.cnscd.portal.reporting;

import java.time.YearMonth;
import java.util.UUID;

/** An officer reopened an approved village report, with the reason its head will read. */
public record VillageReportUnlocked(UUID id, long reportId, long villageId, YearMonth period, String reason,
		long unlockedBy) {

	VillageReportUnlocked(long reportId, long villageId, YearMonth period, String reason, long unlockedBy) {
		this(UUID.randomUUID(), reportId, villageId, period, reason, unlockedBy);
	}

}
