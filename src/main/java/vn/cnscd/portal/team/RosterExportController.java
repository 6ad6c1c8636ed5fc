package vn.cnscd.portal.team;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

import vn.cnscd.portal.area.Actor;
import vn.cnscd.portal.area.UnitLevel;
import vn.cnscd.portal.area.UnitService;
import vn.cnscd.portal.area.UnitSummary;

/** The rosters of a commune or a committee's province or district as XLSX, for anyone who may see that unit. */
@Controller
class RosterExportController {

	private final RosterOverview overview;

	private final UnitService units;

	private final RosterExport export;

	RosterExportController(RosterOverview overview, UnitService units, RosterExport export) {
		this.overview = overview;
		this.units = units;
		this.export = export;
	}

	@GetMapping("/communes/{id}/roster.xlsx")
	void commune(Actor actor, @PathVariable long id, HttpServletResponse response) throws IOException {
		UnitSummary commune = unitAt(actor, id, UnitLevel.COMMUNE);
		send(commune, RosterExport.Section.of(overview.commune(actor, id)), response);
	}

	@GetMapping("/{levels:provinces|districts}/{id}/roster.xlsx")
	void district(Actor actor, @PathVariable String levels, @PathVariable long id, HttpServletResponse response)
			throws IOException {
		UnitSummary district = units.committee(actor, levels, id);
		send(district, RosterExport.Section.of(overview.district(actor, id)), response);
	}

	private UnitSummary unitAt(Actor actor, long id, UnitLevel level) {
		UnitSummary unit = units.view(actor, id);
		if (unit.level() != level) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return unit;
	}

	private void send(UnitSummary unit, List<RosterExport.Section> sections, HttpServletResponse response)
			throws IOException {
		response.setContentType(Downloads.XLSX.toString());
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, Downloads.attachment(export.fileName(unit)));
		export.write(sections, response.getOutputStream());
	}

}
