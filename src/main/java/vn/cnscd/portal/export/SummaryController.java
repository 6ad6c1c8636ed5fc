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
import vn.cnscd.portal.dashboard.DashboardService;

/**
 * The report of a province, district or commune for a month, a quarter or a year (?month=2026-10,
 * ?quarter=2026-Q4, ?year=2026; by default the quarter of the dashboard's month), for whoever may read that
 * dashboard: the document as DOCX to edit or PDF to read, its appendices as XLSX, the raw values as CSV.
 */
@Controller
class SummaryController {

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

	private final DashboardService dashboards;

	private final ReportSource source;

	private final ReportComposer composer;

	private final ReportDocx docx;

	private final ReportPdf pdf;

	private final AppendixXlsx xlsx;

	private final SummaryCsv csv;

	private final SummaryLabels labels;

	SummaryController(DashboardService dashboards, ReportSource source, ReportComposer composer, ReportDocx docx,
			ReportPdf pdf, AppendixXlsx xlsx, SummaryCsv csv, SummaryLabels labels) {
		this.dashboards = dashboards;
		this.source = source;
		this.composer = composer;
		this.docx = docx;
		this.pdf = pdf;
		this.xlsx = xlsx;
		this.csv = csv;
		this.labels = labels;
	}

	static UnitLevel level(String segment) {
		return switch (segment) {
			case "provinces" -> UnitLevel.PROVINCE;
			case "districts" -> UnitLevel.DISTRICT;
			default -> UnitLevel.COMMUNE;
		};
	}

	@GetMapping("/{levels:provinces|districts|communes}/{id}/summary.{format:docx|pdf|xlsx|csv}")
	void summary(Actor actor, @PathVariable String levels, @PathVariable long id, @PathVariable String format,
			@RequestParam(required = false) String month, @RequestParam(required = false) String quarter,
			@RequestParam(required = false) String year, HttpServletResponse response) throws IOException {
		UnitSummary area = dashboards.area(actor, id, level(levels));
		ReportPeriod period = ReportPeriod.noneGiven(month, quarter, year) ? source.defaultPeriod()
				: ReportPeriod.parse(month, quarter, year).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		if (format.equals("csv")) {
			var scope = source.scope(actor, area, period);
			download(response, "text/csv;charset=UTF-8", attachment("document.file.values", period, actor, area, format));
			csv.write(scope, period, response.getOutputStream());
			return;
		}
		ReportLayout layout = composer.compose(source.load(actor, area, period));
		switch (format) {
			case "docx" -> {
				download(response, DOCX, attachment("document.file.document", period, actor, area, format));
				docx.write(layout, response.getOutputStream());
			}
			case "pdf" -> {
				download(response, "application/pdf", attachment("document.file.document", period, actor, area, format));
				pdf.write(layout, response.getOutputStream());
			}
			default -> {
				download(response, XLSX, attachment("document.file.appendices", period, actor, area, format));
				xlsx.write(layout, response.getOutputStream());
			}
		}
	}

	private static void download(HttpServletResponse response, String type, String disposition) {
		response.setContentType(type);
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, disposition);
	}

	/**
	 * "bao-cao-quy-iv-2026-huyen-tu-ky.docx": ASCII, without diacritics, which every mail client keeps; a steering
	 * member's names the communes in their charge, not the area.
	 */
	private String attachment(String key, ReportPeriod period, Actor actor, UnitSummary area, String extension) {
		String when = labels.text("document.file.period." + period.kind(), period.numeral(), String.valueOf(period.year()));
		String name = SearchText.fold(labels.text(key, when, labels.text(dashboards.coverage(actor, area).name()))).replace(' ', '-') + "." + extension;
		return ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString();
	}

}
