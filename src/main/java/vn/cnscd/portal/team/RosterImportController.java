package vn.cnscd.portal.team;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.cnscd.portal.area.Actor;
import vn.cnscd.portal.area.UnitLevel;
import vn.cnscd.portal.area.UnitService;
import vn.cnscd.portal.area.UnitSummary;

/**
 * The roster import of a commune: the page with the template and the upload form, the upload itself, and
 * the template files. Only the commune's chair imports; anyone signed in may download the template.
 */
@Controller
class RosterImportController {

	/** A file can hold thousands of bad cells; the first ones are enough to see what is wrong. */
	static final int ERRORS_SHOWN = 500;

	private final RosterImportService imports;

	private final UnitService units;

	private final RosterLabels labels;

	private final RosterTemplate template;

	private final Clock clock;

	RosterImportController(RosterImportService imports, UnitService units, RosterLabels labels,
			RosterTemplate template, Clock clock) {
		this.imports = imports;
		this.units = units;
		this.labels = labels;
		this.template = template;
		this.clock = clock;
	}

	@GetMapping("/communes/{id}/roster-import")
	String page(Actor actor, @PathVariable long id, @RequestParam(required = false) String refused, Model model) {
		UnitSummary commune = commune(actor, id);
		if (RosterUploadLimitFilter.TOO_LARGE.equals(refused)) {
			return refused(new RefusedFileException("tooLarge", RosterFileReader.MAX_MEGABYTES), commune, model);
		}
		return page(commune, model);
	}

	@PostMapping("/communes/{id}/roster-import")
	String upload(Actor actor, @PathVariable long id, @RequestParam(required = false) MultipartFile file, Model model,
			RedirectAttributes redirect) throws IOException {
		UnitSummary commune = commune(actor, id);
		if (file == null || (file.isEmpty() && !StringUtils.hasText(file.getOriginalFilename()))) {
			return refused(new RefusedFileException("noFile"), commune, model);
		}
		if (file.isEmpty()) {
			return refused(new RefusedFileException("empty"), commune, model);
		}
		RosterImportService.Outcome outcome;
		try {
			outcome = imports.importFile(actor, id, file.getBytes());
		}
		catch (RefusedFileException refusal) {
			return refused(refusal, commune, model);
		}
		if (!outcome.imported()) {
			model.addAttribute("errors", outcome.errors().subList(0, Math.min(ERRORS_SHOWN, outcome.errors().size())));
			model.addAttribute("errorCount", outcome.errors().size());
			model.addAttribute("badRows", outcome.badRows());
			return page(commune, model);
		}
		redirect.addFlashAttribute("notice", "rosterImport.imported");
		redirect.addFlashAttribute("noticeArgs", new Object[] { outcome.members(), outcome.teamsCreated() });
		return "redirect:" + commune.url() + "/teams";
	}

	@GetMapping("/roster-import/template.xlsx")
	ResponseEntity<byte[]> templateXlsx() {
		return download(template.xlsx(), Downloads.XLSX, template.fileName("xlsx"));
	}

	@GetMapping("/roster-import/template.csv")
	ResponseEntity<byte[]> templateCsv() {
		return download(template.csv(), Downloads.CSV, template.fileName("csv"));
	}

	private static ResponseEntity<byte[]> download(byte[] content, MediaType type, String fileName) {
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION, Downloads.attachment(fileName))
			.body(content);
	}

	private UnitSummary commune(Actor actor, long id) {
		if (units.view(actor, id).level() != UnitLevel.COMMUNE) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return imports.importableCommune(actor, id);
	}

	private String refused(RefusedFileException refusal, UnitSummary commune, Model model) {
		model.addAttribute("refusalKey", refusal.key());
		model.addAttribute("refusalArgs", refusal.args());
		return page(commune, model);
	}

	private String page(UnitSummary commune, Model model) {
		String thisYear = String.valueOf(LocalDate.now(clock).getYear());
		model.addAttribute("commune", commune);
		model.addAttribute("columns", List.of(
				column(RosterColumn.VILLAGE), column(RosterColumn.FULL_NAME, String.valueOf(RosterRowCheck.MAX_NAME_LENGTH)),
				column(RosterColumn.GENDER, String.join(", ", labels.labels(Gender.class))),
				column(RosterColumn.BIRTH_YEAR, String.valueOf(RosterRowCheck.MIN_BIRTH_YEAR), thisYear),
				column(RosterColumn.PHONE), column(RosterColumn.ROLE, String.join(", ", labels.labels(TeamRole.class))),
				column(RosterColumn.AFFILIATION, String.join(", ", labels.labels(Affiliation.class))),
				column(RosterColumn.JOINED_ON)));
		model.addAttribute("villages", units.openChildren(commune.id()));
		model.addAttribute("maxMegabytes", RosterFileReader.MAX_MEGABYTES);
		return "team/roster-import";
	}

	private ColumnHelp column(RosterColumn column, Object... hintArgs) {
		return new ColumnHelp(labels.header(column), column.hintKey(), hintArgs);
	}

	/** A column of the file as the page explains it: its header as in the file, and what to write in it. */
	record ColumnHelp(String header, String hintKey, Object[] hintArgs) {
	}

}
