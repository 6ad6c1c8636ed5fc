package vn.cnscd.portal.team;

import java.time.LocalDate;

/** What a commune chair records of a team: its name, establishment decision and chat group. */
public record TeamDetails(String name, String decisionNumber, LocalDate decisionDate, String decisionSigner,
		ChatPlatform chatPlatform, String chatName, String chatLink) {
}
