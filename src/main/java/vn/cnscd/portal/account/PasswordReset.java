package vn.cnscd.portal.account;

import java.util.UUID;

/** Someone who manages the account gave it a temporary password: an account security message. */
public record PasswordReset(UUID id, long accountId, long resetBy) {

	PasswordReset(long accountId, long resetBy) {
		this(UUID.randomUUID(), accountId, resetBy);
	}

}
