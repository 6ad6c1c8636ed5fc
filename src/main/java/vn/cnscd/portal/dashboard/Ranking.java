package vn.cnscd.portal.dashboard;

/**
 * The communes' ranking: progress towards the year's targets weighs most, since it is what the plan asks
 * for; sending reports at all comes next and sending them on time last. The page shows these weights.
 */
public final class Ranking {

	public static final int PROGRESS_WEIGHT = 50;

	public static final int COMPLETENESS_WEIGHT = 30;

	public static final int TIMELINESS_WEIGHT = 20;

	private Ranking() {
	}

	/** 0 to 100, each share 0 to 1. */
	static double score(double progress, double completeness, double timeliness) {
		return PROGRESS_WEIGHT * progress + COMPLETENESS_WEIGHT * completeness + TIMELINESS_WEIGHT * timeliness;
	}

}
