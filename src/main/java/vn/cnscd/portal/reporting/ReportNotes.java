package vn.cnscd.portal.reporting;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The words of the reports of some communes over a period, for summaries: the obstacles raised and the
 * proposals made by their villages (as they stood at the period's end) and by the communes themselves. The
 * callers have checked the reader's area.
 */
@Service
@Transactional(readOnly = true)
public class ReportNotes {

	private final JdbcClient jdbc;

	ReportNotes(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** What a unit wrote for a month, with its commune; {@code status} is an obstacle's, null for a proposal. */
	public record Note(long unitId, long communeId, YearMonth month, String text, String status) {
	}

	/** The obstacles raised from {@code from} to {@code to}, by month, commune and unit. */
	public List<Note> obstacles(Collection<Long> communeIds, YearMonth from, YearMonth to) {
		if (communeIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				SELECT o.unit_id, units.commune_id, o.period, o.text, o.status
				FROM (SELECT village_id AS unit_id, commune_id FROM area_villages(:communes, :on)
				      UNION ALL SELECT c, c FROM unnest(CAST(:communes AS bigint[])) c) units
				JOIN obstacle o ON o.unit_id = units.unit_id AND o.period BETWEEN :from AND :to
				ORDER BY o.period, units.commune_id, o.unit_id, o.id""")
			.param("communes", communeIds.toArray(Long[]::new))
			.param("on", to.atEndOfMonth())
			.param("from", from.atDay(1))
			.param("to", to.atDay(1))
			.query((rs, n) -> new Note(rs.getLong("unit_id"), rs.getLong("commune_id"),
					YearMonth.from(rs.getObject("period", LocalDate.class)), rs.getString("text"), rs.getString("status")))
			.list();
	}

	/** The proposals of the villages' sent reports from {@code from} to {@code to}, by month, commune and village. */
	public List<Note> proposals(Collection<Long> communeIds, YearMonth from, YearMonth to) {
		if (communeIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				SELECT r.village_id, av.commune_id, r.period, r.proposals
				FROM area_villages(:communes, :on) av
				JOIN village_report r ON r.village_id = av.village_id AND r.period BETWEEN :from AND :to
				WHERE village_report_sent(r.status) AND length(trim(r.proposals)) > 0
				ORDER BY r.period, av.commune_id, r.village_id""")
			.param("communes", communeIds.toArray(Long[]::new))
			.param("on", to.atEndOfMonth())
			.param("from", from.atDay(1))
			.param("to", to.atDay(1))
			.query((rs, n) -> new Note(rs.getLong("village_id"), rs.getLong("commune_id"),
					YearMonth.from(rs.getObject("period", LocalDate.class)), rs.getString("proposals"), null))
			.list();
	}

}
