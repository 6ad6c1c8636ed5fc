package vn.cnscd.portal.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import vn.cnscd.portal.area.Actor;
import vn.cnscd.portal.area.SearchText;
import vn.cnscd.portal.area.UnitLevel;
import vn.cnscd.portal.area.UnitSummary;
import vn.cnscd.portal.dashboard.Coverage;
import vn.cnscd.portal.dashboard.DashboardService;
import vn.cnscd.portal.dashboard.Quarter;

/**
 * The quarterly summary of a district or a commune (?quarter=2026-Q3, by default the quarter of the
 * dashboard's month), for whoever may read that dashboard.
 */
@Controller
class SummaryController {

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private final DashboardService dashboards;

	private final SummarySource source;

	private final SummaryXlsx xlsx;

	private final SummaryCsv csv;

	private final SummaryPdf pdf;

	private final SummaryLabels labels;

	SummaryController(DashboardService dashboards, SummarySource source, SummaryXlsx xlsx, SummaryCsv csv,
			SummaryPdf pdf, SummaryLabels labels) {
		this.dashboards = dashboards;
		this.source = source;
		this.xlsx = xlsx;
		this.csv = csv;
		this.pdf = pdf;
		this.labels = labels;
	}

	/**
	 * A quarter's summary of a district or commune as XLSX, CSV or PDF; of a province, for administrators, as
	 * XLSX or CSV, which stream.
	 */
	@GetMapping("/{levels:provinces|districts|communes}/{id}/summary.{format:xlsx|csv|pdf}")
	void summary(Actor actor, @PathVariable String levels, @PathVariable long id, @PathVariable String format,
			@RequestParam(required = false) String quarter, HttpServletResponse response) throws IOException {
		UnitLevel level = switch (levels) {
			case "provinces" -> UnitLevel.PROVINCE;
			case "districts" -> UnitLevel.DISTRICT;
			default -> UnitLevel.COMMUNE;
		};
		if (level == UnitLevel.PROVINCE && format.equals("pdf")) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		UnitSummary area = dashboards.area(actor, id, level);
		Summary summary = source.load(actor, area, quarter(quarter));
		Coverage coverage = dashboards.coverage(actor, area);
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, attachment(summary, coverage, format));
		switch (format) {
			case "xlsx" -> {
				response.setContentType(XLSX);
				xlsx.write(summary, coverage, response.getOutputStream());
			}
			case "csv" -> {
				response.setContentType("text/csv;charset=UTF-8");
				csv.write(summary, response.getOutputStream());
			}
			default -> {
				response.setContentType("application/pdf");
				pdf.write(summary, coverage, response.getOutputStream());
			}
		}
	}

	private Quarter quarter(String text) {
		if (text == null || text.isBlank()) {
			return dashboards.defaultQuarter();
		}
		return dashboards.quarter(text).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	/**
	 * "bao-cao-quy-i-nam-2030-huyen-tu-ky.xlsx": ASCII, without diacritics, which every mail client keeps; a
	 * steering member's names the communes in their charge, not the district.
	 */
	private String attachment(Summary summary, Coverage coverage, String extension) {
		String title = labels.text("export.fileName", summary.quarter().roman(),
				String.valueOf(summary.quarter().year()), labels.text(coverage.name()));
		String name = SearchText.fold(title).replace(' ', '-') + "." + extension;
		return ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString();
	}

}
