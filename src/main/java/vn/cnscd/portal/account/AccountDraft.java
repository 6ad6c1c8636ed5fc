package vn.cnscd.portal.account;

import vn.cnscd.portal.area.Role;

/** A new account as its creator enters it; the phone is already in its stored form. */
record AccountDraft(String username, String fullName, String phone, Role role, long homeUnitId) {
}
