package vn.cnscd.portal.area;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * The choices that turn an uploaded file into a draft: which round (effective date), under which unit its new
 * units sit, whether districts left with no commune are abolished, and the decision where the file's text does
 * not say it. The file's text comes back with them, as the upload read it, so that nothing is kept on the server
 * between the two steps.
 */
class ReorganisationImportForm {

	@NotBlank
	@Size(max = ReorganisationFile.MAX_BYTES)
	private String content;

	@NotNull
	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate round;

	@NotNull
	private Long parentId;

	private boolean abolishEmpty;

	@Size(max = 100)
	private String number;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE, fallbackPatterns = { "d/M/yyyy" })
	private LocalDate basisDate;

	@Size(max = 200)
	private String signer;

	public String getContent() {
		return content;
	}

	public void setContent(String content) {
		this.content = content;
	}

	public LocalDate getRound() {
		return round;
	}

	public void setRound(LocalDate round) {
		this.round = round;
	}

	public Long getParentId() {
		return parentId;
	}

	public void setParentId(Long parentId) {
		this.parentId = parentId;
	}

	public boolean isAbolishEmpty() {
		return abolishEmpty;
	}

	public void setAbolishEmpty(boolean abolishEmpty) {
		this.abolishEmpty = abolishEmpty;
	}

	public String getNumber() {
		return number;
	}

	public void setNumber(String number) {
		this.number = number;
	}

	public LocalDate getBasisDate() {
		return basisDate;
	}

	public void setBasisDate(LocalDate basisDate) {
		this.basisDate = basisDate;
	}

	public String getSigner() {
		return signer;
	}

	public void setSigner(String signer) {
		this.signer = signer;
	}

}
