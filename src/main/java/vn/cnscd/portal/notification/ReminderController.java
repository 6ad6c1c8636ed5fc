package vn.cnscd.portal.notification;

import java.time.YearMonth;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.cnscd.portal.area.Actor;
import vn.cnscd.portal.area.UnitLevel;
import vn.cnscd.portal.area.UnitService;
import vn.cnscd.portal.area.UnitSummary;
import vn.cnscd.portal.reporting.Deadlines;

/**
 * "Nhắc lại ngay" on the chase list: reminds one village, or every village of a commune or district that has not
 * sent the month's report, and goes back to the dashboard the button was on ({@code from}).
 */
@Controller
class ReminderController {

	private final ReminderLog reminders;

	private final UnitService units;

	private final Deadlines deadlines;

	private final ReminderProperties properties;

	ReminderController(ReminderLog reminders, UnitService units, Deadlines deadlines, ReminderProperties properties) {
		this.reminders = reminders;
		this.units = units;
		this.deadlines = deadlines;
		this.properties = properties;
	}

	@PostMapping("/{levels:villages|communes|districts|provinces}/{id}/reminders")
	String remind(Actor actor, @PathVariable String levels, @PathVariable long id, @RequestParam String month,
			@RequestParam(required = false) Long from, RedirectAttributes redirect) {
		YearMonth period = deadlines.month(month).orElseThrow(NotificationNotFoundException::new);
		UnitSummary unit = units.view(actor, id);
		if (!unit.level().segment().equals(levels)) {
			throw new NotificationNotFoundException();
		}
		ReminderLog.Outcome outcome = reminders.remind(actor, unit, period);
		if (outcome.quiet()) {
			redirect.addFlashAttribute("notice", "reminder.quiet");
			redirect.addFlashAttribute("noticeArgs",
					new Object[] { properties.quietFrom().toString(), properties.quietUntil().toString() });
		}
		else {
			redirect.addFlashAttribute("notice", "reminder.done");
			redirect.addFlashAttribute("noticeArgs",
					new Object[] { outcome.reminded(), outcome.recent(), outcome.nobody() });
		}
		return "redirect:" + back(actor, from, unit) + "/dashboard?month=" + period + "#chase";
	}

	/** The dashboard the button was on, if the actor may read it; else the unit's commune or district. */
	private String back(Actor actor, Long from, UnitSummary unit) {
		if (from != null) {
			UnitSummary dashboard = units.get(from);
			if (dashboard.level() != UnitLevel.VILLAGE && units.canView(actor, dashboard)) {
				return dashboard.url();
			}
		}
		return unit.level() == UnitLevel.VILLAGE ? units.get(unit.parentId()).url() : unit.url();
	}

}
