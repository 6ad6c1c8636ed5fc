package vn.cnscd.portal.area;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

/** The decision a reorganisation carries out: its number, date and signer, and the date it takes effect. */
class ReorganisationBasisForm implements ReorganisationController.Versioned {

	@NotBlank
	@Size(max = 100)
	private String number;

	@NotNull
	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE, fallbackPatterns = { "d/M/yyyy" })
	private LocalDate date;

	@NotBlank
	@Size(max = 200)
	private String signer;

	@NotNull
	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE, fallbackPatterns = { "d/M/yyyy" })
	private LocalDate effectiveOn;

	@HiddenField
	private long version;

	static ReorganisationBasisForm of(ReorganisationService.Reorganisation reorganisation) {
		ReorganisationBasisForm form = new ReorganisationBasisForm();
		form.number = reorganisation.basis().number();
		form.date = reorganisation.basis().date();
		form.signer = reorganisation.basis().signer();
		form.effectiveOn = reorganisation.basis().effectiveOn();
		form.version = reorganisation.version();
		return form;
	}

	ReorganisationService.Basis basis() {
		return new ReorganisationService.Basis(number, date, signer, effectiveOn);
	}

	public String getNumber() {
		return number;
	}

	public void setNumber(String number) {
		this.number = number;
	}

	public LocalDate getDate() {
		return date;
	}

	public void setDate(LocalDate date) {
		this.date = date;
	}

	public String getSigner() {
		return signer;
	}

	public void setSigner(String signer) {
		this.signer = signer;
	}

	public LocalDate getEffectiveOn() {
		return effectiveOn;
	}

	public void setEffectiveOn(LocalDate effectiveOn) {
		this.effectiveOn = effectiveOn;
	}

	public long getVersion() {
		return version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

}
