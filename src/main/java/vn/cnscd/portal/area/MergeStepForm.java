package vn.cnscd.portal.area;

import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Units of one level merged into one: an existing unit ({@code target}, one of them or not, or a unit the
 * draft opens), or a new one described here, under {@code newParent}.
 */
class MergeStepForm implements ReorganisationController.Versioned {

	@NotNull
	private UnitLevel level = UnitLevel.COMMUNE;

	@NotEmpty
	@Size(max = 500)
	private List<Long> units = new ArrayList<>();

	/** The unit they go into; none for a new unit. */
	private Long target;

	private UnitKind newKind;

	@Size(max = 20)
	@Pattern(regexp = "[\\p{Alnum}.\\-]*")
	private String newCode;

	@Size(max = 200)
	private String newName;

	private Long newParent;

	@HiddenField
	private long version;

	static MergeStepForm of(UnitLevel level, long version) {
		MergeStepForm form = new MergeStepForm();
		form.level = level;
		form.version = version;
		return form;
	}

	public UnitLevel getLevel() {
		return level;
	}

	public void setLevel(UnitLevel level) {
		this.level = level;
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

	public UnitKind getNewKind() {
		return newKind;
	}

	public void setNewKind(UnitKind newKind) {
		this.newKind = newKind;
	}

	public String getNewCode() {
		return newCode;
	}

	public void setNewCode(String newCode) {
		this.newCode = newCode;
	}

	public String getNewName() {
		return newName;
	}

	public void setNewName(String newName) {
		this.newName = newName;
	}

	public Long getNewParent() {
		return newParent;
	}

	public void setNewParent(Long newParent) {
		this.newParent = newParent;
	}

	public long getVersion() {
		return version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

}
