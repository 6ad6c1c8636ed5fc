package vn.cnscd.portal.indicator;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.cnscd.portal.area.Actor;
import vn.cnscd.portal.area.Role;
import vn.cnscd.portal.area.StaleEditException;
import vn.cnscd.portal.audit.AuditLog;
import vn.cnscd.portal.audit.AuditLog.FieldChange;

/**
 * The indicator catalogue. Everyone signed in reads it; officers (and administrators) add, change,
 * deactivate and reactivate indicators. Indicators are never deleted, so their targets and values keep
 * their meaning.
 */
@Service
@Transactional(readOnly = true)
public class IndicatorService {

	static final String INDICATOR = "INDICATOR";

	/** By pillar, then by the catalogue's order. */
	static final Comparator<IndicatorSummary> ORDER = Comparator.comparing(IndicatorSummary::pillar)
		.thenComparingInt(IndicatorSummary::sortOrder)
		.thenComparing(IndicatorSummary::code);

	private static final String COLUMNS = """
			id, code, name_vi, name_en, unit_vi, unit_en, pillar, kind, denominator, village_reported, active,
			sort_order, version""";

	private final IndicatorRepository indicators;

	private final TargetRepository targets;

	private final JdbcClient jdbc;

	private final AuditLog audit;

	IndicatorService(IndicatorRepository indicators, TargetRepository targets, JdbcClient jdbc, AuditLog audit) {
		this.indicators = indicators;
		this.targets = targets;
		this.jdbc = jdbc;
		this.audit = audit;
	}

	// --- reading -------------------------------------------------------------------------------------------

	/** What a village head reports every month: the active indicators villages count, by pillar and order. */
	public List<IndicatorSummary> villageReportIndicators() {
		return all().stream().filter(i -> i.active() && i.villageReported()).toList();
	}

	/** The active indicators, by pillar and order. */
	public List<IndicatorSummary> active() {
		return all().stream().filter(IndicatorSummary::active).toList();
	}

	/** Every indicator, deactivated ones included, by pillar and order. */
	public List<IndicatorSummary> all() {
		return jdbc.sql("SELECT " + COLUMNS + " FROM indicator")
			.query(IndicatorService::summary)
			.list()
			.stream()
			.sorted(ORDER)
			.toList();
	}

	public IndicatorSummary get(long id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM indicator WHERE id = :id")
			.param("id", id)
			.query(IndicatorService::summary)
			.optional()
			.orElseThrow(() -> new IndicatorNotFoundException(id));
	}

	/** The list page: every indicator with the source's wording in the reader's language, where kept. */
	List<IndicatorEntry> entries(Locale locale) {
		boolean vietnamese = IndicatorSummary.vietnamese(locale);
		return jdbc.sql("SELECT " + COLUMNS + """
				, description_vi, description_en FROM indicator""")
			.query((rs, row) -> new IndicatorEntry(summary(rs, row),
					rs.getString(vietnamese ? "description_vi" : "description_en")))
			.list()
			.stream()
			.sorted(Comparator.comparing(IndicatorEntry::indicator, ORDER))
			.toList();
	}

	record IndicatorEntry(IndicatorSummary indicator, String description) {
	}

	IndicatorDetails details(long id) {
		return load(id).details();
	}

	boolean hasTargets(long id) {
		return targets.existsByIndicatorId(id);
	}

	/** The sort order a new indicator starts with: after every other. */
	int nextSortOrder() {
		return indicators.maxSortOrder() + 10;
	}

	// --- changing ------------------------------------------------------------------------------------------

	/** Officers keep the catalogue; administrators may stand in for them. */
	public boolean canManage(Actor actor) {
		return actor.isAny(Role.OFFICER, Role.ADMIN);
	}

	@Transactional
	IndicatorSummary create(Actor actor, IndicatorDetails details) {
		requireManage(actor);
		Indicator indicator = new Indicator(details);
		if (indicators.existsByCode(indicator.details().code())) {
			throw new IndicatorCodeTakenException(indicator.details().code());
		}
		indicators.saveAndFlush(indicator);
		audit.recordChanges(actor.audit("INDICATOR_CREATED", INDICATOR, indicator.getId(), null),
				changes(null, indicator.details()));
		return get(indicator.getId());
	}

