package vn.cnscd.portal.account;

import java.time.Duration;

/** A wait as people read it: seconds up to two minutes, whole minutes (rounded up) beyond; {@code unit} picks the message. */
record WaitText(String unit, long amount) {

	static WaitText of(Duration wait) {
		long seconds = seconds(wait);
		return seconds < 120 ? new WaitText("seconds", seconds) : new WaitText("minutes", (seconds + 59) / 60);
	}

	/** Whole seconds, rounded up, at least one: a wait of 0.3 s is one to wait, not none. */
	static long seconds(Duration wait) {
		return Math.max(1, wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0));
	}

}
