package vn.cnscd.portal.team;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import vn.cnscd.portal.area.HiddenField;
import vn.cnscd.portal.area.UnitSummary;

/** The add and edit form of a steering member; the communes in their charge are checkboxes. */
class SteeringMemberForm {

	@NotBlank
	@Size(max = 100)
	private String fullName;

	@NotBlank
	@Size(max = 200)
	private String position;

	@NotBlank
	@Size(max = 200)
	private String agency;

	@Size(max = 20)
	private String phone;

	private Long accountId;

	@Size(max = 1000)
	private List<Long> communeIds = new ArrayList<>();

	@HiddenField
	private long version;

	static SteeringMemberForm of(SteeringMemberView member) {
		SteeringMemberForm form = new SteeringMemberForm();
		form.fullName = member.fullName();
		form.position = member.position();
		form.agency = member.agency();
		form.phone = member.phone();
		form.accountId = member.accountId();
		form.communeIds = new ArrayList<>(member.communes().stream().map(UnitSummary::id).toList());
		form.version = member.version();
		return form;
	}

	/** The member as entered, with the phone in its stored form. */
	SteeringMemberDraft draft(String storedPhone) {
		Set<Long> communes = communeIds.stream().filter(Objects::nonNull).collect(Collectors.toSet());
		return new SteeringMemberDraft(fullName, position, agency, storedPhone, accountId, communes);
	}

	public String getFullName() {
		return fullName;
	}

	public void setFullName(String fullName) {
		this.fullName = fullName;
	}

	public String getPosition() {
		return position;
	}

	public void setPosition(String position) {
		this.position = position;
	}

	public String getAgency() {
		return agency;
	}

	public void setAgency(String agency) {
		this.agency = agency;
	}

	public String getPhone() {
		return phone;
	}

	public void setPhone(String phone) {
		this.phone = phone;
	}

	public Long getAccountId() {
		return accountId;
	}

	public void setAccountId(Long accountId) {
		this.accountId = accountId;
	}

	public List<Long> getCommuneIds() {
		return communeIds;
	}

	public void setCommuneIds(List<Long> communeIds) {
		this.communeIds = communeIds == null ? new ArrayList<>() : communeIds;
	}

	public long getVersion() {
		return version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

}
