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

import vn.cnscd.portal.area.SearchText;

@Entity
@Table(name = "team_member")
class Member {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long teamId;

	private String fullName;

	private String searchText;

	@Enumerated(EnumType.STRING)
	private Gender gender;

	private Integer birthYear;

	private String phone;

	@Enumerated(EnumType.STRING)
	private TeamRole teamRole;

	@Enumerated(EnumType.STRING)
	private Affiliation affiliation;

	private LocalDate joinedOn;

	private LocalDate leftOn;

	private String formKey;

	@Version
	private long version;

	protected Member() {
	}

	Member(long teamId, MemberDetails details) {
		this(teamId, details, null);
	}

	Member(long teamId, MemberDetails details, String formKey) {
		this.teamId = teamId;
		this.formKey = formKey;
		describe(details);
	}

	/** Sets the details; the phone must already be in its stored form. */
	void describe(MemberDetails details) {
		this.fullName = details.fullName().strip();
		this.gender = details.gender();
		this.birthYear = details.birthYear();
		this.phone = details.phone();
		this.teamRole = details.role();
		this.affiliation = details.affiliation();
		this.joinedOn = details.joinedOn();
		this.searchText = searchText(details);
	}

	/** Full name and phone folded, for searches typed without diacritics. */
	static String searchText(MemberDetails details) {
		return SearchText.fold(details.fullName().strip()) + " " + details.phone();
	}

	void leave(LocalDate on) {
		this.leftOn = on;
	}

	MemberDetails details() {
		return new MemberDetails(fullName, gender, birthYear, phone, teamRole, affiliation, joinedOn);
	}

	Long getId() {
		return id;
	}

	long getTeamId() {
		return teamId;
	}

	LocalDate getJoinedOn() {
		return joinedOn;
	}

	LocalDate getLeftOn() {
		return leftOn;
	}

	long getVersion() {
		return version;
	}

}
