package vn.cnscd.portal.account;

import java.time.Duration;

import org.springframework.security.core.AuthenticationException;

/**
 * A sign-in refused before its password was checked: too many attempts from the client's address, or at the
 * typed username ({@code locked}), with how long to wait.
 */
class SignInRefusedException extends AuthenticationException {

	private final Duration wait;

	private final boolean locked;

	SignInRefusedException(Duration wait, boolean locked) {
		super(locked ? "Too many failed sign-ins at this username" : "Too many sign-in attempts from this address");
		this.wait = wait;
		this.locked = locked;
	}

	Duration getWait() {
		return wait;
	}

	boolean isLocked() {
		return locked;
	}

}
