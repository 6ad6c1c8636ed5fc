package vn.cnscd.portal.account;

import java.time.Instant;
import java.time.LocalDate;

import vn.cnscd.portal.area.Role;
import vn.cnscd.portal.area.UnitSummary;

/** An account as the accounts page lists it. */
public record AccountView(long id, String username, String fullName, String phone, Role role, UnitSummary homeUnit,
		boolean enabled, boolean mustChangePassword, Instant lockedUntil, UnitSummary rehomedFrom, LocalDate rehomedOn) {
}
