package vn.cnscd.portal.training;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import org.springframework.util.StringUtils;

/** One line of the plan form; a line left blank is no item. */
class PlanItemForm {

	@Min(1)
	@Max(12)
	private Integer month;

	@Size(max = 500)
	private String activity;

	@Size(max = 100)
	private String personInCharge;

	private PlanItemStatus status = PlanItemStatus.PLANNED;

	static PlanItemForm of(PlanRecords.PlanItem item) {
		PlanItemForm form = new PlanItemForm();
		form.month = item.month();
		form.activity = item.activity();
		form.personInCharge = item.personInCharge();
		form.status = item.status();
		return form;
	}

	boolean blank() {
		return month == null && !StringUtils.hasText(activity) && !StringUtils.hasText(personInCharge);
	}

	PlanRecords.PlanItem item() {
		return new PlanRecords.PlanItem(month, activity.strip(),
				StringUtils.hasText(personInCharge) ? personInCharge.strip() : null, status);
	}

	public Integer getMonth() {
		return month;
	}

	public void setMonth(Integer month) {
		this.month = month;
	}

	public String getActivity() {
		return activity;
	}

	public void setActivity(String activity) {
		this.activity = activity;
	}

	public String getPersonInCharge() {
		return personInCharge;
	}

	public void setPersonInCharge(String personInCharge) {
		this.personInCharge = personInCharge;
	}

	public PlanItemStatus getStatus() {
		return status;
	}

	public void setStatus(PlanItemStatus status) {
		this.status = status;
	}

}
