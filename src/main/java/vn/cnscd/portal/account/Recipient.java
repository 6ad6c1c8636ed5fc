package vn.cnscd.portal.account;

import java.util.Locale;

import vn.cnscd.portal.area.Role;

/** An enabled account as those who write to it see it: who, where, which phone, in which language. */
public record Recipient(long id, String username, String fullName, String phone, Role role, long homeUnitId,
		Locale language) {

}
