package vn.cnscd.portal.notification;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import vn.cnscd.portal.account.AccountDirectory;
import vn.cnscd.portal.account.PasswordChanged;
import vn.cnscd.portal.account.PasswordReset;
import vn.cnscd.portal.account.Recipient;
import vn.cnscd.portal.area.Role;
import vn.cnscd.portal.area.UnitLevel;
import vn.cnscd.portal.area.UnitService;
import vn.cnscd.portal.area.UnitSummary;
import vn.cnscd.portal.reporting.AdhocRequestAnswered;
import vn.cnscd.portal.reporting.AdhocRequestOpened;
import vn.cnscd.portal.reporting.CommuneReportAcknowledged;
import vn.cnscd.portal.reporting.CommuneReportReturned;
import vn.cnscd.portal.reporting.CommuneReportSubmitted;
import vn.cnscd.portal.reporting.ObstacleAnswered;
import vn.cnscd.portal.reporting.ObstacleRaised;
import vn.cnscd.portal.reporting.ObstacleResolved;
import vn.cnscd.portal.reporting.VillageReportApproved;
import vn.cnscd.portal.reporting.VillageReportReturned;
import vn.cnscd.portal.reporting.VillageReportSubmitted;
import vn.cnscd.portal.reporting.VillageReportUnlocked;
import vn.cnscd.portal.team.RosterChanged;

/**
 * Turns the other modules' events into notifications, after their transaction committed and off the request
 * that caused them. Each is told to the users whose business it is, never to the user who caused it. An event
 * handled twice (republished at a restart) tells nobody twice: the event's id names the notifications it made.
 */
@Component
class EventNotifier {

	private final Notifications notifications;

	private final AccountDirectory accounts;

	private final UnitService units;

	EventNotifier(Notifications notifications, AccountDirectory accounts, UnitService units) {
		this.notifications = notifications;
		this.accounts = accounts;
		this.units = units;
	}

	// --- village reports: the chair reviews, the village head hears back

	@ApplicationModuleListener
	void on(VillageReportSubmitted event) {
		UnitSummary village = units.get(event.villageId());
		tell(event.id(), event.submittedBy(), heads(Role.COMMUNE_CHAIR, village.parentId()),
				Draft.of(NotificationKind.REPORT_SUBMITTED, village, event.period(),
						"/villages/" + village.id() + "/reports/" + event.period())
					.variant(event.late() ? "late" : null));
	}

	@ApplicationModuleListener
	void on(VillageReportReturned event) {
		UnitSummary village = units.get(event.villageId());
		tell(event.id(), event.returnedBy(), heads(Role.VILLAGE_HEAD, village.id()),
				Draft.of(NotificationKind.REPORT_RETURNED, village, event.period(),
						"/villages/" + village.id() + "/reports/" + event.period()).detail(event.reason()));
	}

	@ApplicationModuleListener
	void on(VillageReportApproved event) {
		UnitSummary village = units.get(event.villageId());
		tell(event.id(), event.approvedBy(), heads(Role.VILLAGE_HEAD, village.id()),
				Draft.of(NotificationKind.REPORT_APPROVED, village, event.period(),
						"/villages/" + village.id() + "/reports/" + event.period()));
	}

	@ApplicationModuleListener
	void on(VillageReportUnlocked event) {
		UnitSummary village = units.get(event.villageId());
		tell(event.id(), event.unlockedBy(), heads(Role.VILLAGE_HEAD, village.id()),
				Draft.of(NotificationKind.REPORT_UNLOCKED, village, event.period(),
						"/villages/" + village.id() + "/reports/" + event.period()).detail(event.reason()));
	}

	// --- commune reports: the district reviews, the chair hears back

	@ApplicationModuleListener
	void on(CommuneReportSubmitted event) {
		UnitSummary commune = units.get(event.communeId());
		tell(event.id(), event.submittedBy(), heads(Role.OFFICER, commune.parentId()),
				Draft.of(NotificationKind.COMMUNE_REPORT_SUBMITTED, commune, event.period(),
						"/communes/" + commune.id() + "/reports/" + event.period()).variant(event.late() ? "late" : null));
	}

	@ApplicationModuleListener
	void on(CommuneReportReturned event) {
		UnitSummary commune = units.get(event.communeId());
		tell(event.id(), event.returnedBy(), heads(Role.COMMUNE_CHAIR, commune.id()),
				Draft.of(NotificationKind.COMMUNE_REPORT_RETURNED, commune, event.period(),
						"/communes/" + commune.id() + "/reports/" + event.period()).detail(event.reason()));
	}

