package vn.cnscd.portal.dashboard;

import java.util.List;
import java.util.Objects;

import vn.cnscd.portal.area.UnitSummary;

/**
 * One commune (or the whole area, as totals) on the dashboard: coverage, the month's completeness and
 * timeliness, progress against targets and its ranking score.
 */
public record CommuneFigures(UnitSummary commune, int communes, int communesWithTeam, int villages,
		int villagesWithTeam, int sent, int onTime, long openObstacles, List<Progress> progress) {

	/** Sent (submitted or approved) reports over villages with an active team; 0 without such a village. */
	public double completeness() {
		return villagesWithTeam == 0 ? 0 : (double) sent / villagesWithTeam;
	}

	/** Of the sent reports, those sent on or before the due date; 0 when none was sent. */
	public double timeliness() {
		return sent == 0 ? 0 : (double) onTime / sent;
	}

	/** The mean of the indicators' progress, each capped at 100 %, over the indicators with a target. */
	public double meanProgress() {
		return progress.stream().map(Progress::capped).filter(Objects::nonNull).mapToDouble(Double::doubleValue)
			.average()
			.orElse(0);
	}

	/** The ranking score, 0 to 100: see {@link Ranking}. */
	public double score() {
		return Ranking.score(meanProgress(), completeness(), timeliness());
	}

}
