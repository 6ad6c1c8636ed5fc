package vn.cnscd.portal.reporting;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.constraints.Size;
import jakarta.validation.constraints.Pattern;

import vn.cnscd.portal.area.HiddenField;

/**
 * The monthly report as typed: numbers stay text until checked, so that whatever was typed comes back with
 * its message. {@code version} is the report's version when the form was opened (none for a new report);
 * {@code formKey} names this copy of the form, so that sending it twice counts once.
 */
class VillageReportForm {

	@Size(max = 500)
	private Map<Long, @Size(max = 20) String> values = new LinkedHashMap<>();

	@Size(max = 500)
	private Map<Long, @Size(max = 1000) String> explanations = new LinkedHashMap<>();

	/** The STOCK figures confirmed as last month's with the one-tap box, by indicator id. */
	@Size(max = 500)
	private Map<Long, Boolean> unchanged = new LinkedHashMap<>();

	@Size(max = 20)
	private String sessionsHeld;

	@Size(max = 20)
	private String residentsGuided;

	@Size(max = 20)
	private String householdsVisited;

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

	public Map<Long, String> getValues() {
		return values;
	}

	public void setValues(Map<Long, String> values) {
		this.values = values;
	}

	public Map<Long, String> getExplanations() {
		return explanations;
	}

	public void setExplanations(Map<Long, String> explanations) {
		this.explanations = explanations;
	}

	public Map<Long, Boolean> getUnchanged() {
		return unchanged;
	}

	public void setUnchanged(Map<Long, Boolean> unchanged) {
		this.unchanged = unchanged;
	}

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
