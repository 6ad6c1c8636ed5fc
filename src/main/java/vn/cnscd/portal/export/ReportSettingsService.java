package vn.cnscd.portal.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

import vn.cnscd.portal.area.Actor;
import vn.cnscd.portal.area.StaleEditException;
import vn.cnscd.portal.area.UnitLevel;
import vn.cnscd.portal.area.UnitService;
import vn.cnscd.portal.area.UnitSummary;
import vn.cnscd.portal.audit.AuditLog;
import vn.cnscd.portal.audit.AuditLog.FieldChange;

/**
 * The report settings of a committee's unit (a district or a province) or of a commune, stored once changed
 * and otherwise derived from the unit's name: a committee's reports are issued by its steering committee
 * under the unit's people's committee, a commune's by the commune's people's committee itself. The officer
 * whose home unit it is changes them: an officer their committee's, a commune chair their commune's.
 */
@Service
@Transactional(readOnly = true)
class ReportSettingsService {

	static final String ENTITY = "REPORT_SETTINGS";

	private final JdbcClient jdbc;

	private final UnitService units;

	private final SummaryLabels labels;

	private final AuditLog audit;

	ReportSettingsService(JdbcClient jdbc, UnitService units, SummaryLabels labels, AuditLog audit) {
		this.jdbc = jdbc;
		this.units = units;
		this.labels = labels;
		this.audit = audit;
	}

	ReportSettings of(UnitSummary unit) {
		return stored(unit.id()).orElseGet(() -> defaults(unit));
	}

	private Optional<ReportSettings> stored(long unitId) {
		return jdbc.sql("""
				SELECT superior, issuer, symbol, place, authority, signer_title, signer_name, recipients, version
				FROM report_settings WHERE unit_id = :unit""")
			.param("unit", unitId)
			.query(ReportSettings.class)
			.optional();
	}

	/** What a unit's documents say until its officer changes it. */
	ReportSettings defaults(UnitSummary unit) {
		String name = labels.unitName(unit);
		UnitSummary parent = unit.parentId() == null ? null : units.get(unit.parentId());
		List<String> recipients = new ArrayList<>();
		if (unit.level() == UnitLevel.COMMUNE) {
			if (parent != null) {
				recipients.add(labels.text("document.default.recipients.committee", labels.lowerUnitName(parent)));
			}
			recipients.add(labels.text("document.default.recipients.archive"));
			return new ReportSettings(null, labels.text("document.default.commune.issuer", upper(name)),
					labels.text("document.default.commune.symbol"), unit.name(),
					labels.text("document.default.commune.authority"), labels.text("document.default.commune.title"), null,
					String.join("\n", recipients), 0);
		}
		if (parent != null) {
			recipients.add(labels.text("document.default.recipients.superior", labels.lowerUnitName(parent)));
		}
		recipients.add(labels.text("document.default.recipients.members"));
		recipients.add(labels.text("document.default.recipients.communes"));
		recipients.add(labels.text("document.default.recipients.archive"));
		return new ReportSettings(labels.text("document.default.committee.superior", upper(name)),
				labels.text("document.default.committee.issuer"), labels.text("document.default.committee.symbol"),
				unit.name(), labels.text("document.default.committee.authority"),
				labels.text("document.default.committee.title"), null, String.join("\n", recipients), 0);
	}

	boolean canEdit(Actor actor, UnitSummary unit) {
		return actor.isOfficerOf(unit);
	}

	/** The unit of that level whose settings the actor may change; 404 for another level, 403 otherwise. */
	UnitSummary editable(Actor actor, long unitId, UnitLevel level) {
		UnitSummary unit = units.get(unitId);
		if (unit.level() != level) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		if (!canEdit(actor, unit)) {
			throw new AccessDeniedException(actor.username() + " may not change the report settings of unit " + unitId);
		}
		return unit;
	}

	/**
	 * Stores the settings as entered, if nobody saved others since the form was opened at {@code expectedVersion}
	 * (0: the defaults, nothing stored yet).
	 */
	@Transactional
	void save(Actor actor, UnitSummary unit, ReportSettings entered, long expectedVersion) {
		if (!canEdit(actor, unit)) {
			throw new AccessDeniedException(actor.username() + " may not change the report settings of unit " + unit.id());
		}
		ReportSettings before = of(unit);
		ReportSettings after = clean(entered);
		String sql = expectedVersion == 0 ? """
				INSERT INTO report_settings (unit_id, superior, issuer, symbol, place, authority, signer_title, signer_name,
				                             recipients, version)
				VALUES (:unit, :superior, :issuer, :symbol, :place, :authority, :signerTitle, :signerName, :recipients, 1)
				ON CONFLICT (unit_id) DO NOTHING""" : """
				UPDATE report_settings SET superior = :superior, issuer = :issuer, symbol = :symbol, place = :place,
				       authority = :authority, signer_title = :signerTitle, signer_name = :signerName,
				       recipients = :recipients, version = version + 1
				WHERE unit_id = :unit AND version = :expected""";
		int saved = jdbc.sql(sql)
			.param("unit", unit.id())
			.param("superior", after.superior())
			.param("issuer", after.issuer())
			.param("symbol", after.symbol())
			.param("place", after.place())
			.param("authority", after.authority())
			.param("signerTitle", after.signerTitle())
			.param("signerName", after.signerName())
			.param("recipients", after.recipients())
			.param("expected", expectedVersion)
			.update();
		if (saved == 0) {
			throw new StaleEditException();
		}
		audit.recordChanges(actor.audit("REPORT_SETTINGS_SAVED", ENTITY, unit.id(), unit.id()), List.of(
				FieldChange.of("superior", before.superior(), after.superior()),
				FieldChange.of("issuer", before.issuer(), after.issuer()),
				FieldChange.of("symbol", before.symbol(), after.symbol()),
				FieldChange.of("place", before.place(), after.place()),
				FieldChange.of("authority", before.authority(), after.authority()),
				FieldChange.of("signerTitle", before.signerTitle(), after.signerTitle()),
				FieldChange.of("signerName", before.signerName(), after.signerName()),
				FieldChange.of("recipients", before.recipients(), after.recipients())));
	}

	/** Blank optional lines stored as none, the rest without surrounding spaces, recipients one a line. */
	private static ReportSettings clean(ReportSettings entered) {
		return new ReportSettings(blankToNull(entered.superior()), entered.issuer().strip(), entered.symbol().strip(),
				entered.place().strip(), blankToNull(entered.authority()), entered.signerTitle().strip(),
				blankToNull(entered.signerName()), String.join("\n", entered.recipientLines()), entered.version());
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	private static String upper(String text) {
		return text.toUpperCase(SummaryLabels.VIETNAMESE);
	}

}
