package vn.cnscd.portal.area;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A unit's new name, code or kind (thị trấn → xã); what is left empty stays as it was. */
class RenameStepForm implements ReorganisationController.Versioned {

	@NotNull
	private Long unit;

	private UnitKind newKind;

	@Size(max = 20)
	@Pattern(regexp = "[\\p{Alnum}.\\-]*")
	private String newCode;

	@Size(max = 200)
	private String newName;

	@HiddenField
	private long version;

	static RenameStepForm of(long version) {
		RenameStepForm form = new RenameStepForm();
		form.version = version;
		return form;
	}

	public Long getUnit() {
		return unit;
	}

	public void setUnit(Long unit) {
		this.unit = unit;
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

	public long getVersion() {
		return version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

}
