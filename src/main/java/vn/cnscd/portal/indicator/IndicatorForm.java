package vn.cnscd.portal.indicator;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import vn.cnscd.portal.area.HiddenField;

/** The add and edit form of an indicator. */
class IndicatorForm {

	@NotBlank
	@Size(max = 20)
	@Pattern(regexp = "[\\p{Alnum}.\\-]*")
	private String code;

	@NotBlank
	@Size(max = 300)
	private String nameVi;

	@NotBlank
	@Size(max = 300)
	private String nameEn;

	@Size(max = 1000)
	private String descriptionVi;

	@Size(max = 1000)
	private String descriptionEn;

	@NotBlank
	@Size(max = 50)
	private String unitVi;

	@NotBlank
	@Size(max = 50)
	private String unitEn;

	@NotNull
	private Pillar pillar;

	@NotNull
	private IndicatorKind kind;

	private Denominator denominator;

	private boolean villageReported;

	@Size(max = 2000)
	private String source;

	@NotNull
	@Min(0)
	@Max(1_000_000)
	private Integer sortOrder;

	@HiddenField
	private long version;

	static IndicatorForm of(IndicatorDetails details, long version) {
		IndicatorForm form = new IndicatorForm();
		form.code = details.code();
		form.nameVi = details.nameVi();
		form.nameEn = details.nameEn();
		form.descriptionVi = details.descriptionVi();
		form.descriptionEn = details.descriptionEn();
		form.unitVi = details.unitVi();
		form.unitEn = details.unitEn();
		form.pillar = details.pillar();
		form.kind = details.kind();
		form.denominator = details.denominator();
		form.villageReported = details.villageReported();
		form.source = details.source();
		form.sortOrder = details.sortOrder();
		form.version = version;
		return form;
	}

	IndicatorDetails details() {
		return new IndicatorDetails(code, nameVi, nameEn, descriptionVi, descriptionEn, unitVi, unitEn, pillar, kind,
				denominator, villageReported, source, sortOrder);
	}

	public String getCode() {
		return code;
	}

	public void setCode(String code) {
		this.code = code;
	}

	public String getNameVi() {
		return nameVi;
	}

	public void setNameVi(String nameVi) {
		this.nameVi = nameVi;
	}

	public String getNameEn() {
		return nameEn;
	}

	public void setNameEn(String nameEn) {
		this.nameEn = nameEn;
	}

	public String getDescriptionVi() {
		return descriptionVi;
	}

	public void setDescriptionVi(String descriptionVi) {
		this.descriptionVi = descriptionVi;
	}

	public String getDescriptionEn() {
		return descriptionEn;
	}

	public void setDescriptionEn(String descriptionEn) {
		this.descriptionEn = descriptionEn;
	}

	public String getUnitVi() {
		return unitVi;
	}

	public void setUnitVi(String unitVi) {
		this.unitVi = unitVi;
	}

	public String getUnitEn() {
		return unitEn;
	}

	public void setUnitEn(String unitEn) {
		this.unitEn = unitEn;
	}

	public Pillar getPillar() {
		return pillar;
	}

	public void setPillar(Pillar pillar) {
		this.pillar = pillar;
	}

	public IndicatorKind getKind() {
		return kind;
	}

	public void setKind(IndicatorKind kind) {
		this.kind = kind;
	}

	public Denominator getDenominator() {
		return denominator;
	}

	public void setDenominator(Denominator denominator) {
		this.denominator = denominator;
	}

	public boolean isVillageReported() {
		return villageReported;
	}

	public void setVillageReported(boolean villageReported) {
		this.villageReported = villageReported;
	}

	public String getSource() {
		return source;
	}

	public void setSource(String source) {
		this.source = source;
	}

	public Integer getSortOrder() {
		return sortOrder;
	}

	public void setSortOrder(Integer sortOrder) {
		this.sortOrder = sortOrder;
	}

	public long getVersion() {
		return version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

}
