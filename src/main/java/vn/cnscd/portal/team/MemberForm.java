package vn.cnscd.portal.team;

import java.time.LocalDate;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Pattern;

import org.springframework.format.annotation.DateTimeFormat;

import vn.cnscd.portal.area.HiddenField;

class MemberForm {

	@NotBlank
	@Size(max = 100)
	private String fullName;

	@NotNull
	private Gender gender;

	@Min(1930)
	@Max(2100)
	private Integer birthYear;

	@NotBlank
	@Size(max = 20)
	private String phone;

	@NotNull
	private TeamRole role;

	@NotNull
	private Affiliation affiliation;

	@NotNull
	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate joinedOn;

	@HiddenField
	private long version;

	@HiddenField
	@Size(max = 40)
	@Pattern(regexp = "[A-Za-z0-9-]*")
	private String formKey;

	static MemberForm of(MemberSummary member) {
		MemberForm form = new MemberForm();
		form.fullName = member.fullName();
		form.gender = member.gender();
		form.birthYear = member.birthYear();
		form.phone = member.phoneDisplay();
		form.role = member.role();
		form.affiliation = member.affiliation();
		form.joinedOn = member.joinedOn();
		form.version = member.version();
		return form;
	}

	MemberDetails details(String storedPhone) {
		return new MemberDetails(fullName, gender, birthYear, storedPhone, role, affiliation, joinedOn);
	}

	public String getFullName() {
		return fullName;
	}

	public void setFullName(String fullName) {
		this.fullName = fullName;
	}

	public Gender getGender() {
		return gender;
	}

	public void setGender(Gender gender) {
		this.gender = gender;
	}

	public Integer getBirthYear() {
		return birthYear;
	}

	public void setBirthYear(Integer birthYear) {
		this.birthYear = birthYear;
	}

	public String getPhone() {
		return phone;
	}

	public void setPhone(String phone) {
		this.phone = phone;
	}

	public TeamRole getRole() {
		return role;
	}

	public void setRole(TeamRole role) {
		this.role = role;
	}

	public Affiliation getAffiliation() {
		return affiliation;
	}

	public void setAffiliation(Affiliation affiliation) {
		this.affiliation = affiliation;
	}

	public LocalDate getJoinedOn() {
		return joinedOn;
	}

	public void setJoinedOn(LocalDate joinedOn) {
		this.joinedOn = joinedOn;
	}

	public String getFormKey() {
		return formKey;
	}

	public void setFormKey(String formKey) {
		this.formKey = formKey;
	}

	public long getVersion() {
		return version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

}
