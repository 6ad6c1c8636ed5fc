package vn.cnscd.portal.team;

import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import vn.cnscd.portal.area.UnitLevel;

@Entity
@Table(name = "team")
class Team {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long unitId;

	@Enumerated(EnumType.STRING)
	private UnitLevel level;

	private String name;

	private String decisionNumber;

	private LocalDate decisionDate;

	private String decisionSigner;

	@Enumerated(EnumType.STRING)
	private TeamStatus status = TeamStatus.ACTIVE;

	private LocalDate dissolvedOn;

	@Enumerated(EnumType.STRING)
	private ChatPlatform chatPlatform;

	private String chatName;

	private String chatLink;

	@Version
	private long version;

	protected Team() {
	}

	Team(long unitId, UnitLevel level, TeamDetails details) {
		this.unitId = unitId;
		this.level = level;
		describe(details);
	}

	void describe(TeamDetails details) {
		this.name = details.name().strip();
		this.decisionNumber = blankToNull(details.decisionNumber());
		this.decisionDate = details.decisionDate();
		this.decisionSigner = blankToNull(details.decisionSigner());
		this.chatPlatform = details.chatPlatform();
		this.chatName = blankToNull(details.chatName());
		this.chatLink = blankToNull(details.chatLink());
	}

	void dissolve(LocalDate on) {
		this.status = TeamStatus.DISSOLVED;
		this.dissolvedOn = on;
	}

	TeamDetails details() {
		return new TeamDetails(name, decisionNumber, decisionDate, decisionSigner, chatPlatform, chatName, chatLink);
	}

	static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	Long getId() {
		return id;
	}

	long getUnitId() {
		return unitId;
	}

	UnitLevel getLevel() {
		return level;
	}

	TeamStatus getStatus() {
		return status;
	}

	long getVersion() {
		return version;
	}

}
