package vn.cnscd.portal.indicator;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import vn.cnscd.portal.area.UnitSummary;

/**
 * The targets of one year for the units under a district or a commune (rows) and the indicators of its grid
 * (columns), as stored. {@code fingerprint} changes whenever any of those targets is added, changed or
 * removed, so a grid saved from a stale page can be told from a fresh one.
 */
record TargetSheet(UnitSummary parent, int year, List<UnitSummary> units, List<IndicatorSummary> indicators,
		Map<Long, Map<Long, BigDecimal>> values, String fingerprint, boolean editable) {

	static TargetSheet of(UnitSummary parent, int year, List<UnitSummary> units, List<IndicatorSummary> indicators,
			Collection<StoredTarget> stored, boolean editable) {
		Map<Long, Map<Long, BigDecimal>> values = new HashMap<>();
		stored.forEach(target -> values.computeIfAbsent(target.unitId(), unit -> new HashMap<>())
			.put(target.indicatorId(), target.value()));
		return new TargetSheet(parent, year, units, indicators, values, fingerprint(stored), editable);
	}

	/** The stored target, or null where there is none. */
	BigDecimal value(long unitId, long indicatorId) {
		return values.getOrDefault(unitId, Map.of()).get(indicatorId);
	}

	static String fingerprint(Collection<StoredTarget> stored) {
		StringBuilder text = new StringBuilder();
		stored.stream()
			.sorted(Comparator.comparingLong(StoredTarget::id))
			.forEach(target -> text.append(target.id())
				.append(':')
				.append(target.version())
				.append(':')
				.append(DecimalText.plain(target.value()))
				.append(';'));
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest(text.toString().getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException impossible) {
			throw new IllegalStateException("Every Java has SHA-256", impossible);
		}
	}

}
