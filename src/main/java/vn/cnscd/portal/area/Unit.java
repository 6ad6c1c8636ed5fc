package vn.cnscd.portal.area;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "unit")
class Unit {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long parentId;

	@Enumerated(EnumType.STRING)
	private UnitLevel level;

	@Enumerated(EnumType.STRING)
	private UnitKind kind;

	private String code;

	private String name;

	private String searchText;

	@Column(name = "ancestor_path")
	private String ancestorPath;

	private Integer households;

	private Integer adults;

	private LocalDate validFrom;

	private LocalDate validTo;

	@Version
	private long version;

	protected Unit() {
	}

	Unit(Unit parent, UnitKind kind, String code, String name, LocalDate validFrom) {
		if (!parent.level.holds(kind.level())) {
			throw new IllegalArgumentException(kind + " cannot sit under a " + parent.level);
		}
		this.parentId = parent.id;
		this.level = kind.level();
		this.ancestorPath = parent.subtreePath();
		this.validFrom = validFrom;
		describe(kind, code, name);
	}

	void describe(UnitKind kind, String code, String name) {
		if (kind.level() != level) {
			throw new IllegalArgumentException(kind + " is not a kind of " + level);
		}
		this.kind = kind;
		this.code = code == null || code.isBlank() ? null : code.strip();
		this.name = name.strip();
		this.searchText = SearchText.fold(kind.vietnameseWord() + " " + this.name + " " + (this.code == null ? "" : this.code));
	}

	void count(Integer households, Integer adults) {
		if (level != UnitLevel.VILLAGE) {
			throw new IllegalStateException("Only villages count households and adults");
		}
		this.households = households;
		this.adults = adults;
	}

	void close(LocalDate on) {
		if (on.isBefore(validFrom)) {
			throw new IllegalArgumentException("A unit cannot close before it opened");
		}
		this.validTo = on;
	}

	/** The prefix that every unit under this one, and this one, has as its path plus id. */
	String subtreePath() {
		return ancestorPath + id + "/";
	}

	UnitSummary summary() {
		return new UnitSummary(id, parentId, level, kind, code, name, households, adults, validFrom, validTo,
				subtreePath(), version);
	}

	Long getId() {
		return id;
	}

	UnitLevel getLevel() {
		return level;
	}

	Long getParentId() {
		return parentId;
	}

	boolean isClosed() {
		return validTo != null;
	}

	long getVersion() {
		return version;
	}

}
