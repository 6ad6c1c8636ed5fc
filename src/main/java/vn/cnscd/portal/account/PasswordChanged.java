package vn.cnscd.portal.account;

import java.util.UUID;

/** A user changed their own password: an account security message, which nobody can turn off. */
public record PasswordChanged(UUID id, long accountId) {

	PasswordChanged(long accountId) {
		this(UUID.randomUUID(), accountId);
	}

}
