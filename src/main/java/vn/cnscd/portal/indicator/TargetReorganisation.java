package vn.cnscd.portal.indicator;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.cnscd.portal.area.PreviewLine;
import vn.cnscd.portal.area.ReorganisationParticipant;
import vn.cnscd.portal.area.UnitsReorganised;

/**
 * Targets carry over: the targets of the year of a reorganisation set for communes that close are read, added
 * up, as the targets of the communes they went into until an officer sets others ({@link TargetService}). Nothing
 * is copied; the preview says how many communes' targets carry over.
 */
@Component
class TargetReorganisation implements ReorganisationParticipant {

	private final JdbcClient jdbc;

	TargetReorganisation(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<PreviewLine> preview(UnitsReorganised change) {
		List<Long> closing = change.successors().keySet().stream().filter(id -> id > 0).toList();
		if (closing.isEmpty()) {
			return List.of();
		}
		List<String> carried = jdbc.sql("SELECT DISTINCT unit_id FROM target WHERE unit_id = ANY (:units) AND year = :year")
			.param("units", closing.toArray(Long[]::new))
			.param("year", change.effectiveOn().getYear())
			.query(Long.class)
			.list()
			.stream()
			.map(change::name)
			.toList();
		return carried.isEmpty() ? List.of()
				: List.of(PreviewLine.of("reorganisation.preview.targets", carried, carried.size(),
						change.effectiveOn().getYear()));
	}

	@Override
	public void takeEffect(UnitsReorganised change) {
		// read-time: TargetService carries the predecessors' targets over
	}

}
