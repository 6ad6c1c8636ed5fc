package vn.cnscd.portal.notification;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import vn.cnscd.portal.area.Role;

/**
 * What a notification is about, and so its wording ({@code notification.<KIND>} in the message bundles) and who
 * may get it. Every kind but the account's security messages can be turned off by its recipient.
 */
public enum NotificationKind {

	REPORT_SUBMITTED(Role.COMMUNE_CHAIR),
	REPORT_RETURNED(Role.VILLAGE_HEAD),
	REPORT_APPROVED(Role.VILLAGE_HEAD),
	REPORT_UNLOCKED(Role.VILLAGE_HEAD),
	COMMUNE_REPORT_SUBMITTED(Role.OFFICER),
	COMMUNE_REPORT_RETURNED(Role.COMMUNE_CHAIR),
	COMMUNE_REPORT_ACKNOWLEDGED(Role.COMMUNE_CHAIR),
	OBSTACLE_RAISED(Role.COMMUNE_CHAIR, Role.OFFICER),
	OBSTACLE_ANSWERED(Role.VILLAGE_HEAD, Role.COMMUNE_CHAIR),
	OBSTACLE_RESOLVED(Role.VILLAGE_HEAD, Role.COMMUNE_CHAIR),
	ADHOC_OPENED(Role.VILLAGE_HEAD, Role.COMMUNE_CHAIR),
	ADHOC_ANSWERED(Role.OFFICER),
	ROSTER_CHANGED(Role.VILLAGE_HEAD),
	REMINDER_VILLAGE_DUE(Role.VILLAGE_HEAD),
	REMINDER_VILLAGE_LATE(Role.VILLAGE_HEAD),
	REMINDER_MANUAL(Role.VILLAGE_HEAD),
	REMINDER_VILLAGES_LATE(Role.COMMUNE_CHAIR),
	REMINDER_REVIEW(Role.COMMUNE_CHAIR),
	REMINDER_COMMUNE_DUE(Role.COMMUNE_CHAIR),
	REMINDER_ADHOC_DUE(Role.VILLAGE_HEAD, Role.COMMUNE_CHAIR),
	PASSWORD_CHANGED(Role.values()),
	PASSWORD_RESET(Role.values());

	/** The reminders the chase list shows for a village. */
	static final List<NotificationKind> VILLAGE_REMINDERS = List.of(REMINDER_VILLAGE_DUE, REMINDER_VILLAGE_LATE,
			REMINDER_MANUAL);

	private final Set<Role> roles;

	NotificationKind(Role... roles) {
		this.roles = EnumSet.copyOf(Arrays.asList(roles));
	}

	/** An account security message: always sent, whatever the user turned off. */
	public boolean security() {
		return this == PASSWORD_CHANGED || this == PASSWORD_RESET;
	}

	public String messageKey() {
		return "notification." + name();
	}

	/** The kinds a user of the role may get and may turn off, for their settings page. */
	static List<NotificationKind> optional(Role role) {
		return Arrays.stream(values()).filter(kind -> !kind.security() && kind.roles.contains(role)).toList();
	}

}
