package vn.cnscd.portal.reporting;

import jakarta.validation.constraints.Size;
import jakarta.validation.constraints.Pattern;

import vn.cnscd.portal.area.HiddenField;

/** The commune team's own activities and the narrative; the villages' figures are computed, not typed. */
class CommuneReportForm {

	@Size(max = 20)
	private String sessionsHeld;

	@Size(max = 20)
	private String residentsGuided;

	@Size(max = 20)
	private String householdsVisited;

	@Size(max = 8000)
	private String narrative;

	@Size(max = 4000)
	private String obstacles;

	@Size(max = 4000)
	private String proposals;

	@HiddenField
	private Long version;

	@HiddenField
	@Size(max = 40)
	@Pattern(regexp = "[A-Za-z0-9-]*")
	private String formKey;

	public String getSessionsHeld() {
		return sessionsHeld;
	}

	public void setSessionsHeld(String sessionsHeld) {
		this.sessionsHeld = sessionsHeld;
	}

	public String getResidentsGuided() {
		return residentsGuided;
	}

	public void setResidentsGuided(String residentsGuided) {
		this.residentsGuided = residentsGuided;
	}

	public String getHouseholdsVisited() {
		return householdsVisited;
	}

	public void setHouseholdsVisited(String householdsVisited) {
		this.householdsVisited = householdsVisited;
	}

	public String getNarrative() {
		return narrative;
	}

	public void setNarrative(String narrative) {
		this.narrative = narrative;
	}

	public String getObstacles() {
		return obstacles;
	}

	public void setObstacles(String obstacles) {
		this.obstacles = obstacles;
	}

	public String getProposals() {
		return proposals;
	}

	public void setProposals(String proposals) {
		this.proposals = proposals;
	}

	public Long getVersion() {
		return version;
	}

	public void setVersion(Long version) {
		this.version = version;
	}

	public String getFormKey() {
		return formKey;
	}

	public void setFormKey(String formKey) {
		this.formKey = formKey;
	}

}
