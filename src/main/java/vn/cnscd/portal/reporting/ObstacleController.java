package vn.cnscd.portal.reporting;

import java.util.Map;

import org.springframework.data.domain.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.cnscd.portal.area.Actor;
import vn.cnscd.portal.area.UnitLevel;
import vn.cnscd.portal.area.UnitService;
import vn.cnscd.portal.area.UnitSummary;

/** The obstacles of an area, with filters; one obstacle with its signed answers. */
@Controller
class ObstacleController {

	/** A screenful or two on a phone; the rest is a page away, and the search finds the one wanted. */
	static final int PAGE_SIZE = 50;

	private static final int MAX_QUERY = 100;

	private static final int MAX_ANSWER = 4000;

	private final ObstacleService obstacles;

	private final UnitService units;

	ObstacleController(ObstacleService obstacles, UnitService units) {
		this.obstacles = obstacles;
		this.units = units;
	}

	@GetMapping("/obstacles")
	String list(Actor actor, @RequestParam(required = false) ObstacleService.Status status,
			@RequestParam(required = false) Long unit, @RequestParam(defaultValue = "") String q,
			@RequestParam(defaultValue = "1") int page, Model model) {
		String query = q.length() > MAX_QUERY ? q.substring(0, MAX_QUERY) : q;
		Page<ObstacleService.Obstacle> found = obstacles.list(actor, status, unit, query, page, PAGE_SIZE);
		Map<Long, UnitSummary> places = units.getAll(found.stream().map(ObstacleService.Obstacle::unitId).distinct().toList());
		model.addAttribute("obstacles", found);
		model.addAttribute("q", query);
		model.addAttribute("places", places);
		model.addAttribute("status", status);
		model.addAttribute("unit", unit);
		model.addAttribute("statuses", ObstacleService.Status.values());
		model.addAttribute("communes", units.openUnits(actor, UnitLevel.COMMUNE));
		return "reporting/obstacles";
	}

	@GetMapping("/obstacles/{id}")
	String show(Actor actor, @PathVariable long id, Model model) {
		ObstacleService.Obstacle obstacle = obstacles.get(actor, id);
		model.addAttribute("obstacle", obstacle);
		model.addAttribute("place", units.get(obstacle.unitId()));
		model.addAttribute("answers", obstacles.answers(id));
		model.addAttribute("canAnswer", obstacles.canAnswer(actor, obstacle));
		model.addAttribute("canResolve", obstacles.canResolve(actor, obstacle));
		return "reporting/obstacle";
	}

	@PostMapping("/obstacles/{id}/answers")
	String answer(Actor actor, @PathVariable long id, @RequestParam(defaultValue = "") String text,
			RedirectAttributes redirect) {
		if (text.isBlank() || text.length() > MAX_ANSWER) {
			obstacles.get(actor, id);
			redirect.addFlashAttribute("warning", "obstacle.answer.invalid");
			redirect.addFlashAttribute("typed", text);
			return "redirect:/obstacles/" + id;
		}
		obstacles.answer(actor, id, text);
		redirect.addFlashAttribute("notice", "obstacle.answered");
		return "redirect:/obstacles/" + id;
	}

	@PostMapping("/obstacles/{id}/resolve")
	String resolve(Actor actor, @PathVariable long id, RedirectAttributes redirect) {
		obstacles.resolve(actor, id);
		redirect.addFlashAttribute("notice", "obstacle.resolved");
		return "redirect:/obstacles/" + id;
	}

}
