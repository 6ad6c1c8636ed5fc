package vn.cnscd.portal.dashboard;

import java.time.YearMonth;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import vn.cnscd.portal.area.Actor;
import vn.cnscd.portal.area.Role;
import vn.cnscd.portal.area.UnitChange;
import vn.cnscd.portal.area.UnitLevel;
import vn.cnscd.portal.area.UnitSummary;
import vn.cnscd.portal.notification.ReminderLog;
import vn.cnscd.portal.reporting.Deadlines;
import vn.cnscd.portal.reporting.ReportFigures;

/** The dashboards of a district and of a commune, for a month chosen in the address (?month=2026-10). */
@Controller
class DashboardController {

	private final DashboardService dashboards;

	private final Deadlines deadlines;

	private final DashboardText texts;

	private final ReminderLog reminders;

	DashboardController(DashboardService dashboards, Deadlines deadlines, DashboardText texts, ReminderLog reminders) {
		this.dashboards = dashboards;
		this.deadlines = deadlines;
		this.texts = texts;
		this.reminders = reminders;
	}

	/** The user's own dashboard: their committee's province or district, or their commune for a commune chair. */
	@GetMapping("/dashboard")
	String mine(Actor actor) {
		if (!actor.isAny(Role.OFFICER, Role.STEERING_MEMBER, Role.COMMUNE_CHAIR)) {
			return "redirect:/";
		}
		return "redirect:" + dashboards.home(actor).url() + "/dashboard";
	}

	@GetMapping("/provinces/{id}/dashboard")
	String province(Actor actor, @PathVariable long id, @RequestParam(required = false) String month, Model model) {
		return page(actor, dashboards.area(actor, id, UnitLevel.PROVINCE), month, model);
	}

	@GetMapping("/districts/{id}/dashboard")
	String district(Actor actor, @PathVariable long id, @RequestParam(required = false) String month, Model model) {
		return page(actor, dashboards.area(actor, id, UnitLevel.DISTRICT), month, model);
	}

	@GetMapping("/communes/{id}/dashboard")
	String commune(Actor actor, @PathVariable long id, @RequestParam(required = false) String month, Model model) {
		return page(actor, dashboards.area(actor, id, UnitLevel.COMMUNE), month, model);
	}

	/** Two years of months: enough to see a season come round again. */
	static final int TREND_MONTHS = 24;

	@GetMapping("/provinces/{id}/dashboard/trends")
	String provinceTrends(Actor actor, @PathVariable long id, @RequestParam(required = false) String month,
			@RequestParam(required = false) String view, Model model) {
		return trends(actor, dashboards.area(actor, id, UnitLevel.PROVINCE), month, view, model);
	}

	@GetMapping("/districts/{id}/dashboard/trends")
	String districtTrends(Actor actor, @PathVariable long id, @RequestParam(required = false) String month,
			@RequestParam(required = false) String view, Model model) {
		return trends(actor, dashboards.area(actor, id, UnitLevel.DISTRICT), month, view, model);
	}

	@GetMapping("/communes/{id}/dashboard/trends")
	String communeTrends(Actor actor, @PathVariable long id, @RequestParam(required = false) String month,
			@RequestParam(required = false) String view, Model model) {
		return trends(actor, dashboards.area(actor, id, UnitLevel.COMMUNE), month, view, model);
	}

