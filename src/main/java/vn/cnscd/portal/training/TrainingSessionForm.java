package vn.cnscd.portal.training;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.validation.constraints.Pattern;

import org.springframework.format.annotation.DateTimeFormat;

import vn.cnscd.portal.area.HiddenField;

class TrainingSessionForm {

	@NotNull
	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate heldOn;

	@NotNull
	private TrainingMode mode;

	@NotEmpty
	@Size(max = 50)
	private Set<TrainingTopic> topics = EnumSet.noneOf(TrainingTopic.class);

	@NotBlank
	@Size(max = 200)
	private String organiser;

	@NotBlank
	@Size(max = 500)
	private String place;

	@HiddenField
	@Size(max = 40)
	@Pattern(regexp = "[A-Za-z0-9-]*")
	private String formKey;

	@HiddenField
	private long version;

	static TrainingSessionForm of(TrainingRecords.SessionSummary session) {
		TrainingSessionForm form = new TrainingSessionForm();
		form.heldOn = session.heldOn();
		form.mode = session.mode();
		form.topics = session.topics().isEmpty() ? EnumSet.noneOf(TrainingTopic.class) : EnumSet.copyOf(session.topics());
		form.organiser = session.organiser();
		form.place = session.place();
		form.version = session.version();
		return form;
	}

	TrainingService.SessionDraft draft() {
		return new TrainingService.SessionDraft(heldOn, mode, topics, organiser, place);
	}

	public LocalDate getHeldOn() {
		return heldOn;
	}

	public void setHeldOn(LocalDate heldOn) {
		this.heldOn = heldOn;
	}

	public TrainingMode getMode() {
		return mode;
	}

	public void setMode(TrainingMode mode) {
		this.mode = mode;
	}

	public Set<TrainingTopic> getTopics() {
		return topics;
	}

	public void setTopics(Set<TrainingTopic> topics) {
		this.topics = topics;
	}

	public String getOrganiser() {
		return organiser;
	}

	public void setOrganiser(String organiser) {
		this.organiser = organiser;
	}

	public String getPlace() {
		return place;
	}

	public void setPlace(String place) {
		this.place = place;
	}

	public String getFormKey() {
		return formKey;
	}

	public void setFormKey(String formKey) {
		this.formKey = formKey;
	}

	public long getVersion() {
		return version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

}
