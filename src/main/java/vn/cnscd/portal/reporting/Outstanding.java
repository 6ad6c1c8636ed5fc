package vn.cnscd.portal.reporting;

import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What is still to be done, the facts reminders are made of: whose report of a month has been sent, which
 * village reports wait for their chair, which addressees of an ad hoc request have not answered it.
 */
@Service
@Transactional(readOnly = true)
public class Outstanding {

	private final JdbcClient jdbc;

	Outstanding(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The villages whose report of the month counts as sent ({@link ReportStatus#sent()}). */
	public Set<Long> villagesWithReportSent(YearMonth period) {
		Set<Long> sent = new HashSet<>();
		jdbc.sql("SELECT village_id FROM village_report WHERE period = :period AND village_report_sent(status)")
			.param("period", period.atDay(1))
			.query((ResultSet rs) -> {
				sent.add(rs.getLong("village_id"));
			});
		return sent;
	}

	/** The villages whose report of the month is sent and waits for the chair's review, by village. */
	public Set<Long> villagesAwaitingReview(YearMonth period) {
		Set<Long> waiting = new HashSet<>();
		jdbc.sql("SELECT village_id FROM village_report WHERE period = :period AND status = :submitted")
			.param("period", period.atDay(1))
			.param("submitted", ReportStatus.SUBMITTED.name())
			.query((ResultSet rs) -> {
				waiting.add(rs.getLong("village_id"));
			});
		return waiting;
	}

	/** The communes whose own report of the month has been sent to the district. */
	public Set<Long> communesWithReportSent(YearMonth period) {
		Set<Long> sent = new HashSet<>();
		jdbc.sql("SELECT commune_id FROM commune_report WHERE period = :period AND status IN (:sent)")
			.param("period", period.atDay(1))
			.param("sent", List.of(CommuneReportStatus.SUBMITTED.name(), CommuneReportStatus.ACKNOWLEDGED.name()))
			.query((ResultSet rs) -> {
				sent.add(rs.getLong("commune_id"));
			});
		return sent;
	}

	/** An addressee of an open ad hoc request that has not answered it yet. */
	public record UnansweredRequest(long requestId, String title, LocalDate deadline, long unitId) {

		public String url() {
			return "/requests/" + requestId;
		}

	}

	/** The addressees yet to answer the open requests whose deadline falls between the two days, inclusive. */
	public List<UnansweredRequest> unansweredRequests(LocalDate from, LocalDate to) {
		return jdbc.sql("""
				SELECT r.id, r.title, r.deadline, a.unit_id
				FROM adhoc_request r JOIN adhoc_request_unit a ON a.request_id = r.id
				WHERE NOT r.closed AND r.deadline BETWEEN :from AND :to
				  AND NOT EXISTS (SELECT 1 FROM adhoc_response s WHERE s.request_id = r.id AND s.unit_id = a.unit_id)
				ORDER BY r.id, a.unit_id""")
			.param("from", from)
			.param("to", to)
			.query((rs, row) -> new UnansweredRequest(rs.getLong("id"), rs.getString("title"),
					rs.getObject("deadline", LocalDate.class), rs.getLong("unit_id")))
			.list();
	}

}
