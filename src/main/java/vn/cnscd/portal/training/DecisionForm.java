package vn.cnscd.portal.training;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.util.StringUtils;

import vn.cnscd.portal.area.HiddenField;

class DecisionForm {

	@NotNull
	private CommendationStatus decision;

	@Size(max = 1000)
	private String note;

	@HiddenField
	private long version;

	String noteOrNull() {
		return StringUtils.hasText(note) ? note.strip() : null;
	}

	public CommendationStatus getDecision() {
		return decision;
	}

	public void setDecision(CommendationStatus decision) {
		this.decision = decision;
	}

	public String getNote() {
		return note;
	}

	public void setNote(String note) {
		this.note = note;
	}

	public long getVersion() {
		return version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

}
