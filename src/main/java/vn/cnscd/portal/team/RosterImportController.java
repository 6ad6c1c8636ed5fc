package vn.cnscd.portal.team;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
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
import vn.cnscd.portal.upload.UploadSlots;

/**
 * The roster import of a commune: the page with the templates and the upload form, the upload, which shows
 * the mapping step, the mapping step itself (looked at again or imported), and the template files. Only the
 * commune's chair imports; anyone signed in may download the template. Each upload or look at the kept file
 * is read in one of the portal's few upload slots, one at a time per chair.
 */
@Controller
class RosterImportController {

	/** A file can hold thousands of bad cells; the first ones are enough to see what is wrong. */
	static final int ERRORS_SHOWN = 500;

	private final RosterImportService imports;

	private final UnitService units;

	private final RosterLabels labels;

	private final RosterTemplate template;

	private final UploadSlots slots;

	private final Clock clock;

	RosterImportController(RosterImportService imports, UnitService units, RosterLabels labels,
			RosterTemplate template, UploadSlots slots, Clock clock) {
		this.imports = imports;
		this.units = units;
		this.labels = labels;
		this.template = template;
		this.slots = slots;
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
	String upload(Actor actor, @PathVariable long id, @RequestParam(required = false) MultipartFile file, Model model)
			throws IOException {
		UnitSummary commune = commune(actor, id);
		if (file == null || (file.isEmpty() && !StringUtils.hasText(file.getOriginalFilename()))) {
			return refused(new RefusedFileException("noFile"), commune, model);
		}
		if (file.isEmpty()) {
			return refused(new RefusedFileException("empty"), commune, model);
		}
		if (file.getSize() > RosterFileReader.MAX_BYTES) {
			return refused(new RefusedFileException("tooLarge", RosterFileReader.MAX_MEGABYTES), commune, model);
		}
		RosterImportService.Preview preview;
		try (UploadSlots.Slot slot = slots.take(RosterImportService.UPLOAD_KIND, actor.userId(), importUrl(commune))) {
			preview = imports.upload(actor, id, file.getOriginalFilename(), file.getBytes());
		}
		catch (RefusedFileException refusal) {
			return refused(refusal, commune, model);
		}
		return mapping(commune, preview, RosterMappingForm.of(preview), model);
	}

	@PostMapping("/communes/{id}/roster-import/mapping")
	String mapping(Actor actor, @PathVariable long id, @Valid @ModelAttribute("form") RosterMappingForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		UnitSummary commune = commune(actor, id);
		if (result.hasFieldErrors("upload") || result.hasFieldErrors("sheet") || result.hasFieldErrors("shownSheet")
				|| result.hasFieldErrors("columns") || result.hasFieldErrors("village")) {
			// the page wrote these; anything else was not sent from it
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
		}
		RosterImportService.Choice choice = new RosterImportService.Choice(UUID.fromString(form.getUpload()),
				form.getSheet(), form.getShownSheet(), form.getColumns(), form.getVillage(),
				result.hasFieldErrors("joinedOn") ? null : form.getJoinedOn());
		boolean importing = form.getAction() == RosterMappingForm.Action.IMPORT && !result.hasErrors();
		try (UploadSlots.Slot slot = slots.take(RosterImportService.UPLOAD_KIND, actor.userId(), importUrl(commune))) {
			if (importing) {
				RosterImportService.Outcome outcome = imports.importFile(actor, id, choice);
				if (outcome.imported()) {
					redirect.addFlashAttribute("notice", "rosterImport.imported");
					redirect.addFlashAttribute("noticeArgs",
							new Object[] { outcome.members(), outcome.teamsCreated(), outcome.inTeam() });
					return "redirect:" + commune.url() + "/teams";
				}
				return mapping(commune, outcome.notImported(), form.showing(outcome.notImported(), result.hasFieldErrors("joinedOn")), model);
			}
			RosterImportService.Preview preview = imports.preview(actor, id, choice);
			return mapping(commune, preview, form.showing(preview, result.hasFieldErrors("joinedOn")), model);
		}
		catch (RefusedFileException refusal) {
			return refused(refusal, commune, model);
		}
	}

	/** The commune's template: the other one, with drop-down lists of its villages. */
	@GetMapping("/communes/{id}/roster-import/template.xlsx")
	ResponseEntity<byte[]> communeTemplateXlsx(Actor actor, @PathVariable long id) {
		UnitSummary commune = units.view(actor, id);
		if (commune.level() != UnitLevel.COMMUNE) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return download(template.xlsx(units.openChildren(id)), Downloads.XLSX, template.fileName("xlsx"));
	}

	@GetMapping("/roster-import/template.xlsx")
	ResponseEntity<byte[]> templateXlsx() {
		return download(template.xlsx(List.of()), Downloads.XLSX, template.fileName("xlsx"));
	}

	@GetMapping("/roster-import/template.csv")
	ResponseEntity<byte[]> templateCsv() {
		return download(template.csv(), RosterTemplate.CSV, template.fileName("csv"));
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

	private static String importUrl(UnitSummary commune) {
		return commune.url() + "/roster-import";
	}

	private String mapping(UnitSummary commune, RosterImportService.Preview preview, RosterMappingForm form, Model model) {
		model.addAttribute("commune", commune);
		model.addAttribute("preview", preview);
		model.addAttribute("form", form);
		model.addAttribute("fields", RosterField.values());
		model.addAttribute("shownFields", RosterRowCheck.SHOWN);
		model.addAttribute("keptMinutes", RosterUploads.KEPT.toMinutes());
		if (preview.result() != null) {
			List<RosterRowCheck.CellError> errors = preview.result().errors();
			model.addAttribute("errors", errors.subList(0, Math.min(ERRORS_SHOWN, errors.size())));
			model.addAttribute("errorCount", errors.size());
			model.addAttribute("badRows", preview.result().badRows());
		}
		return "team/roster-mapping";
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
		model.addAttribute("maxRows", RosterFileReader.MAX_MEMBER_ROWS);
		model.addAttribute("maxMembers", TeamService.MAX_ACTIVE_MEMBERS);
		return "team/roster-import";
	}

	private ColumnHelp column(RosterColumn column, Object... hintArgs) {
		return new ColumnHelp(labels.header(column), column.hintKey(), hintArgs);
	}

	/** A column of the file as the page explains it: its header as in the file, and what to write in it. */
	record ColumnHelp(String header, String hintKey, Object[] hintArgs) {
	}

}
