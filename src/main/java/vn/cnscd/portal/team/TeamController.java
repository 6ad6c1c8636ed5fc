package vn.cnscd.portal.team;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.cnscd.portal.area.Actor;
import vn.cnscd.portal.area.Paging;
import vn.cnscd.portal.area.Role;
import vn.cnscd.portal.area.StaleEditException;
import vn.cnscd.portal.area.UnitLevel;
import vn.cnscd.portal.area.UnitService;
import vn.cnscd.portal.area.UnitSummary;
import vn.cnscd.portal.audit.AuditEntry;

/** Roster pages: a district's and a commune's overview, a village's teams, a team, its forms and history. */
@Controller
class TeamController {

	private static final String TEAM_UNITS = "{levels:communes|villages}";

	private static final int SEARCH_LIMIT = 50;

	/** Rows of a roster overview (communes of a district, villages of a commune) per page. */
	static final int PAGE_SIZE = 30;

	/** Members per page of a team: a village team has 3 to 6, a commune's may have dozens. */
	static final int MEMBERS_PAGE_SIZE = 20;

	/** Changes per page of a team's history, newest last as they happened. */
	static final int HISTORY_PAGE_SIZE = 50;

	private final TeamService teams;

	private final RosterOverview overview;

	private final UnitService units;

	TeamController(TeamService teams, RosterOverview overview, UnitService units) {
		this.teams = teams;
		this.overview = overview;
		this.units = units;
	}

	/** The teams of the user's own area. */
	@GetMapping("/teams")
	String mine(Actor actor) {
		UnitSummary home = units.get(actor.homeUnitId());
		return "redirect:" + home.url() + "/teams";
	}

	@GetMapping("/{levels:provinces|districts}/{id}/teams")
	String district(Actor actor, @PathVariable String levels, @PathVariable long id,
			@RequestParam(defaultValue = "1") int page, Model model) {
		var roster = overview.district(actor, units.committee(actor, levels, id).id());
		model.addAttribute("roster", roster);
		model.addAttribute("communes", Paging.of(roster.communes(), page, PAGE_SIZE));
		return "team/district-roster";
	}

	@GetMapping("/communes/{id}/teams")
	String commune(Actor actor, @PathVariable long id, @RequestParam(defaultValue = "1") int page, Model model) {
		UnitSummary commune = requireLevel(actor, id, UnitLevel.COMMUNE);
		var roster = overview.commune(actor, id);
		model.addAttribute("roster", roster);
		model.addAttribute("villageRows", Paging.of(roster.villages(), page, PAGE_SIZE));
		model.addAttribute("canManage", teams.canManage(actor, commune));
		model.addAttribute("hasCommuneTeam", teams.hasCommuneTeam(id));
		return "team/commune-roster";
	}

	@GetMapping("/villages/{id}/teams")
	String village(Actor actor, @PathVariable long id, Model model) {
		UnitSummary village = requireLevel(actor, id, UnitLevel.VILLAGE);
		model.addAttribute("unit", village);
		List<TeamRoster> rosters = teams.rostersOf(actor, id);
		model.addAttribute("rosters", rosters);
		model.addAttribute("activeTeams", rosters.stream().filter(roster -> roster.team().active()).toList());
		model.addAttribute("canManage", teams.canManage(actor, village));
		return "team/village-teams";
	}

	@GetMapping("/teams/search")
	String search(Actor actor, @RequestParam(name = "q", defaultValue = "") String query, Model model) {
		model.addAttribute("query", query);
		model.addAttribute("hits", teams.search(actor, query, SEARCH_LIMIT));
		model.addAttribute("limit", SEARCH_LIMIT);
		return "team/search";
	}

	@GetMapping("/teams/{id}")
	String team(Actor actor, @PathVariable long id, @RequestParam(defaultValue = "1") int page,
			@RequestParam(defaultValue = "1") int formerPage, Model model) {
		TeamRoster roster = teams.roster(actor, id);
		UnitSummary unit = units.get(roster.team().unitId());
		model.addAttribute("roster", roster);
		// the roster's rules read every member; the page shows a page of them
		model.addAttribute("members", Paging.of(roster.activeMembers(), page, MEMBERS_PAGE_SIZE));
		model.addAttribute("formerMembers", Paging.of(roster.formerMembers(), formerPage, MEMBERS_PAGE_SIZE));
		model.addAttribute("unit", unit);
		model.addAttribute("canManage", roster.team().active() && teams.canManage(actor, unit));
		model.addAttribute("canReadHistory", actor.isAny(Role.OFFICER, Role.ADMIN));
		return "team/team";
	}

	@GetMapping("/teams/{id}/history")
	String history(Actor actor, @PathVariable long id, @RequestParam(defaultValue = "1") int page, Model model) {
		List<AuditEntry> entries = teams.history(actor, id);
		TeamRoster roster = teams.roster(actor, id);
		Map<Long, String> names = Stream.concat(roster.activeMembers().stream(), roster.formerMembers().stream())
			.collect(Collectors.toMap(MemberSummary::id, MemberSummary::fullName));
		model.addAttribute("roster", roster);
		model.addAttribute("lines", Paging.of(entries.stream()
			.map(entry -> HistoryLine.of(entry,
					TeamService.MEMBER.equals(entry.entityType()) ? names.get(entry.entityId()) : null))
			.toList(), page, HISTORY_PAGE_SIZE));
		return "team/history";
	}

