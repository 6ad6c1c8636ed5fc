package vn.cnscd.portal.export;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import vn.cnscd.portal.area.HiddenField;

/** The report settings of a unit as its officer edits them. */
class ReportSettingsForm {

	@Size(max = 200)
	private String superior;

	@NotBlank
	@Size(max = 200)
	private String issuer;

	/** As documents write it after "BC-": letters, digits and the joiners symbols use (TCĐ, UBND, SKHCN-VP). */
	@NotBlank
	@Size(max = 30)
	@Pattern(regexp = "\\s*[\\p{L}\\p{N}][\\p{L}\\p{N}&.\\-]*\\s*")
	private String symbol;

	@NotBlank
	@Size(max = 100)
	private String place;

	@Size(max = 200)
	private String authority;

	@NotBlank
	@Size(max = 100)
	private String signerTitle;

	@Size(max = 100)
	private String signerName;

	@Size(max = 2000)
	private String recipients;

	@HiddenField
	private long version;

	static ReportSettingsForm of(ReportSettings settings) {
		ReportSettingsForm form = new ReportSettingsForm();
		form.superior = settings.superior();
		form.issuer = settings.issuer();
		form.symbol = settings.symbol();
		form.place = settings.place();
		form.authority = settings.authority();
		form.signerTitle = settings.signerTitle();
		form.signerName = settings.signerName();
		form.recipients = settings.recipients();
		form.version = settings.version();
		return form;
	}

	ReportSettings settings() {
		return new ReportSettings(superior, issuer, symbol, place, authority, signerTitle, signerName, recipients,
				version);
	}

	public String getSuperior() {
		return superior;
	}

	public void setSuperior(String superior) {
		this.superior = superior;
	}

	public String getIssuer() {
		return issuer;
	}

	public void setIssuer(String issuer) {
		this.issuer = issuer;
	}

	public String getSymbol() {
		return symbol;
	}

	public void setSymbol(String symbol) {
		this.symbol = symbol;
	}

	public String getPlace() {
		return place;
	}

	public void setPlace(String place) {
		this.place = place;
	}

	public String getAuthority() {
		return authority;
	}

	public void setAuthority(String authority) {
		this.authority = authority;
	}

	public String getSignerTitle() {
		return signerTitle;
	}

	public void setSignerTitle(String signerTitle) {
		this.signerTitle = signerTitle;
	}

	public String getSignerName() {
		return signerName;
	}

	public void setSignerName(String signerName) {
		this.signerName = signerName;
	}

	public String getRecipients() {
		return recipients;
	}

	public void setRecipients(String recipients) {
		this.recipients = recipients;
	}

	public long getVersion() {
		return version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

}
