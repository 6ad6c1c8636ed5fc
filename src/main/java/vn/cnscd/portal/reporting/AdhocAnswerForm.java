package vn.cnscd.portal.reporting;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.validation.constraints.Pattern;

import vn.cnscd.portal.area.HiddenField;

/**
 * An answer as typed: numbers stay text until checked, so that whatever was typed comes back with its
 * message; {@code formKey} names this copy of the form, so that sending it twice counts once.
 */
class AdhocAnswerForm {

	@NotBlank
	@Size(max = 4000)
	private String answers;

	@Size(max = 500)
	private Map<Long, @Size(max = 20) String> values = new LinkedHashMap<>();

	@HiddenField
	@Size(max = 40)
	@Pattern(regexp = "[A-Za-z0-9-]*")
	private String formKey;

	public String getAnswers() {
		return answers;
	}

	public void setAnswers(String answers) {
		this.answers = answers;
	}

	public Map<Long, String> getValues() {
		return values;
	}

	public void setValues(Map<Long, String> values) {
		this.values = values;
	}

	public String getFormKey() {
		return formKey;
	}

	public void setFormKey(String formKey) {
		this.formKey = formKey;
	}

}
