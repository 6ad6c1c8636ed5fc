package vn.cnscd.portal.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import vn.cnscd.portal.area.Actor;
import vn.cnscd.portal.area.UnitLevel;
import vn.cnscd.portal.area.UnitService;
import vn.cnscd.portal.area.UnitSummary;

/** Each role's home page: their unit and what is under it that they look after. */
@Controller
class HomeController {

	private final UnitService units;

	HomeController(UnitService units) {
		this.units = units;
	}

	@GetMapping("/")
	String home(Actor actor, Model model) {
		UnitSummary home = units.get(actor.homeUnitId());
		model.addAttribute("actor", actor);
		model.addAttribute("home", home);
		if (home.level() != UnitLevel.VILLAGE) {
			model.addAttribute("children", units.children(actor, home.id(), false));
		}
		return "web/home";
	}

}
