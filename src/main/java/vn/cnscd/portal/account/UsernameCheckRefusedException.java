package vn.cnscd.portal.account;

import java.time.Duration;

/** Too many usernames tried that were taken: the next is not looked up until the wait is over. */
class UsernameCheckRefusedException extends RuntimeException {

	private final Duration wait;

	UsernameCheckRefusedException(Duration wait) {
		super("Too many taken usernames tried; wait " + wait);
		this.wait = wait;
	}

	Duration getWait() {
		return wait;
	}

}
