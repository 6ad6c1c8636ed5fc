package vn.cnscd.portal.training;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.validation.constraints.Pattern;

import vn.cnscd.portal.area.HiddenField;

class CommendationForm {

	/** Required, unless a member is proposed: their team is then the member's own. */
	private Long teamId;

	/** Set by the page of the member proposed. */
	@HiddenField
	private Long memberId;

	@NotBlank
	@Size(max = 2000)
	private String reason;

	@NotBlank
	@Size(max = 50)
	private String period;

	@HiddenField
	@Size(max = 40)
	@Pattern(regexp = "[A-Za-z0-9-]*")
	private String formKey;

	public Long getTeamId() {
		return teamId;
	}

	public void setTeamId(Long teamId) {
		this.teamId = teamId;
	}

	public Long getMemberId() {
		return memberId;
	}

	public void setMemberId(Long memberId) {
		this.memberId = memberId;
	}

	public String getReason() {
		return reason;
	}

	public void setReason(String reason) {
		this.reason = reason;
	}

	public String getPeriod() {
		return period;
	}

	public void setPeriod(String period) {
		this.period = period;
	}

	public String getFormKey() {
		return formKey;
	}

	public void setFormKey(String formKey) {
		this.formKey = formKey;
	}

}
