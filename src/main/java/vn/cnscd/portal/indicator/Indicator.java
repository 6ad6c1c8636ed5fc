package vn.cnscd.portal.indicator;

import java.util.Locale;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "indicator")
class Indicator {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String code;

	private String nameVi;

	private String nameEn;

	private String descriptionVi;

	private String descriptionEn;

	private String unitVi;

	private String unitEn;

	@Enumerated(EnumType.STRING)
	private Pillar pillar;

	@Enumerated(EnumType.STRING)
	private IndicatorKind kind;

	@Enumerated(EnumType.STRING)
	private Denominator denominator;

	private boolean villageReported;

	private String source;

	private boolean active = true;

	private int sortOrder;

	@Version
	private long version;

	protected Indicator() {
	}

	Indicator(IndicatorDetails details) {
		describe(details);
	}

	void describe(IndicatorDetails details) {
		if (details.denominator() != null && details.kind() != IndicatorKind.STOCK) {
			throw new IllegalArgumentException("Only a STOCK is a share of households or adults");
		}
		this.code = details.code().strip().toUpperCase(Locale.ROOT);
		this.nameVi = details.nameVi().strip();
		this.nameEn = details.nameEn().strip();
		this.descriptionVi = blankToNull(details.descriptionVi());
		this.descriptionEn = blankToNull(details.descriptionEn());
		this.unitVi = details.unitVi().strip();
		this.unitEn = details.unitEn().strip();
		this.pillar = details.pillar();
		this.kind = details.kind();
		this.denominator = details.denominator();
		this.villageReported = details.villageReported();
		this.source = blankToNull(details.source());
		this.sortOrder = details.sortOrder();
	}

	/** Out of reports and target grids; its targets and values stay. */
	void deactivate() {
		this.active = false;
	}

	void activate() {
		this.active = true;
	}

	IndicatorDetails details() {
		return new IndicatorDetails(code, nameVi, nameEn, descriptionVi, descriptionEn, unitVi, unitEn, pillar, kind,
				denominator, villageReported, source, sortOrder);
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	Long getId() {
		return id;
	}

	boolean isActive() {
		return active;
	}

	long getVersion() {
		return version;
	}

}
