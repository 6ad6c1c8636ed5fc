package vn.cnscd.portal.area;

import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Units going under another parent. */
class MoveStepForm implements ReorganisationController.Versioned {

	@NotEmpty
	@Size(max = 500)
	private List<Long> units = new ArrayList<>();

	@NotNull
	private Long target;

	@HiddenField
	private long version;

	static MoveStepForm of(long version) {
		MoveStepForm form = new MoveStepForm();
		form.version = version;
		return form;
	}

	public List<Long> getUnits() {
		return units;
	}

	public void setUnits(List<Long> units) {
		this.units = units;
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
