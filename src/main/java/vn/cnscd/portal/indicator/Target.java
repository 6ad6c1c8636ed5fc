package vn.cnscd.portal.indicator;

import java.math.BigDecimal;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** One unit's target for one indicator in one year. */
@Entity
@Table(name = "target")
class Target {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long indicatorId;

	private long unitId;

	private int year;

	private BigDecimal value;

	@Version
	private long version;

	protected Target() {
	}

	Target(long indicatorId, long unitId, int year, BigDecimal value) {
		this.indicatorId = indicatorId;
		this.unitId = unitId;
		this.year = year;
		set(value);
	}

	void set(BigDecimal value) {
		if (value.signum() < 0) {
			throw new IllegalArgumentException("A target is never negative");
		}
		this.value = value;
	}

	Long getId() {
		return id;
	}

	long getIndicatorId() {
		return indicatorId;
	}

	long getUnitId() {
		return unitId;
	}

	BigDecimal getValue() {
		return value;
	}

}
