package vn.cnscd.portal.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.cnscd.portal.area.UnitService;
import vn.cnscd.portal.area.UnitSummary;
import vn.cnscd.portal.dashboard.CommuneFigures;
import vn.cnscd.portal.dashboard.Dashboard;
import vn.cnscd.portal.indicator.IndicatorService;
import vn.cnscd.portal.indicator.IndicatorSummary;
import vn.cnscd.portal.reporting.ReportFigures;
import vn.cnscd.portal.team.CellText;

/**
 * The raw values behind a report, a line per village, month and indicator, every report status
 * included so that a reader can see what was left out of the figures. UTF-8 with a byte-order mark, which
 * Excel needs to read Vietnamese; the villages' values are read and written a few hundred villages at a time,
 * never all in memory.
 */
@Component
class SummaryCsv {

	private static final List<String> HEADER_KEYS = List.of("communeCode", "commune", "villageCode", "village",
			"month", "status", "late", "indicatorCode", "value");

	private static final int COMMUNES_AT_A_TIME = 100;

	private static final int VILLAGES_AT_A_TIME = 500;

	private final ReportFigures figures;

	private final UnitService units;

	private final IndicatorService indicators;

	private final SummaryLabels labels;

	SummaryCsv(ReportFigures figures, UnitService units, IndicatorService indicators, SummaryLabels labels) {
		this.figures = figures;
		this.units = units;
		this.indicators = indicators;
		this.labels = labels;
	}

	@Transactional(readOnly = true)
	void write(Dashboard scope, ReportPeriod period, OutputStream out) throws IOException {
		Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
		writer.write('\uFEFF');
		line(writer, HEADER_KEYS.stream().map(key -> labels.text("export.csv." + key)).toList());
		Map<Long, IndicatorSummary> byId = indicators.all()
			.stream()
			.collect(Collectors.toMap(IndicatorSummary::id, Function.identity()));
		Comparator<ReportFigures.RawValue> inReportOrder = Comparator.comparing(ReportFigures.RawValue::month)
			.thenComparing(value -> byId.get(value.indicatorId()).sortOrder());
		List<UnitSummary> communes = scope.ranking()
			.stream()
			.map(CommuneFigures::commune)
			.sorted(Comparator.comparing(UnitSummary::code, Comparator.nullsLast(Comparator.naturalOrder())))
			.toList();
		for (int first = 0; first < communes.size(); first += COMMUNES_AT_A_TIME) {
			List<UnitSummary> someCommunes = communes.subList(first, Math.min(communes.size(), first + COMMUNES_AT_A_TIME));
			Map<Long, List<UnitSummary>> villagesByCommune = units
				.villagesOn(someCommunes.stream().map(UnitSummary::id).toList(), period.last().atEndOfMonth())
				.stream()
				.collect(Collectors.groupingBy(UnitSummary::parentId));
			List<UnitSummary> villages = someCommunes.stream()
				.flatMap(commune -> villagesByCommune.getOrDefault(commune.id(), List.of()).stream())
				.toList();
			Map<Long, UnitSummary> communeById = someCommunes.stream()
				.collect(Collectors.toMap(UnitSummary::id, Function.identity()));
			for (int from = 0; from < villages.size(); from += VILLAGES_AT_A_TIME) {
				List<UnitSummary> some = villages.subList(from, Math.min(villages.size(), from + VILLAGES_AT_A_TIME));
				Map<Long, List<ReportFigures.RawValue>> byVillage = figures
					.rawValues(some.stream().map(UnitSummary::id).toList(), period.first(),
							period.last())
					.stream()
					.collect(Collectors.groupingBy(ReportFigures.RawValue::villageId));
				for (UnitSummary village : some) {
					UnitSummary commune = communeById.get(village.parentId());
					String communeName = labels.text(commune.kindKey()) + " " + commune.name();
					String villageName = labels.text(village.kindKey()) + " " + village.name();
					for (ReportFigures.RawValue value : byVillage.getOrDefault(village.id(), List.of())
						.stream()
						.sorted(inReportOrder)
						.toList()) {
						line(writer, List.of(nullToEmpty(commune.code()), communeName, nullToEmpty(village.code()),
								villageName, value.month().toString(), labels.text("dashboard.status." + value.status()),
								value.late() == null ? "" : labels.text(value.late() ? "export.yes" : "export.no"),
								byId.get(value.indicatorId()).code(), String.valueOf(value.value())));
					}
				}
			}
		}
		writer.flush();
	}

	private static String nullToEmpty(String text) {
		return text == null ? "" : text;
	}

	private static void line(Writer writer, List<String> cells) throws IOException {
		writer.write(cells.stream().map(SummaryCsv::cell).collect(Collectors.joining(",")));
		writer.write("\r\n");
	}

	/** Quoted where it holds a comma, a quote or a line break; neutralised where it would run as a formula. */
	private static String cell(String value) {
		String text = CellText.safe(value == null ? "" : value);
		if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
			return '"' + text.replace("\"", "\"\"") + '"';
		}
		return text;
	}

}
