package vn.cnscd.portal.team;

import java.sql.ResultSet;
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
 * Teams follow their units: a village's teams, members and head go with the village wherever it goes; the
 * team of a commune that closes ends on the reorganisation's date (kept in history), and the commune it went
 * into needs its own team and decision; steering assignments to closed communes, and committee members of a
 * closed committee, move to the successors.
 */
@Component
class TeamReorganisation implements ReorganisationParticipant {

	private final JdbcClient jdbc;

	private final AuditLog audit;

	TeamReorganisation(JdbcClient jdbc, AuditLog audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	@Override
	public List<PreviewLine> preview(UnitsReorganised change) {
		List<PreviewLine> lines = new ArrayList<>();
		List<Long> closing = closing(change);
		List<String> ended = new ArrayList<>();
		jdbc.sql("SELECT unit_id, name FROM team WHERE unit_id = ANY (:units) AND status = 'ACTIVE' AND level = 'COMMUNE'")
			.param("units", closing.toArray(Long[]::new))
			.query((ResultSet rs) -> {
				ended.add(rs.getString("name") + " (" + change.name(rs.getLong("unit_id")) + ")");
			});
		if (!ended.isEmpty()) {
			lines.add(PreviewLine.of("reorganisation.preview.teamsEnded", ended, ended.size()));
		}
		long carried = change.villagesMoved().isEmpty() ? 0 : jdbc.sql("""
				SELECT count(*) FROM team WHERE unit_id = ANY (:villages) AND status = 'ACTIVE'""")
			.param("villages", change.villagesMoved().keySet().toArray(Long[]::new))
			.query(Long.class)
			.single();
		if (carried > 0) {
			lines.add(PreviewLine.of("reorganisation.preview.teamsCarried", List.of(), carried));
		}
		List<String> needing = change.successors()
			.values()
			.stream()
			.flatMap(List::stream)
			.filter(id -> id < 0)
			.distinct()
			.map(change::name)
			.toList();
		if (!needing.isEmpty()) {
			lines.add(PreviewLine.of("reorganisation.preview.teamsNeeded", needing, needing.size()));
		}
		long assignments = jdbc.sql("SELECT count(*) FROM steering_member_commune WHERE commune_id = ANY (:units)")
			.param("units", closing.toArray(Long[]::new))
			.query(Long.class)
			.single();
		if (assignments > 0) {
			lines.add(PreviewLine.of("reorganisation.preview.assignments", List.of(), assignments));
		}
		return lines;
	}

	@Override
	public void takeEffect(UnitsReorganised change) {
		List<Long> closing = closing(change);
		if (closing.isEmpty()) {
			return;
		}
		List<Long> ended = jdbc.sql("""
				UPDATE team SET status = 'DISSOLVED', dissolved_on = :on, version = version + 1
				WHERE unit_id = ANY (:units) AND status = 'ACTIVE' AND level = 'COMMUNE' RETURNING id""")
			.param("units", closing.toArray(Long[]::new))
			.param("on", change.effectiveOn())
			.query(Long.class)
			.list();
		ended.forEach(team -> audit.record(AuditEntry.of(null, "system", "TEAM_DISSOLVED", "TEAM", team, null)
			.withChange("reorganisation", null, String.valueOf(change.reorganisationId()))));
		for (Map.Entry<Long, List<Long>> closed : change.successors().entrySet()) {
			for (long successor : closed.getValue()) {
				jdbc.sql("""
						INSERT INTO steering_member_commune (steering_member_id, commune_id)
						SELECT steering_member_id, :successor FROM steering_member_commune WHERE commune_id = :closed
						ON CONFLICT DO NOTHING""")
					.param("closed", closed.getKey())
					.param("successor", successor)
					.update();
			}
			if (!closed.getValue().isEmpty()) {
				jdbc.sql("UPDATE steering_member SET district_id = :successor WHERE district_id = :closed")
					.param("closed", closed.getKey())
					.param("successor", closed.getValue().get(0))
					.update();
			}
		}
		jdbc.sql("DELETE FROM steering_member_commune WHERE commune_id = ANY (:units)")
			.param("units", closing.toArray(Long[]::new))
			.update();
	}

	private static List<Long> closing(UnitsReorganised change) {
		return change.successors().keySet().stream().filter(id -> id > 0).toList();
	}

}
