package vn.cnscd.portal.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import vn.cnscd.portal.area.Actor;
import vn.cnscd.portal.area.Role;
import vn.cnscd.portal.area.UnitLevel;
import vn.cnscd.portal.area.UnitService;
import vn.cnscd.portal.area.UnitSummary;
import vn.cnscd.portal.notification.PushOffer;
import vn.cnscd.portal.reporting.ReportingOverview;
import vn.cnscd.portal.reporting.VillageLine;

/**
 * Each role's home page. A village head sees this month's report first, and is offered Web Push; a commune chair
 * sees which villages have not sent theirs, with a number to call; others see the units they look after.
 */
@Controller
class HomeController {

	private final UnitService units;

	private final ReportingOverview reporting;

	private final PushOffer push;

	HomeController(UnitService units, ReportingOverview reporting, PushOffer push) {
		this.units = units;
		this.reporting = reporting;
		this.push = push;
	}

	@GetMapping("/")
	String home(Actor actor, Model model) {
		UnitSummary home = units.get(actor.homeUnitId());
		model.addAttribute("actor", actor);
		model.addAttribute("home", home);
		model.addAttribute("requests", reporting.openRequests(actor));
		if (home.level() == UnitLevel.VILLAGE) {
			model.addAttribute("month", reporting.villageMonth(actor, home.id()));
			// a village head is told of a returned report and of the due date on the phone, with the portal closed
			model.addAttribute("push", push.offer());
		}
		else if (actor.is(Role.STEERING_MEMBER)) {
			// the communes in their charge, which in a province of 2022 sit under its districts
			model.addAttribute("children", units.openCommunes(actor));
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