	@ApplicationModuleListener
	void on(CommuneReportAcknowledged event) {
		UnitSummary commune = units.get(event.communeId());
		tell(event.id(), event.acknowledgedBy(), heads(Role.COMMUNE_CHAIR, commune.id()),
				Draft.of(NotificationKind.COMMUNE_REPORT_ACKNOWLEDGED, commune, event.period(),
						"/communes/" + commune.id() + "/reports/" + event.period()));
	}

	// --- obstacles: those above the unit answer, the one who raised it reads the answer

	@ApplicationModuleListener
	void on(ObstacleRaised event) {
		UnitSummary unit = units.get(event.unitId());
		Role answering = unit.level() == UnitLevel.VILLAGE ? Role.COMMUNE_CHAIR : Role.OFFICER;
		tell(event.id(), event.raisedBy(), heads(answering, unit.parentId()),
				Draft.of(NotificationKind.OBSTACLE_RAISED, unit, event.period(), "/obstacles/" + event.obstacleId())
					.detail(event.text()));
	}

	@ApplicationModuleListener
	void on(ObstacleAnswered event) {
		UnitSummary unit = units.get(event.unitId());
		tell(event.id(), event.answeredBy(), reporters(event.raisedBy(), unit),
				Draft.of(NotificationKind.OBSTACLE_ANSWERED, unit, event.period(), "/obstacles/" + event.obstacleId())
					.detail(event.answer()));
	}

	@ApplicationModuleListener
	void on(ObstacleResolved event) {
		UnitSummary unit = units.get(event.unitId());
		tell(event.id(), event.resolvedBy(), reporters(event.raisedBy(), unit),
				Draft.of(NotificationKind.OBSTACLE_RESOLVED, unit, event.period(), "/obstacles/" + event.obstacleId()));
	}

	// --- ad hoc requests

	@ApplicationModuleListener
	void on(AdhocRequestOpened event) {
		Map<Long, UnitSummary> addressees = units.getAll(event.addressees());
		for (UnitSummary unit : addressees.values()) {
			Role head = unit.level() == UnitLevel.COMMUNE ? Role.COMMUNE_CHAIR : Role.VILLAGE_HEAD;
			tell(event.id(), event.openedBy(), heads(head, unit.id()),
					Draft.of(NotificationKind.ADHOC_OPENED, unit, null, "/requests/" + event.requestId())
						.detail(event.title())
						.due(event.deadline()));
		}
	}

	@ApplicationModuleListener
	void on(AdhocRequestAnswered event) {
		UnitSummary unit = units.get(event.unitId());
		tell(event.id(), event.answeredBy(), accounts.recipient(event.openedBy()).stream().toList(),
				Draft.of(NotificationKind.ADHOC_ANSWERED, unit, null,
						"/requests/" + event.requestId() + "/answers/" + unit.id())
					.detail(event.title())
					.variant(event.late() ? "late" : null));
	}

	// --- rosters: the village head hears of changes to the village's team made by the chair

	@ApplicationModuleListener
	void on(RosterChanged event) {
		UnitSummary unit = units.get(event.unitId());
		if (unit.level() != UnitLevel.VILLAGE) {
			return;
		}
		tell(event.id(), event.changedBy(), heads(Role.VILLAGE_HEAD, unit.id()),
				Draft.of(NotificationKind.ROSTER_CHANGED, unit, null, "/teams/" + event.teamId())
					.variant(event.change().name())
					.detail(event.memberName()));
	}

	// --- account security: always told, even to the user who did it (it may not have been them)

	@ApplicationModuleListener
	void on(PasswordChanged event) {
		accounts.recipient(event.accountId())
			.ifPresent(account -> notifications.send(account, "event:" + event.id(),
					Draft.of(NotificationKind.PASSWORD_CHANGED, null, null, "/account/password")));
	}

	@ApplicationModuleListener
	void on(PasswordReset event) {
		accounts.recipient(event.accountId())
			.ifPresent(account -> notifications.send(account, "event:" + event.id(),
					Draft.of(NotificationKind.PASSWORD_RESET, null, null, "/account/password")));
	}

	private List<Recipient> heads(Role role, Long unitId) {
		return unitId == null ? List.of() : accounts.withRole(role, List.of(unitId));
	}

	/** Who raised an obstacle; for one of old data, whoever heads its unit now. */
	private List<Recipient> reporters(Long raisedBy, UnitSummary unit) {
		if (raisedBy != null) {
			return accounts.recipient(raisedBy).stream().toList();
		}
		return heads(unit.level() == UnitLevel.VILLAGE ? Role.VILLAGE_HEAD : Role.COMMUNE_CHAIR, unit.id());
	}

	private void tell(UUID event, long causedBy, Collection<Recipient> recipients, Draft draft) {
		for (Recipient recipient : recipients) {
			if (recipient.id() != causedBy) {
				notifications.send(recipient, "event:" + event, draft);
			}
		}
	}

}
