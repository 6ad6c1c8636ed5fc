package vn.cnscd.portal.area;

import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Some villages of a commune going to another commune, which carries on. */
class TransferStepForm implements ReorganisationController.Versioned {

	@NotNull
	private Long from;

	@NotEmpty
	@Size(max = 500)
	private List<Long> villages = new ArrayList<>();

	@NotNull
	private Long target;

	@HiddenField
	private long version;

	static TransferStepForm of(Long from, long version) {
		TransferStepForm form = new TransferStepForm();
		form.from = from;
		form.version = version;
		return form;
	}

	public Long getFrom() {
		return from;
	}

	public void setFrom(Long from) {
		this.from = from;
	}

	public List<Long> getVillages() {
		return villages;
	}

	public void setVillages(List<Long> villages) {
		this.villages = villages;
	}

	public Long getTarget() {
		return target;
	}

	public void setTarget(Long target) {
		this.target = target;
	}

	public long getVersion() {
		return version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

}
