package vn.cnscd.portal.team;

import java.time.LocalDate;

import vn.cnscd.portal.area.UnitLevel;

public record TeamSummary(long id, long unitId, UnitLevel level, String name, String decisionNumber,
		LocalDate decisionDate, String decisionSigner, TeamStatus status, LocalDate dissolvedOn,
		ChatPlatform chatPlatform, String chatName, String chatLink, long version) {

	public boolean active() {
		return status == TeamStatus.ACTIVE;
	}

	public String url() {
		return "/teams/" + id;
	}

}
