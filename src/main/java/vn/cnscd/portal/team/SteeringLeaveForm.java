package vn.cnscd.portal.team;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;

import org.springframework.format.annotation.DateTimeFormat;

import vn.cnscd.portal.area.HiddenField;

class SteeringLeaveForm {

	@NotNull
	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate leftOn;

	@HiddenField
	private long version;

	public LocalDate getLeftOn() {
		return leftOn;
	}

	public void setLeftOn(LocalDate leftOn) {
		this.leftOn = leftOn;
	}

	public long getVersion() {
		return version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

}
