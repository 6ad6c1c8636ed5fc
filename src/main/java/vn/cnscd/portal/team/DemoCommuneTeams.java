package vn.cnscd.portal.team;

import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.cnscd.portal.area.UnitLevel;
import vn.cnscd.portal.area.UnitService;
import vn.cnscd.portal.area.UnitSummary;

/**
 * The demo's communes of 01/07/2025 set up their own teams, as the reorganisation asks of them (their
 * predecessors' commune teams ended that day): each by its chair's decision in August 2025, xã Tứ Kỳ's led by
 * the demo chair. Runs after the demo's reorganisations; the city's other communes, which the demo knows only
 * by name, have none, so the city's coverage shows 6 of 114.
 */
@Component
@Profile("!prod")
@ConditionalOnBooleanProperty(name = "portal.demo-data", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = "portal.demo-data.reorganise", matchIfMissing = true)
@Order(36)
class DemoCommuneTeams implements ApplicationRunner {

	static final LocalDate JULY = LocalDate.of(2025, 7, 1);

	private static final Logger log = LoggerFactory.getLogger(DemoCommuneTeams.class);

	private final UnitService units;

	private final TeamRepository teams;

	private final DemoTeams demoTeams;

	DemoCommuneTeams(UnitService units, TeamRepository teams, DemoTeams demoTeams) {
		this.units = units;
		this.teams = teams;
		this.demoTeams = demoTeams;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		UnitSummary city = units.root();
		if (units.findOpen(UnitLevel.DISTRICT, "298").isPresent() || city.level() != UnitLevel.PROVINCE) {
			return;
		}
		int made = 0;
		int members = 0;
		for (UnitSummary commune : units.communesOn(city, JULY)) {
			boolean opened = JULY.equals(commune.validFrom());
			if (!opened || units.openChildren(commune.id()).isEmpty()
					|| teams.existsByUnitIdAndStatus(commune.id(), TeamStatus.ACTIVE)) {
				continue;
			}
			boolean demoCommune = "11074".equals(commune.code());
			members += demoTeams.newCommuneTeam(commune, LocalDate.of(2025, 8, 4), demoCommune ? "Phạm Văn Đức" : null,
					demoCommune ? "0912345603" : null);
			made++;
		}
		log.info("Demo data: {} commune teams of 2025 with {} members", made, members);
	}

}
