package vn.cnscd.portal.team;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;

import vn.cnscd.portal.account.PhoneNumber;
import vn.cnscd.portal.audit.AuditEntry;

/**
 * One line of a team's history as an officer reads it: values of lists as their labels' message
 * keys, dates as dd/MM/yyyy and phones grouped, rather than as stored.
 */
record HistoryLine(Instant at, String who, String action, String memberName, String field, Value from, Value to) {

	private static final Map<String, String> LABELS = Map.of("gender", "team.gender.", "role", "team.role.",
			"affiliation", "team.affiliation.", "chatPlatform", "team.platform.");

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	static HistoryLine of(AuditEntry entry, String memberName) {
		return new HistoryLine(entry.occurredAt(), entry.actorName(), entry.action(), memberName, entry.field(),
				value(entry.field(), entry.oldValue()), value(entry.field(), entry.newValue()));
	}

	private static Value value(String field, String stored) {
		if (stored == null || field == null) {
			return new Value(null, stored);
		}
		if (LABELS.containsKey(field)) {
			return new Value(LABELS.get(field) + stored, null);
		}
		if (field.equals("phone")) {
			return new Value(null, PhoneNumber.display(stored));
		}
		try {
			return new Value(null, DATE.format(LocalDate.parse(stored)));
		}
		catch (DateTimeParseException notADate) {
			return new Value(null, stored);
		}
	}

	/** A value shown either as a message key's text or as plain text. */
	record Value(String key, String text) {
	}

}
