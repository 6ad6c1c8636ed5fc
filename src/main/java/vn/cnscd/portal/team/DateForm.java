package vn.cnscd.portal.team;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;

import org.springframework.format.annotation.DateTimeFormat;

import vn.cnscd.portal.area.HiddenField;

/** A dated action on a versioned record: a team dissolved, a member who left. */
class DateForm {

	@NotNull
	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate date;

	@HiddenField
	private long version;

	static DateForm of(LocalDate date, long version) {
		DateForm form = new DateForm();
		form.date = date;
		form.version = version;
		return form;
	}

	public LocalDate getDate() {
		return date;
	}

	public void setDate(LocalDate date) {
		this.date = date;
	}

	public long getVersion() {
		return version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

}
