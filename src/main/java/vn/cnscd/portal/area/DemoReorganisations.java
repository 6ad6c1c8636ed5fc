package vn.cnscd.portal.area;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.cnscd.portal.area.ReorganisationPlan.NewUnit;
import vn.cnscd.portal.area.ReorganisationPlan.Step;
import vn.cnscd.portal.area.ReorganisationPlan.StepKind;
import vn.cnscd.portal.area.ReorganisationService.Basis;

/**
 * The demo's 2025, recorded as an administrator records it, through the import of the shared file and the
 * reorganisation service (preview, then record): on 01/01/2025 Tứ Kỳ's 23 communes become 20; on 01/07/2025
 * Hải Dương becomes part of Thành phố Hải Phòng, the 20 communes become the city's six and the district
 * closes, and the city's other 108 communes open (without villages or teams: the demo knows nothing of them
 * but their names). Runs after the 2022 tree has its villages, teams, accounts and steering committee, so
 * that they follow the units as a real committee's would, and before the targets and reports, which are made
 * for the tree of their year and month. Loaded once; {@code portal.demo-data.reorganise=false} keeps the
 * 2022 tree (the tests' fixtures are worked out on it).
 */
@Component
@Profile("!prod")
@ConditionalOnBooleanProperty(name = "portal.demo-data", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = "portal.demo-data.reorganise", matchIfMissing = true)
@Order(DemoReorganisations.ORDER)
class DemoReorganisations implements ApplicationRunner {

	static final int ORDER = 35;

	static final LocalDate JANUARY = LocalDate.of(2025, 1, 1);

	static final LocalDate JULY = LocalDate.of(2025, 7, 1);

	/**
	 * The January round's resolution was not checked against its text (data/SOURCES.md): the demo says so
	 * rather than invent a number, and dates it by the day it took effect.
	 */
	static final String UNCHECKED_NUMBER = "Chưa đối chiếu số hiệu";

	private static final Logger log = LoggerFactory.getLogger(DemoReorganisations.class);

	private final UnitService units;

	private final UnitRepository repository;

	private final ReorganisationImport imports;

	private final ReorganisationService reorganisations;

	private final JdbcClient jdbc;

	DemoReorganisations(UnitService units, UnitRepository repository, ReorganisationImport imports,
			ReorganisationService reorganisations, JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.units = units;
		this.repository = repository;
		this.imports = imports;
		this.reorganisations = reorganisations;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		UnitSummary district = units.findOpen(UnitLevel.DISTRICT, DemoVillages.DISTRICT_CODE).orElse(null);
		boolean recorded = jdbc.sql("SELECT EXISTS (SELECT 1 FROM reorganisation)").query(Boolean.class).single();
		if (district == null || recorded || repository.countOpenUnder(district.path(), UnitLevel.VILLAGE) == 0) {
			return;
		}
		UnitSummary root = units.root();
		// recorded in the name of the demo's administrator, whom the audit and the reorganisation name
		Long adminId = jdbc.sql("SELECT id FROM app_user WHERE username = 'admin'").query(Long.class).optional().orElse(null);
		if (adminId == null) {
			return;
		}
		Actor admin = new Actor(adminId, "admin", "Quản trị hệ thống", Role.ADMIN, root.id(), List.of(root.path()));
		ReorganisationFile.Read file = ReorganisationFile.read(bytes("demo/tu-ky-reorganisations.csv"));

		ReorganisationFile.Round january = file.round(JANUARY).orElseThrow();
		record(admin, new Basis(UNCHECKED_NUMBER, JANUARY, january.basis().signer(), JANUARY),
				imports.plan(admin, january, district, true).plan());

		record(admin, new Basis("202/2025/QH15", LocalDate.of(2025, 6, 12), "Quốc hội", JULY), ReorganisationPlan.empty()
			.with(Step.rename(root.id(), UnitKind.THANH_PHO_TW, "31", "Hải Phòng")));

		ReorganisationFile.Round july = file.round(JULY).orElseThrow();
		ReorganisationFile.BasisText basis = july.basis();
		ReorganisationPlan communes = withTheirVillages(imports.plan(admin, july, root, true).plan());
		record(admin, new Basis(basis.number(), basis.date(), basis.signer(), JULY), withTheOtherCommunes(communes, root));
		log.info("Demo data: the 2025 reorganisations recorded; {} communes in {} today",
				repository.countOpenUnder(units.get(root.id()).path(), UnitLevel.COMMUNE),
				units.get(root.id()).name());
	}

	/** A draft as the import page makes it, recorded with the account moves its preview proposes. */
	private void record(Actor admin, Basis basis, ReorganisationPlan plan) {
		long id = reorganisations.start(admin, basis, plan);
		ReorganisationService.Preview preview = reorganisations.preview(admin, id);
		if (!preview.applicable()) {
			throw new IllegalStateException("The demo's reorganisation " + basis.number() + " is refused: "
					+ preview.problems());
		}
		Map<Long, Long> proposed = preview.followers()
			.stream()
			.flatMap(line -> line.choices().stream())
			.collect(Collectors.toMap(PreviewLine.Choice::subject, PreviewLine.Choice::chosen));
		reorganisations.record(admin, id, proposed, reorganisations.get(admin, id).version());
	}

	/**
	 * The villages of Hưng Đạo and of Tiên Động that went with their part transfers: the resolution gives
	 * areas only, so the demo takes each commune's first villages by code, as an officer would tick them.
	 */
	private ReorganisationPlan withTheirVillages(ReorganisationPlan plan) {
		LocalDate eve = JULY.minusDays(1);
		List<Step> steps = new ArrayList<>();
		for (Step step : plan.steps()) {
			if (step.kind() == StepKind.TRANSFER && step.units().isEmpty()) {
				List<UnitSummary> villages = units.villagesOn(List.of(step.from()), eve);
				int going = Math.max(1, villages.size() / 3);
				step = step.over(villages.subList(0, going).stream().map(UnitSummary::id).toList());
			}
			steps.add(step);
		}
		return new ReorganisationPlan(plan.opens(), steps, plan.accounts());
	}

	/** The city's commune-level units that did not come from Tứ Kỳ, opened by the same round. */
	private ReorganisationPlan withTheOtherCommunes(ReorganisationPlan plan, UnitSummary city) {
		Set<String> opened = plan.opens().stream().map(NewUnit::code).collect(Collectors.toSet());
		String text = new String(bytes("demo/hai-phong-communes-2025.csv"), StandardCharsets.UTF_8);
		List<String> lines = text.lines().skip(1).filter(line -> !line.isBlank()).toList();
		for (String line : lines) {
			String[] columns = line.split(",", -1);
			if (columns.length != 3) {
				throw new IllegalStateException("hai-phong-communes-2025.csv: " + line);
			}
			if (!opened.contains(columns[0])) {
				plan = plan.opening(new NewUnit(plan.nextRef(), city.id(), UnitKind.valueOf(columns[1]), columns[0],
						columns[2]));
			}
		}
		return plan;
	}

	private static byte[] bytes(String resource) {
		try (InputStream in = new ClassPathResource(resource).getInputStream()) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
