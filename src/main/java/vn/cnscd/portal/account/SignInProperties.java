package vn.cnscd.portal.account;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How sign-ins are throttled: after {@code maxAttempts} failed sign-ins in a row an account is locked for
 * {@code lockDuration}.
 */
@ConfigurationProperties("portal.sign-in")
record SignInProperties(int maxAttempts, Duration lockDuration) {

	SignInProperties {
		if (maxAttempts <= 0) {
			maxAttempts = 5;
		}
		if (lockDuration == null) {
			lockDuration = Duration.ofMinutes(15);
		}
	}

}
