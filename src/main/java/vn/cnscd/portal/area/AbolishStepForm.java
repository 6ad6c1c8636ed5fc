package vn.cnscd.portal.area;

import jakarta.validation.constraints.NotNull;

/** A level done away with at a unit: its units go to its parent and it closes. */
class AbolishStepForm implements ReorganisationController.Versioned {

	@NotNull
	private Long unit;

	@HiddenField
	private long version;

	static AbolishStepForm of(long version) {
		AbolishStepForm form = new AbolishStepForm();
		form.version = version;
		return form;
	}

	public Long getUnit() {
		return unit;
	}

	public void setUnit(Long unit) {
		this.unit = unit;
	}

	public long getVersion() {
		return version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

}
