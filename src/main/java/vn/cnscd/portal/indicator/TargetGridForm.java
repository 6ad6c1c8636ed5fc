package vn.cnscd.portal.indicator;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jakarta.validation.constraints.Size;

import org.springframework.validation.Errors;

import vn.cnscd.portal.area.HiddenField;
import vn.cnscd.portal.area.UnitSummary;

/**
 * A target grid as typed: one text per cell, keyed "unitId_indicatorId" (inputs named values[12_5]), and the
 * fingerprint of the targets the page showed.
 */
class TargetGridForm {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	@Size(max = 10_000)
	private Map<@Size(max = 50) String, @Size(max = 20) String> values = new HashMap<>();

	@HiddenField
	@Size(max = 100)
	private String fingerprint;

	static String key(long unitId, long indicatorId) {
		return unitId + "_" + indicatorId;
	}

	/**
	 * The cells of the sheet that the form carries, read in the reader's language, and what is wrong with any; a
	 * cell longer than its field takes ({@code bound}) is too large a number.
	 */
	Input read(TargetSheet sheet, Locale locale, Errors bound) {
		List<TargetService.Cell> cells = new ArrayList<>();
		Map<String, String> errors = new HashMap<>();
		for (UnitSummary unit : sheet.units()) {
			for (IndicatorSummary indicator : sheet.indicators()) {
				String key = key(unit.id(), indicator.id());
				if (!values.containsKey(key)) {
					continue;
				}
				if (bound.hasFieldErrors("values[" + key + "]")) {
					errors.put(key, "target.value.tooLarge");
					continue;
				}
				DecimalText.Reading reading = DecimalText.read(values.get(key), locale);
				if (reading.error() != null) {
					errors.put(key, reading.error());
				}
				else if (indicator.percentage() && reading.value() != null && reading.value().compareTo(HUNDRED) > 0) {
					errors.put(key, "target.value.overPercent");
				}
				else {
					cells.add(new TargetService.Cell(unit.id(), indicator.id(), reading.value()));
				}
			}
		}
		return new Input(cells, errors);
	}

	record Input(List<TargetService.Cell> cells, Map<String, String> errors) {
	}

	public Map<String, String> getValues() {
		return values;
	}

	public void setValues(Map<String, String> values) {
		this.values = values;
	}

	public String getFingerprint() {
		return fingerprint;
	}

	public void setFingerprint(String fingerprint) {
		this.fingerprint = fingerprint;
	}

}