	@GetMapping("/" + TEAM_UNITS + "/{id}/teams/new")
	String newTeam(Actor actor, @PathVariable String levels, @PathVariable long id, Model model) {
		UnitSummary unit = manageable(actor, levels, id);
		if (unit.level() == UnitLevel.COMMUNE && teams.hasCommuneTeam(id)) {
			return "redirect:" + unit.url() + "/teams";
		}
		return createForm(unit, TeamForm.of(teams.suggestedDetails(unit), 0), model);
	}

	@PostMapping("/" + TEAM_UNITS + "/{id}/teams/new")
	String createTeam(Actor actor, @PathVariable String levels, @PathVariable long id,
			@Valid @ModelAttribute("form") TeamForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		UnitSummary unit = manageable(actor, levels, id);
		checkDecisionDate(form, result);
		if (result.hasErrors()) {
			return createForm(unit, form, model);
		}
		try {
			TeamSummary team = teams.create(actor, id, form.details());
			redirect.addFlashAttribute("notice", "team.created");
			return "redirect:" + team.url();
		}
		catch (CommuneTeamExistsException exists) {
			result.reject("team.communeTeamExists");
			return createForm(unit, form, model);
		}
	}

	@GetMapping("/teams/{id}/edit")
	String edit(Actor actor, @PathVariable long id, Model model) {
		TeamRoster roster = manageableTeam(actor, id);
		return editForm(roster.team(), TeamForm.of(details(roster.team()), roster.team().version()), model);
	}

	@PostMapping("/teams/{id}/edit")
	String update(Actor actor, @PathVariable long id, @Valid @ModelAttribute("form") TeamForm form,
			BindingResult result, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		TeamRoster roster = manageableTeam(actor, id);
		checkDecisionDate(form, result);
		if (result.hasErrors()) {
			return editForm(roster.team(), form, model);
		}
		try {
			teams.update(actor, id, form.details(), form.getVersion());
		}
		catch (StaleEditException stale) {
			result.reject("edit.conflict");
			response.setStatus(HttpStatus.CONFLICT.value());
			form.setVersion(teams.summary(id).version());
			return editForm(roster.team(), form, model);
		}
		redirect.addFlashAttribute("notice", "team.updated");
		return "redirect:" + roster.team().url();
	}

	@GetMapping("/teams/{id}/dissolve")
	String dissolveForm(Actor actor, @PathVariable long id, Model model) {
		TeamRoster roster = manageableTeam(actor, id);
		model.addAttribute("team", roster.team());
		model.addAttribute("form", DateForm.of(teams.today(), roster.team().version()));
		return "team/dissolve";
	}

	@PostMapping("/teams/{id}/dissolve")
	String dissolve(Actor actor, @PathVariable long id, @Valid @ModelAttribute("form") DateForm form,
			BindingResult result, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		TeamRoster roster = manageableTeam(actor, id);
		model.addAttribute("team", roster.team());
		if (form.getDate() != null && form.getDate().isAfter(teams.today())) {
			result.rejectValue("date", "date.future");
		}
		if (result.hasErrors()) {
			return "team/dissolve";
		}
		try {
			teams.dissolve(actor, id, form.getDate(), form.getVersion());
		}
		catch (StaleEditException stale) {
			result.reject("edit.conflict");
			response.setStatus(HttpStatus.CONFLICT.value());
			form.setVersion(teams.summary(id).version());
			return "team/dissolve";
		}
		redirect.addFlashAttribute("notice", "team.dissolved");
		return "redirect:" + roster.team().url();
	}

	private void checkDecisionDate(TeamForm form, BindingResult result) {
		if (form.getDecisionDate() != null && form.getDecisionDate().isAfter(teams.today())) {
			result.rejectValue("decisionDate", "date.future");
		}
	}

	private static TeamDetails details(TeamSummary team) {
		return new TeamDetails(team.name(), team.decisionNumber(), team.decisionDate(), team.decisionSigner(),
				team.chatPlatform(), team.chatName(), team.chatLink());
	}

	private String createForm(UnitSummary unit, TeamForm form, Model model) {
		model.addAttribute("unit", unit);
		model.addAttribute("form", form);
		model.addAttribute("platforms", ChatPlatform.values());
		model.addAttribute("action", unit.url() + "/teams/new");
		model.addAttribute("cancel", unit.url() + "/teams");
		return "team/team-form";
	}

	private String editForm(TeamSummary team, TeamForm form, Model model) {
		model.addAttribute("unit", units.get(team.unitId()));
		model.addAttribute("team", team);
		model.addAttribute("form", form);
		model.addAttribute("platforms", ChatPlatform.values());
		model.addAttribute("action", team.url() + "/edit");
		model.addAttribute("cancel", team.url());
		return "team/team-form";
	}

	private UnitSummary requireLevel(Actor actor, long id, UnitLevel level) {
		UnitSummary unit = units.view(actor, id);
		if (unit.level() != level) {
			throw new TeamNotFoundException();
		}
		return unit;
	}

	private UnitSummary manageable(Actor actor, String segment, long id) {
		UnitSummary unit = units.view(actor, id);
		if (!unit.level().segment().equals(segment)) {
			throw new TeamNotFoundException();
		}
		if (!teams.canManage(actor, unit)) {
			throw new AccessDeniedException(actor.username() + " may not add teams to " + id);
		}
		return unit;
	}

	private TeamRoster manageableTeam(Actor actor, long id) {
		TeamRoster roster = teams.roster(actor, id);
		if (!roster.team().active() || !teams.canManage(actor, units.get(roster.team().unitId()))) {
			throw new AccessDeniedException(actor.username() + " may not change team " + id);
		}
		return roster;
	}

}
