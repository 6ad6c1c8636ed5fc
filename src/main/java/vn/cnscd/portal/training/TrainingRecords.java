package vn.cnscd.portal.training;

import java.time.LocalDate;
import java.util.List;

/** The read models of training sessions, each a plain projection of the tables. */
final class TrainingRecords {

	private TrainingRecords() {
	}

	record SessionSummary(long id, long districtId, LocalDate heldOn, TrainingMode mode, List<TrainingTopic> topics,
			String organiser, String place, long attendees, long version) {

		public String url() {
			return "/training/sessions/" + id;
		}

	}

	/** Active members of a team or a commune, and how many of them attended at least one session. */
	record Share(long id, String name, long active, long trained) {
	}

}
