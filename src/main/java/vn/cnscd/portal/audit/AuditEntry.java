package vn.cnscd.portal.audit;

import java.time.Instant;

/** One recorded change; {@code field}, {@code oldValue} and {@code newValue} are empty for whole-object actions. */
public record AuditEntry(Long actorId, String actorName, String action, String entityType, long entityId, Long unitId,
		String field, String oldValue, String newValue, Instant occurredAt) {

	public static AuditEntry of(Long actorId, String actorName, String action, String entityType, long entityId,
			Long unitId) {
		return new AuditEntry(actorId, actorName, action, entityType, entityId, unitId, null, null, null, null);
	}

	public AuditEntry withChange(String field, String oldValue, String newValue) {
		return new AuditEntry(actorId, actorName, action, entityType, entityId, unitId, field, oldValue, newValue,
				occurredAt);
	}

}
