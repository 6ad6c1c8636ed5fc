package vn.cnscd.portal.training;

import java.util.ArrayList;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import vn.cnscd.portal.area.HiddenField;

class PlanForm {

	/** The most lines a plan has: as many as the portal's forms grow a list to (web.FormBinding). */
	static final int MAX_LINES = 200;

	/** Blank lines offered below the items, so that a plan grows without JavaScript. */
	static final int BLANK_LINES = 5;

	@Valid
	@Size(max = MAX_LINES)
	private List<PlanItemForm> items = new ArrayList<>();

	@HiddenField
	private long version;

	static PlanForm of(PlanRecords.ActivityPlan plan) {
		PlanForm form = new PlanForm();
		plan.items().forEach(item -> form.items.add(PlanItemForm.of(item)));
		form.version = plan.version();
		form.addBlankLines();
		return form;
	}

	void addBlankLines() {
		for (int i = 0; i < BLANK_LINES && items.size() < MAX_LINES; i++) {
			items.add(new PlanItemForm());
		}
	}

	List<PlanRecords.PlanItem> filled() {
		return items.stream().filter(item -> !item.blank()).map(PlanItemForm::item).toList();
	}

	public List<PlanItemForm> getItems() {
		return items;
	}

	public void setItems(List<PlanItemForm> items) {
		this.items = items;
	}

	public long getVersion() {
		return version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

}