	private String trends(Actor actor, UnitSummary area, String text, String viewText, Model model) {
		YearMonth month = month(text);
		ReportFigures.View view = "today".equals(viewText) ? ReportFigures.View.TODAY : ReportFigures.View.AS_REPORTED;
		YearMonth from = month.minusMonths(TREND_MONTHS - 1L);
		List<UnitChange> changes = dashboards.changes(area, from, month);
		model.addAttribute("area", area);
		model.addAttribute("month", month);
		model.addAttribute("view", view);
		model.addAttribute("changes", changes);
		// today's units are a view of a unit that still exists
		model.addAttribute("todayOffered", !area.closed());
		model.addAttribute("coverage", dashboards.coverage(actor, area));
		model.addAttribute("trends", Trend.fromFirstValue(dashboards.trends(actor, area, month, TREND_MONTHS, view))
			.stream()
			.map(trend -> trend.marking(changes.stream().map(change -> YearMonth.from(change.effectiveOn())).toList()))
			.toList());
		model.addAttribute("chartWidth", Trend.WIDTH);
		model.addAttribute("chartHeight", Trend.HEIGHT);
		// a line of month labels under the bars
		model.addAttribute("labelY", Trend.HEIGHT + 14);
		model.addAttribute("viewBox", "0 0 " + Trend.WIDTH + " " + (Trend.HEIGHT + 16));
		return "dashboard/trends";
	}

	@GetMapping("/provinces/{id}/dashboard/text")
	String provinceText(Actor actor, @PathVariable long id, @RequestParam(required = false) String month,
			Locale locale, Model model) {
		return text(actor, dashboards.area(actor, id, UnitLevel.PROVINCE), month, locale, model);
	}

	@GetMapping("/districts/{id}/dashboard/text")
	String districtText(Actor actor, @PathVariable long id, @RequestParam(required = false) String month,
			Locale locale, Model model) {
		return text(actor, dashboards.area(actor, id, UnitLevel.DISTRICT), month, locale, model);
	}

	@GetMapping("/communes/{id}/dashboard/text")
	String communeText(Actor actor, @PathVariable long id, @RequestParam(required = false) String month,
			Locale locale, Model model) {
		return text(actor, dashboards.area(actor, id, UnitLevel.COMMUNE), month, locale, model);
	}

	private String text(Actor actor, UnitSummary area, String text, Locale locale, Model model) {
		Dashboard dashboard = dashboards.dashboard(actor, area, month(text));
		Coverage coverage = dashboards.coverage(actor, area);
		model.addAttribute("dashboard", dashboard);
		model.addAttribute("coverage", coverage);
		model.addAttribute("summary", texts.of(dashboard, coverage, locale));
		return "dashboard/text";
	}

	private String page(Actor actor, UnitSummary area, String text, Model model) {
		YearMonth month = month(text);
		Dashboard dashboard = dashboards.dashboard(actor, area, month);
		model.addAttribute("dashboard", dashboard);
		model.addAttribute("coverage", dashboards.coverage(actor, area));
		// a commune's page leads up to its district's only for those who may read that one
		model.addAttribute("districtLink", dashboard.communeView() && dashboards.mayRead(actor, dashboard.district()));
		// the reports offered are of the months due by now, whichever month the page shows
		YearMonth reportMonth = month.isAfter(dashboards.defaultMonth()) ? dashboards.defaultMonth() : month;
		model.addAttribute("reportMonth", reportMonth);
		model.addAttribute("quarter", Quarter.of(reportMonth));
		model.addAttribute("settingsLink", actor.isOfficerOf(area));
		model.addAttribute("previousMonth", month.minusMonths(1));
		model.addAttribute("nextMonth", month.isBefore(deadlines.currentMonth()) ? month.plusMonths(1) : null);
		model.addAttribute("weights", new int[] { Ranking.PROGRESS_WEIGHT, Ranking.COMPLETENESS_WEIGHT,
				Ranking.TIMELINESS_WEIGHT });
		// who was reminded of each village on the chase list, and whether this user may remind them again now
		model.addAttribute("reminders",
				reminders.forVillages(dashboard.chase().stream().map(v -> v.village().id()).toList(), month));
		model.addAttribute("canRemind", reminders.canRemind(actor, area));
		model.addAttribute("now", reminders.now());
		return "dashboard/dashboard";
	}

	private YearMonth month(String text) {
		if (text == null || text.isBlank()) {
			return dashboards.defaultMonth();
		}
		return deadlines.month(text).orElseThrow(DashboardNotFoundException::new);
	}

}
