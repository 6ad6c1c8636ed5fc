package vn.cnscd.portal.reporting;

import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.cnscd.portal.area.UnitSummary;
import vn.cnscd.portal.reporting.ObstacleService.Answer;
import vn.cnscd.portal.reporting.ObstacleService.Obstacle;

/**
 * What the reports of an area said in words over a span of months, for the committee's report: the obstacles
 * raised, with their status and answers, and the proposals of the villages' and communes' sent reports. An
 * area is a unit's subtree ({@link UnitSummary#path()}); both come in the order of the units' tree, then of
 * the months.
 */
@Service
@Transactional(readOnly = true)
public class ReportTexts {

	private final JdbcClient jdbc;

	ReportTexts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public record RaisedObstacle(Obstacle obstacle, List<Answer> answers) {
	}

	/** A proposal of a village's report or of a commune's (then {@code unitId} is the commune's). */
	public record Proposal(long unitId, YearMonth period, String text) {
	}

	public List<RaisedObstacle> obstacles(String path, YearMonth from, YearMonth to) {
		List<Obstacle> obstacles = jdbc.sql("""
				SELECT o.* FROM obstacle o JOIN unit u ON u.id = o.unit_id
				WHERE o.period BETWEEN :from AND :to AND u.subtree_path LIKE :path
				ORDER BY u.ancestor_path, u.code, o.period, o.id""")
			.param("from", from.atDay(1))
			.param("to", to.atDay(1))
			.param("path", UnitSummary.likeUnder(path))
			.query(ObstacleService::obstacle)
			.list();
		Map<Long, List<Answer>> answers = new HashMap<>();
		if (!obstacles.isEmpty()) {
			jdbc.sql("SELECT * FROM obstacle_answer WHERE obstacle_id = ANY (:ids) ORDER BY answered_at, id")
				.param("ids", obstacles.stream().map(Obstacle::id).toArray(Long[]::new))
				.query((ResultSet rs) -> {
					answers.computeIfAbsent(rs.getLong("obstacle_id"), id -> new ArrayList<>())
						.add(ObstacleService.answer(rs, 0));
				});
		}
		return obstacles.stream()
			.map(obstacle -> new RaisedObstacle(obstacle, List.copyOf(answers.getOrDefault(obstacle.id(), List.of()))))
			.toList();
	}

	public List<Proposal> proposals(String path, YearMonth from, YearMonth to) {
		return jdbc.sql("""
				SELECT unit_id, period, text FROM (
				  SELECT u.id AS unit_id, u.ancestor_path, u.code, r.period, r.proposals AS text
				  FROM village_report r JOIN unit u ON u.id = r.village_id
				  WHERE r.status = ANY (:villageSent) AND r.period BETWEEN :from AND :to AND u.subtree_path LIKE :path
				    AND length(trim(r.proposals)) > 0
				  UNION ALL
				  SELECT u.id, u.ancestor_path, u.code, r.period, r.proposals
				  FROM commune_report r JOIN unit u ON u.id = r.commune_id
				  WHERE r.status = ANY (:communeSent) AND r.period BETWEEN :from AND :to AND u.subtree_path LIKE :path
				    AND length(trim(r.proposals)) > 0) p
				ORDER BY ancestor_path, code, period""")
			.param("villageSent", Arrays.stream(ReportStatus.values()).filter(ReportStatus::sent).map(Enum::name)
				.toArray(String[]::new))
			.param("communeSent", Arrays.stream(CommuneReportStatus.values()).filter(CommuneReportStatus::sent)
				.map(Enum::name).toArray(String[]::new))
			.param("from", from.atDay(1))
			.param("to", to.atDay(1))
			.param("path", UnitSummary.likeUnder(path))
			.query((rs, row) -> new Proposal(rs.getLong("unit_id"),
					YearMonth.from(rs.getObject("period", LocalDate.class)), rs.getString("text")))
			.list();
	}

}
