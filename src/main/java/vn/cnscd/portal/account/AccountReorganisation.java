package vn.cnscd.portal.account;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.cnscd.portal.area.PreviewLine;
import vn.cnscd.portal.area.ReorganisationParticipant;
import vn.cnscd.portal.area.UnitsReorganised;
import vn.cnscd.portal.audit.AuditEntry;
import vn.cnscd.portal.audit.AuditLog;

/**
 * Accounts whose home unit closes in a reorganisation: the preview proposes a new home for each (its unit's
 * successor; the first of them where it was split) or disabling it where there is none, and the officer
 * decides; when the reorganisation takes effect, each is re-homed or disabled as decided.
 */
@Component
class AccountReorganisation implements ReorganisationParticipant {

	private final JdbcClient jdbc;

	private final AuditLog audit;

	AccountReorganisation(JdbcClient jdbc, AuditLog audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	private record Affected(long id, String username, String fullName, String role, long home) {
	}

	@Override
	public List<PreviewLine> preview(UnitsReorganised change) {
		List<Affected> affected = affected(change);
		if (affected.isEmpty()) {
			return List.of();
		}
		List<PreviewLine.Choice> choices = new ArrayList<>();
		for (Affected account : affected) {
			List<PreviewLine.Option> options = new ArrayList<>();
			change.successors().get(account.home())
				.forEach(successor -> options.add(new PreviewLine.Option(successor, change.name(successor))));
			options.add(new PreviewLine.Option(0, ""));
			choices.add(new PreviewLine.Choice(account.id(), account.fullName() + " (" + account.username() + ", "
					+ change.name(account.home()) + ")", options, chosen(change, account)));
		}
		return List.of(new PreviewLine("reorganisation.preview.accounts", List.of(affected.size()), List.of(), choices));
	}

	@Override
	public void takeEffect(UnitsReorganised change) {
		for (Affected account : affected(change)) {
			long home = chosen(change, account);
			if (home == 0) {
				jdbc.sql("UPDATE app_user SET enabled = false, version = version + 1 WHERE id = :id")
					.param("id", account.id())
					.update();
				audit.record(AuditEntry.of(null, "system", "ACCOUNT_DISABLED", "ACCOUNT", account.id(), account.home())
					.withChange("reorganisation", null, String.valueOf(change.reorganisationId())));
			}
			else {
				jdbc.sql("""
						UPDATE app_user SET home_unit_id = :home, rehomed_from = :from, rehomed_on = :on,
						       version = version + 1
						WHERE id = :id""")
					.param("id", account.id())
					.param("home", home)
					.param("from", account.home())
					.param("on", change.effectiveOn())
					.update();
				audit.record(AuditEntry.of(null, "system", "ACCOUNT_REHOMED", "ACCOUNT", account.id(), home)
					.withChange("homeUnit", String.valueOf(account.home()), String.valueOf(home)));
			}
		}
	}

	/** The officer's choice, or the proposal: the first successor, or disabling where there is none. */
	private static long chosen(UnitsReorganised change, Affected account) {
		Map<Long, Long> decisions = change.accountDecisions();
		List<Long> successors = change.successors().get(account.home());
		Long decided = decisions.get(account.id());
		if (decided != null && (decided == 0 || successors.contains(decided))) {
			return decided;
		}
		return successors.isEmpty() ? 0 : successors.get(0);
	}

	private List<Affected> affected(UnitsReorganised change) {
		List<Long> closing = change.successors().keySet().stream().filter(id -> id > 0).toList();
		if (closing.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				SELECT id, username, full_name, role, home_unit_id FROM app_user
				WHERE home_unit_id = ANY (:units) AND enabled ORDER BY home_unit_id, role, username""")
			.param("units", closing.toArray(Long[]::new))
			.query((rs, n) -> new Affected(rs.getLong("id"), rs.getString("username"), rs.getString("full_name"),
					rs.getString("role"), rs.getLong("home_unit_id")))
			.list();
	}

}
