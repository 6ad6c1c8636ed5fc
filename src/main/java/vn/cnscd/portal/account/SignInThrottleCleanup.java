package vn.cnscd.portal.account;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** Forgets old sign-in counts, so that guesses at many usernames from many addresses leave no lasting rows. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SignInThrottleCleanup {

	private final SignInThrottle throttle;

	SignInThrottleCleanup(SignInThrottle throttle) {
		this.throttle = throttle;
	}

	@Scheduled(initialDelayString = "PT10M", fixedDelayString = "PT10M")
	void forgetOldCounts() {
		throttle.forgetOld();
	}

}
