package vn.cnscd.portal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/** The district's clock, which a test may stop at an instant (a deadline's last second) and then release. */
public class MutableClock extends Clock {

	private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

	private volatile Instant fixed;

	public void set(Instant instant) {
		this.fixed = instant;
	}

	public void reset() {
		this.fixed = null;
	}

	@Override
	public ZoneId getZone() {
		return ZONE;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return Clock.fixed(instant(), zone);
	}

	@Override
	public Instant instant() {
		Instant now = fixed;
		return now != null ? now : Instant.now();
	}

}
