package vn.cnscd.portal.team;

import java.time.LocalDate;

/** A member as a commune chair enters them; {@code phone} is in its stored form, "0912345678". */
public record MemberDetails(String fullName, Gender gender, Integer birthYear, String phone, TeamRole role,
		Affiliation affiliation, LocalDate joinedOn) {
}
