package vn.cnscd.portal.area;

import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

/** The villages an officer ticks for a part transfer that a file named without them. */
class VillageChoiceForm implements ReorganisationController.Versioned {

	@NotEmpty
	@Size(max = 500)
	private List<Long> villages = new ArrayList<>();

	@HiddenField
	private long version;

	public List<Long> getVillages() {
		return villages;
	}

	public void setVillages(List<Long> villages) {
		this.villages = villages;
	}

	public long getVersion() {
		return version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

}
