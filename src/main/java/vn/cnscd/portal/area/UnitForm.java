package vn.cnscd.portal.area;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import vn.cnscd.portal.area.HiddenField;

/** The add and edit form of a commune or village; households and adults are checked for villages only. */
class UnitForm {

	@NotBlank
	@Size(max = 200)
	private String name;

	@NotNull
	private UnitKind kind;

	@Size(max = 20)
	@Pattern(regexp = "[\\p{Alnum}.\\-]*")
	private String code;

	@Min(0)
	@Max(1_000_000)
	private Integer households;

	@Min(0)
	@Max(5_000_000)
	private Integer adults;

	@HiddenField
	private long version;

	static UnitForm of(UnitSummary unit) {
		UnitForm form = new UnitForm();
		form.name = unit.name();
		form.kind = unit.kind();
		form.code = unit.code();
		form.households = unit.households();
		form.adults = unit.adults();
		form.version = unit.version();
		return form;
	}

	UnitDraft draft() {
		return new UnitDraft(kind, code, name, households, adults);
	}

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public UnitKind getKind() {
		return kind;
	}

	public void setKind(UnitKind kind) {
		this.kind = kind;
	}

	public String getCode() {
		return code;
	}

	public void setCode(String code) {
		this.code = code;
	}

	public Integer getHouseholds() {
		return households;
	}

	public void setHouseholds(Integer households) {
		this.households = households;
	}

	public Integer getAdults() {
		return adults;
	}

	public void setAdults(Integer adults) {
		this.adults = adults;
	}

	public long getVersion() {
		return version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

}
