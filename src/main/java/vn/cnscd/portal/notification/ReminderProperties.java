package vn.cnscd.portal.notification;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When reminders go out. Days before a due date: {@code villageDaysBefore} for the village report (3 days before
 * and on the day), {@code communeDaysBefore} for the commune report, {@code adhocDaysBefore} for an ad hoc
 * request's deadline. {@code villageLateDaysAfter} days after the village due date come the late notices, and
 * from {@code reviewDaysAfter} days after it the chairs' reminder of reports waiting for their review. Nothing
 * is sent from {@code quietFrom} to {@code quietUntil} (Asia/Ho_Chi_Minh); an officer reminds a village again at
 * most once per {@code manualInterval}.
 */
@ConfigurationProperties("portal.reminders")
record ReminderProperties(@DefaultValue({ "3", "0" }) List<Integer> villageDaysBefore,
		@DefaultValue("1") int villageLateDaysAfter, @DefaultValue("1") int reviewDaysAfter,
		@DefaultValue({ "3", "0" }) List<Integer> communeDaysBefore,
		@DefaultValue({ "3", "0" }) List<Integer> adhocDaysBefore, @DefaultValue("21:00") LocalTime quietFrom,
		@DefaultValue("07:00") LocalTime quietUntil, @DefaultValue("1h") Duration manualInterval) {

	/**
	 * The reminder due on a day, as days before the due date: the nearest step not yet passed, so that a day the
	 * portal did not run (a restart) is caught up the next day. None before the first step or after the due date.
	 */
	static Integer step(List<Integer> daysBefore, long daysLeft) {
		return daysLeft < 0 ? null
				: daysBefore.stream().filter(days -> days >= daysLeft).min(Integer::compare).orElse(null);
	}

	/** Whether nobody is written to at this time of day. */
	boolean quiet(LocalTime time) {
		return quietFrom.isAfter(quietUntil) ? !time.isBefore(quietFrom) || time.isBefore(quietUntil)
				: !time.isBefore(quietFrom) && time.isBefore(quietUntil);
	}

}
