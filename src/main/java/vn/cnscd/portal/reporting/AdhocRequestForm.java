package vn.cnscd.portal.reporting;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

import vn.cnscd.portal.area.UnitLevel;

/**
 * A new ad hoc request as typed. {@code allCommunes} sends it to every commune whatever is ticked;
 * {@code addressees} says whether the communes answer or every open village of them.
 */
class AdhocRequestForm {

	@NotBlank
	@Size(max = 200)
	private String title;

	@NotBlank
	@Size(max = 4000)
	private String questions;

	@NotNull
	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate deadline;

	@Size(max = 500)
	private Set<Long> indicatorIds = new LinkedHashSet<>();

	@Size(max = 1000)
	private Set<Long> communeIds = new LinkedHashSet<>();

	private boolean allCommunes;

	@NotNull
	private UnitLevel addressees = UnitLevel.COMMUNE;

	public String getTitle() {
		return title;
	}

	public void setTitle(String title) {
		this.title = title;
	}

	public String getQuestions() {
		return questions;
	}

	public void setQuestions(String questions) {
		this.questions = questions;
	}

	public LocalDate getDeadline() {
		return deadline;
	}

	public void setDeadline(LocalDate deadline) {
		this.deadline = deadline;
	}

	public Set<Long> getIndicatorIds() {
		return indicatorIds;
	}

	public void setIndicatorIds(Set<Long> indicatorIds) {
		this.indicatorIds = indicatorIds;
	}

	public Set<Long> getCommuneIds() {
		return communeIds;
	}

	public void setCommuneIds(Set<Long> communeIds) {
		this.communeIds = communeIds;
	}

	public boolean isAllCommunes() {
		return allCommunes;
	}

	public void setAllCommunes(boolean allCommunes) {
		this.allCommunes = allCommunes;
	}

	public UnitLevel getAddressees() {
		return addressees;
	}

	public void setAddressees(UnitLevel addressees) {
		this.addressees = addressees;
	}

}
