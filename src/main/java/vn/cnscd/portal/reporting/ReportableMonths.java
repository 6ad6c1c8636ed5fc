package vn.cnscd.portal.reporting;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.cnscd.portal.audit.AuditEntry;
import vn.cnscd.portal.audit.AuditLog;
import vn.cnscd.portal.team.TeamService;
import vn.cnscd.portal.team.TeamSummary;

/**
 * Which months a village's report can be written for. Submitted only once the month has ended (a draft of the
 * month under way is fine); never for a month before the village's first team was established (by its decision's
 * date; a village that never had a team has no report to make); and not for a month older than the last
 * {@code portal.reporting.window-months} (12), unless an officer unlocked that report, which stays open to
 * its village head until it is approved again.
 */
@Component
class ReportableMonths {

	private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MM/yyyy");

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private final Deadlines deadlines;

	private final TeamService teams;

	private final AuditLog audit;

	private final ReportingProperties properties;

	ReportableMonths(Deadlines deadlines, TeamService teams, AuditLog audit, ReportingProperties properties) {
		this.deadlines = deadlines;
		this.teams = teams;
		this.audit = audit;
		this.properties = properties;
	}

	/** Why the report cannot be saved ({@code submit}: sent) for the month, or empty when it can. */
	Optional<Refusal> refusal(long villageId, YearMonth month, boolean submit, VillageReport existing) {
		YearMonth current = deadlines.currentMonth();
		if (submit && !month.isBefore(current)) {
			return Optional.of(new Refusal("report.month.notEnded", month.format(MONTH),
					current.plusMonths(1).atDay(1).format(DAY)));
		}
		Optional<TeamSummary> first = teams.firstTeam(villageId);
		if (first.isEmpty()) {
			return Optional.of(new Refusal("report.month.noTeam"));
		}
		LocalDate established = first.get().decisionDate();
		if (established != null && month.isBefore(YearMonth.from(established))) {
			return Optional.of(new Refusal("report.month.beforeTeam", established.format(DAY)));
		}
		YearMonth oldest = current.minusMonths(properties.windowMonths());
		if (month.isBefore(oldest) && !(existing != null && unlocked(existing))) {
			return Optional.of(new Refusal("report.month.tooOld", properties.windowMonths(), oldest.format(MONTH)));
		}
		return Optional.empty();
	}

	/** Whether an officer unlocked the report since it was last approved. */
	private boolean unlocked(VillageReport report) {
		List<AuditEntry> history = audit.history(VillageReportService.ENTITY, report.getId());
		for (int i = history.size() - 1; i >= 0; i--) {
			switch (history.get(i).action()) {
				case "REPORT_UNLOCKED" -> {
					return true;
				}
				case "REPORT_APPROVED" -> {
					return false;
				}
				default -> {
				}
			}
		}
		return false;
	}

	/** A refusal's message key and its arguments. */
	record Refusal(String key, Object... args) {
	}

}