	@Transactional
	IndicatorSummary update(Actor actor, long id, IndicatorDetails details, long expectedVersion) {
		requireManage(actor);
		Indicator indicator = load(id);
		if (indicator.getVersion() != expectedVersion) {
			throw new StaleEditException();
		}
		IndicatorDetails before = indicator.details();
		boolean kindChanged = before.kind() != details.kind();
		if ((kindChanged || before.denominator() != details.denominator()) && hasTargets(id)) {
			throw new IndicatorInUseException(kindChanged);
		}
		indicator.describe(details);
		if (indicators.existsByCodeAndIdNot(indicator.details().code(), id)) {
			throw new IndicatorCodeTakenException(indicator.details().code());
		}
		indicators.saveAndFlush(indicator);
		audit.recordChanges(actor.audit("INDICATOR_UPDATED", INDICATOR, id, null), changes(before, indicator.details()));
		return get(id);
	}

	/** Takes the indicator out of reports and target grids; its targets and values are kept. */
	@Transactional
	void deactivate(Actor actor, long id) {
		setActive(actor, id, false, "INDICATOR_DEACTIVATED");
	}

	@Transactional
	void activate(Actor actor, long id) {
		setActive(actor, id, true, "INDICATOR_ACTIVATED");
	}

	private void setActive(Actor actor, long id, boolean active, String action) {
		requireManage(actor);
		Indicator indicator = load(id);
		if (indicator.isActive() == active) {
			return;
		}
		if (active) {
			indicator.activate();
		}
		else {
			indicator.deactivate();
		}
		indicators.saveAndFlush(indicator);
		audit.record(actor.audit(action, INDICATOR, id, null)
			.withChange("active", String.valueOf(!active), String.valueOf(active)));
	}

	private void requireManage(Actor actor) {
		if (!canManage(actor)) {
			throw new AccessDeniedException(actor.username() + " may not change indicators");
		}
	}

	private Indicator load(long id) {
		return indicators.findById(id).orElseThrow(() -> new IndicatorNotFoundException(id));
	}

	private static List<FieldChange> changes(IndicatorDetails before, IndicatorDetails after) {
		IndicatorDetails old = Objects.requireNonNullElse(before,
				new IndicatorDetails(null, null, null, null, null, null, null, null, null, null, false, null, 0));
		return List.of(FieldChange.of("code", old.code(), after.code()),
				FieldChange.of("nameVi", old.nameVi(), after.nameVi()),
				FieldChange.of("nameEn", old.nameEn(), after.nameEn()),
				FieldChange.of("descriptionVi", old.descriptionVi(), after.descriptionVi()),
				FieldChange.of("descriptionEn", old.descriptionEn(), after.descriptionEn()),
				FieldChange.of("unitVi", old.unitVi(), after.unitVi()),
				FieldChange.of("unitEn", old.unitEn(), after.unitEn()),
				FieldChange.of("pillar", old.pillar(), after.pillar()), FieldChange.of("kind", old.kind(), after.kind()),
				FieldChange.of("denominator", old.denominator(), after.denominator()),
				FieldChange.of("villageReported", before == null ? null : old.villageReported(), after.villageReported()),
				FieldChange.of("source", old.source(), after.source()),
				FieldChange.of("sortOrder", before == null ? null : old.sortOrder(), after.sortOrder()));
	}

	private static IndicatorSummary summary(ResultSet rs, int row) throws SQLException {
		String denominator = rs.getString("denominator");
		return new IndicatorSummary(rs.getLong("id"), rs.getString("code"), rs.getString("name_vi"),
				rs.getString("name_en"), rs.getString("unit_vi"), rs.getString("unit_en"),
				Pillar.valueOf(rs.getString("pillar")), IndicatorKind.valueOf(rs.getString("kind")),
				denominator == null ? null : Denominator.valueOf(denominator), rs.getBoolean("village_reported"),
				rs.getBoolean("active"), rs.getInt("sort_order"), rs.getLong("version"));
	}

}
