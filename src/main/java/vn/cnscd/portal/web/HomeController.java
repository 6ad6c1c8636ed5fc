package vn.cnscd.portal.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import vn.cnscd.portal.area.Actor;
import vn.cnscd.portal.area.UnitLevel;
import vn.cnscd.portal.area.UnitService;
import vn.cnscd.portal.area.UnitSummary;
import vn.cnscd.portal.reporting.ReportingOverview;
import vn.cnscd.portal.reporting.VillageLine;

/**
 * Each role's home page. A village head sees this month's report first; a commune chair sees which villages
 * have not sent theirs, with a number to call; others see the units they look after.
 */
@Controller
class HomeController {

	private final UnitService units;

	private final ReportingOverview reporting;

	HomeController(UnitService units, ReportingOverview reporting) {
		this.units = units;
		this.reporting = reporting;
	}

	@GetMapping("/")
	String home(Actor actor, Model model) {
		UnitSummary home = units.get(actor.homeUnitId());
		model.addAttribute("actor", actor);
		model.addAttribute("home", home);
		model.addAttribute("requests", reporting.openRequests(actor));
		if (home.level() == UnitLevel.VILLAGE) {
			model.addAttribute("month", reporting.villageMonth(actor, home.id()));
		}
		else {
			model.addAttribute("children", units.children(actor, home.id(), false));
		}
		if (home.level() == UnitLevel.COMMUNE) {
			model.addAttribute("reportingMonth", reporting.reportingMonth());
			model.addAttribute("missing", reporting.villages(actor, home, reporting.reportingMonth())
				.stream()
				.filter(VillageLine::missing)
				.toList());
		}
		return "web/home";
	}

}
