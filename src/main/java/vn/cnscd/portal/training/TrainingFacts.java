package vn.cnscd.portal.training;

import java.sql.Array;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.cnscd.portal.area.UnitSummary;
import vn.cnscd.portal.team.RosterFacts;
import vn.cnscd.portal.team.RosterFacts.MemberPlace;

/**
 * What the training records say of an area and a period, for reports: the sessions held within it that its
 * committee organised or its members attended, and by commune how many attended and how many members of
 * the period's last day had attended a session by then. Where a member belongs is the rosters' business
 * ({@link RosterFacts}); training knows only who attended what.
 */
@Service
@Transactional(readOnly = true)
public class TrainingFacts {

	private final JdbcClient jdbc;

	private final RosterFacts rosters;

	TrainingFacts(JdbcClient jdbc, RosterFacts rosters) {
		this.jdbc = jdbc;
		this.rosters = rosters;
	}

	/** A session as a report names it; {@code attendees} are those of the area. */
	public record HeldSession(LocalDate heldOn, String modeKey, String place, String organiser, long attendees) {
	}

	/** By commune id: attendances within the period, and members trained at least once by its end. */
	public record Facts(List<HeldSession> sessions, Map<Long, Long> attendances, Map<Long, Long> trained) {
	}

	private record Session(LocalDate heldOn, TrainingMode mode, String place, String organiser, boolean own,
			List<Long> members) {
	}

	public Facts of(UnitSummary area, LocalDate from, LocalDate to) {
		List<Session> held = jdbc.sql("""
				SELECT s.held_on, s.mode, s.place, s.organiser, u.subtree_path LIKE :path AS own,
				       array_remove(array_agg(a.member_id ORDER BY a.member_id), NULL) AS members
				FROM training_session s JOIN unit u ON u.id = s.district_id
				LEFT JOIN training_attendance a ON a.session_id = s.id
				WHERE s.held_on BETWEEN :from AND :to
				GROUP BY s.id, u.subtree_path ORDER BY s.held_on, s.id""")
			.param("path", UnitSummary.likeUnder(area.path()))
			.param("from", from)
			.param("to", to)
			.query((rs, row) -> new Session(rs.getObject("held_on", LocalDate.class),
					TrainingMode.valueOf(rs.getString("mode")), rs.getString("place"), rs.getString("organiser"),
					rs.getBoolean("own"), ids(rs.getArray("members"))))
			.list();
		Set<Long> attendees = new HashSet<>();
		held.forEach(session -> attendees.addAll(session.members()));
		Map<Long, MemberPlace> places = rosters.places(area.path(), attendees, to);
		List<HeldSession> sessions = new ArrayList<>();
		Map<Long, Long> attendances = new HashMap<>();
		for (Session session : held) {
			long ours = 0;
			for (long member : session.members()) {
				MemberPlace place = places.get(member);
				if (place != null) {
					ours++;
					attendances.merge(place.communeId(), 1L, Long::sum);
				}
			}
			if (session.own() || ours > 0) {
				sessions.add(new HeldSession(session.heldOn(), "training.mode." + session.mode().name(), session.place(),
						session.organiser(), ours));
			}
		}
		List<Long> everTrained = jdbc.sql("""
				SELECT DISTINCT a.member_id FROM training_attendance a JOIN training_session s ON s.id = a.session_id
				WHERE s.held_on <= :to""")
			.param("to", to)
			.query(Long.class)
			.list();
		Map<Long, Long> trained = new HashMap<>();
		rosters.places(area.path(), everTrained, to)
			.values()
			.stream()
			.filter(MemberPlace::active)
			.forEach(place -> trained.merge(place.communeId(), 1L, Long::sum));
		return new Facts(sessions, attendances, trained);
	}

	private static List<Long> ids(Array array) throws SQLException {
		return array == null ? List.of() : Arrays.asList((Long[]) array.getArray());
	}

}
