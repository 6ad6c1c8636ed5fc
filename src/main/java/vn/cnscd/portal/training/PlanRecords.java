package vn.cnscd.portal.training;

import java.util.List;

import vn.cnscd.portal.team.TeamEntry;

/** The read models of activity plans. */
final class PlanRecords {

	private PlanRecords() {
	}

	record PlanItem(int month, String activity, String personInCharge, PlanItemStatus status) {
	}

	record PlanFile(String fileName, long sizeBytes, String contentType) {

		/** "1,2 MB" would need a locale; kilobytes rounded up read well in both languages. */
		public long kilobytes() {
			return (sizeBytes + 1023) / 1024;
		}

	}

	/** A team's plan of a year; {@code version} is 0 and {@code items} empty while none is saved. */
	record ActivityPlan(TeamEntry team, int year, boolean saved, long version, List<PlanItem> items, PlanFile file) {
	}

	record StoredFile(String fileName, String contentType, byte[] content) {
	}

	/** An active team of an area, and whether it has a plan for the year. */
	record TeamPlanRow(long teamId, String teamName, String communeName, long items, boolean hasPlan) {
	}

}
