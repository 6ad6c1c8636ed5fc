package vn.cnscd.portal.audit;

import java.util.List;
import java.util.Objects;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records who changed what, from which value to which. Joins the caller's transaction, so a change and
 * its record are saved together or not at all.
 */
@Service
public class AuditLog {

	private final JdbcClient jdbc;

	AuditLog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void record(AuditEntry entry) {
		jdbc.sql("""
				INSERT INTO audit_event (actor_id, actor_name, action, entity_type, entity_id, unit_id, field, old_value, new_value)
				VALUES (:actorId, :actorName, :action, :entityType, :entityId, :unitId, :field, :oldValue, :newValue)""")
			.paramSource(entry)
			.update();
	}

	/** Records one entry per field whose value changed; nothing when none did. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void recordChanges(AuditEntry template, List<FieldChange> changes) {
		changes.stream()
			.filter(change -> !Objects.equals(change.oldValue(), change.newValue()))
			.forEach(change -> record(template.withChange(change.field(), change.oldValue(), change.newValue())));
	}

	/** Records many entries in one statement, as an import of hundreds of members does. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void recordAll(List<AuditEntry> entries) {
		if (entries.isEmpty()) {
			return;
		}
		jdbc.sql("""
				INSERT INTO audit_event (actor_id, actor_name, action, entity_type, entity_id, unit_id, field, old_value, new_value)
				SELECT * FROM unnest(:actorIds::bigint[], :actorNames::text[], :actions::text[], :entityTypes::text[],
				                     :entityIds::bigint[], :unitIds::bigint[], :fields::text[], :oldValues::text[],
				                     :newValues::text[])""")
			.param("actorIds", entries.stream().map(AuditEntry::actorId).toArray(Long[]::new))
			.param("actorNames", entries.stream().map(AuditEntry::actorName).toArray(String[]::new))
			.param("actions", entries.stream().map(AuditEntry::action).toArray(String[]::new))
			.param("entityTypes", entries.stream().map(AuditEntry::entityType).toArray(String[]::new))
			.param("entityIds", entries.stream().map(AuditEntry::entityId).toArray(Long[]::new))
			.param("unitIds", entries.stream().map(AuditEntry::unitId).toArray(Long[]::new))
			.param("fields", entries.stream().map(AuditEntry::field).toArray(String[]::new))
			.param("oldValues", entries.stream().map(AuditEntry::oldValue).toArray(String[]::new))
			.param("newValues", entries.stream().map(AuditEntry::newValue).toArray(String[]::new))
			.update();
	}

	@Transactional(readOnly = true)
	public List<AuditEntry> history(String entityType, long entityId) {
		return jdbc.sql("""
				SELECT actor_id, actor_name, action, entity_type, entity_id, unit_id, field, old_value, new_value, occurred_at
				FROM audit_event WHERE entity_type = :type AND entity_id = :id ORDER BY occurred_at, id""")
			.param("type", entityType)
			.param("id", entityId)
			.query(AuditEntry.class)
			.list();
	}

	public record FieldChange(String field, String oldValue, String newValue) {

		public static FieldChange of(String field, Object oldValue, Object newValue) {
			return new FieldChange(field, oldValue == null ? null : oldValue.toString(),
					newValue == null ? null : newValue.toString());
		}

	}

}
