package vn.cnscd.portal.team;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * The mapping step of a roster import: the kept file, the sheet, a field per column of the table (as the
 * page showed it, in order; empty to leave a column out), the village and the date of joining for the whole
 * file, and whether to look again or to import.
 */
class RosterMappingForm {

	/** More sheets than any workbook of a commune office has; a larger index names none of them. */
	static final int MAX_SHEETS = 255;

	enum Action {

		PREVIEW, IMPORT

	}

	@NotNull
	@Size(max = 36)
	@Pattern(regexp = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
	private String upload;

	@Min(0)
	@Max(MAX_SHEETS)
	private Integer sheet;

	@Min(0)
	@Max(MAX_SHEETS)
	private Integer shownSheet;

	@Size(max = RosterFileReader.MAX_COLUMNS)
	private List<RosterField> columns = new ArrayList<>();

	@Positive
	private Long village;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate joinedOn;

	private Action action;

	static RosterMappingForm of(RosterImportService.Preview preview) {
		RosterMappingForm form = new RosterMappingForm();
		form.upload = preview.upload().toString();
		form.sheet = preview.sheet();
		form.shownSheet = preview.sheet();
		form.columns = new ArrayList<>(preview.columns().stream().map(RosterImportService.ColumnChoice::field).toList());
		form.village = preview.village() == null ? null : preview.village().id();
		form.joinedOn = preview.joinedOn();
		return form;
	}

	/**
	 * The form as sent, with what the preview made of it (the columns of a newly chosen sheet, say); a date
	 * typed wrong stays as typed, beside its message.
	 */
	RosterMappingForm showing(RosterImportService.Preview preview, boolean dateTypedWrong) {
		RosterMappingForm shown = of(preview);
		sheet = shown.sheet;
		shownSheet = shown.shownSheet;
		columns = shown.columns;
		village = shown.village;
		if (!dateTypedWrong) {
			joinedOn = shown.joinedOn;
		}
		return this;
	}

	public String getUpload() {
		return upload;
	}

	public void setUpload(String upload) {
		this.upload = upload;
	}

	public Integer getSheet() {
		return sheet;
	}

	public void setSheet(Integer sheet) {
		this.sheet = sheet;
	}

	public Integer getShownSheet() {
		return shownSheet;
	}

	public void setShownSheet(Integer shownSheet) {
		this.shownSheet = shownSheet;
	}

	public List<RosterField> getColumns() {
		return columns;
	}

	public void setColumns(List<RosterField> columns) {
		this.columns = columns;
	}

	public Long getVillage() {
		return village;
	}

	public void setVillage(Long village) {
		this.village = village;
	}

	public LocalDate getJoinedOn() {
		return joinedOn;
	}

	public void setJoinedOn(LocalDate joinedOn) {
		this.joinedOn = joinedOn;
	}

	public Action getAction() {
		return action;
	}

	public void setAction(Action action) {
		this.action = action;
	}

}
