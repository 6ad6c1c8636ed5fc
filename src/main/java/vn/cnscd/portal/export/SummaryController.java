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

	@GetMapping("/districts/{id}/summary.xlsx")
	void districtXlsx(Actor actor, @PathVariable long id, @RequestParam(required = false) String quarter,
			HttpServletResponse response) throws IOException {
		sendXlsx(actor, dashboards.area(actor, id, UnitLevel.DISTRICT), quarter, response);
	}

	@GetMapping("/communes/{id}/summary.xlsx")
	void communeXlsx(Actor actor, @PathVariable long id, @RequestParam(required = false) String quarter,
			HttpServletResponse response) throws IOException {
		sendXlsx(actor, dashboards.area(actor, id, UnitLevel.COMMUNE), quarter, response);
	}

	/** A province's summary, for administrators: it streams, whatever the number of communes. */
	@GetMapping("/provinces/{id}/summary.xlsx")
	void provinceXlsx(Actor actor, @PathVariable long id, @RequestParam(required = false) String quarter,
			HttpServletResponse response) throws IOException {
		sendXlsx(actor, dashboards.area(actor, id, UnitLevel.PROVINCE), quarter, response);
	}

	@GetMapping("/provinces/{id}/summary.csv")
	void provinceCsv(Actor actor, @PathVariable long id, @RequestParam(required = false) String quarter,
			HttpServletResponse response) throws IOException {
		sendCsv(actor, dashboards.area(actor, id, UnitLevel.PROVINCE), quarter, response);
	}

	@GetMapping("/districts/{id}/summary.csv")
	void districtCsv(Actor actor, @PathVariable long id, @RequestParam(required = false) String quarter,
			HttpServletResponse response) throws IOException {
		sendCsv(actor, dashboards.area(actor, id, UnitLevel.DISTRICT), quarter, response);
	}

	@GetMapping("/communes/{id}/summary.csv")
	void communeCsv(Actor actor, @PathVariable long id, @RequestParam(required = false) String quarter,
			HttpServletResponse response) throws IOException {
		sendCsv(actor, dashboards.area(actor, id, UnitLevel.COMMUNE), quarter, response);
	}

	@GetMapping("/districts/{id}/summary.pdf")
	void districtPdf(Actor actor, @PathVariable long id, @RequestParam(required = false) String quarter,
			HttpServletResponse response) throws IOException {
		sendPdf(actor, dashboards.area(actor, id, UnitLevel.DISTRICT), quarter, response);
	}

	@GetMapping("/communes/{id}/summary.pdf")
	void communePdf(Actor actor, @PathVariable long id, @RequestParam(required = false) String quarter,
			HttpServletResponse response) throws IOException {
		sendPdf(actor, dashboards.area(actor, id, UnitLevel.COMMUNE), quarter, response);
	}

	private void sendPdf(Actor actor, UnitSummary area, String text, HttpServletResponse response) throws IOException {
		Summary summary = source.load(actor, area, quarter(text));
		response.setContentType("application/pdf");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, attachment(summary, "pdf"));
		pdf.write(summary, response.getOutputStream());
	}

	private void sendXlsx(Actor actor, UnitSummary area, String text, HttpServletResponse response)
			throws IOException {
		Summary summary = source.load(actor, area, quarter(text));
		response.setContentType(XLSX);
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, attachment(summary, "xlsx"));
		xlsx.write(summary, response.getOutputStream());
	}

	private void sendCsv(Actor actor, UnitSummary area, String text, HttpServletResponse response) throws IOException {
		Summary summary = source.load(actor, area, quarter(text));
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, attachment(summary, "csv"));
		csv.write(summary, response.getOutputStream());
	}

	private Quarter quarter(String text) {
		if (text == null || text.isBlank()) {
			return dashboards.defaultQuarter();
		}
		return dashboards.quarter(text).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	/** "bao-cao-quy-i-2030-huyen-tu-ky.xlsx": ASCII, without diacritics, which every mail client keeps. */
	private String attachment(Summary summary, String extension) {
		String title = labels.text("export.fileName", summary.quarter().roman(),
				String.valueOf(summary.quarter().year()), labels.unitName(summary.area()));
		String name = SearchText.fold(title).replace(' ', '-') + "." + extension;
		return ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString();
	}

}
