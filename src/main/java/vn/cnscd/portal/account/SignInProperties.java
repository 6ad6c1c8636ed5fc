package vn.cnscd.portal.account;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How sign-ins are throttled ({@link SignInThrottle}): per client address, per typed username, and per creator
 * trying usernames on the accounts page. A count is forgotten {@code forgetAfter} its last attempt.
 */
@ConfigurationProperties("portal.sign-in")
record SignInProperties(Policy address, Policy username, Policy nameCheck, Duration forgetAfter) {

	SignInProperties {
		if (address == null) {
			address = new Policy(5, Duration.ofSeconds(2), Duration.ofMinutes(1), 20, Duration.ofMinutes(15));
		}
		if (username == null) {
			username = new Policy(50, Duration.ZERO, Duration.ZERO, 50, Duration.ofMinutes(5));
		}
		if (nameCheck == null) {
			nameCheck = address;
		}
		if (forgetAfter == null) {
			forgetAfter = Duration.ofHours(1);
		}
	}

	/**
	 * {@code freeAttempts} go through at once; after them each attempt waits twice as long as the one before,
	 * from {@code firstDelay} up to {@code maxDelay}; after {@code maxAttempts} the next waits {@code block}.
	 */
	record Policy(int freeAttempts, Duration firstDelay, Duration maxDelay, int maxAttempts, Duration block) {

		/** How long after the attempt numbered {@code attempts} (from 1) the next one may be tried. */
		Duration delayAfter(int attempts) {
			if (attempts >= maxAttempts) {
				return block;
			}
			if (attempts < freeAttempts) {
				return Duration.ZERO;
			}
			Duration delay = firstDelay.multipliedBy(1L << Math.min(30, attempts - freeAttempts));
			return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
		}

	}

}
