package vn.cnscd.portal.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The arithmetic of the calendar: which step is due, quiet hours, how long a failed delivery waits. */
class ReminderPropertiesTests {

	final ReminderProperties defaults = new ReminderProperties(List.of(3, 0), 1, 1, List.of(3, 0), List.of(3, 0),
			LocalTime.of(21, 0), LocalTime.of(7, 0), Duration.ofHours(1));

	@Test
	void theNearestStepNotYetPassedIsDueSoThatAMissedDayIsCaughtUp() {
		assertThat(ReminderProperties.step(List.of(3, 0), 4)).isNull();
		assertThat(ReminderProperties.step(List.of(3, 0), 3)).isEqualTo(3);
		assertThat(ReminderProperties.step(List.of(3, 0), 2)).as("the day after a restart").isEqualTo(3);
		assertThat(ReminderProperties.step(List.of(3, 0), 1)).isEqualTo(3);
		assertThat(ReminderProperties.step(List.of(3, 0), 0)).isZero();
		assertThat(ReminderProperties.step(List.of(3, 0), -1)).as("after the due date: the late notice's business")
			.isNull();
		assertThat(ReminderProperties.step(List.of(0, 7, 3), 5)).isEqualTo(7);
	}

	@Test
	void nobodyIsWrittenToFromNineInTheEveningToSevenInTheMorning() {
		assertThat(defaults.quiet(LocalTime.of(20, 59))).isFalse();
		assertThat(defaults.quiet(LocalTime.of(21, 0))).isTrue();
		assertThat(defaults.quiet(LocalTime.of(0, 0))).isTrue();
		assertThat(defaults.quiet(LocalTime.of(6, 59, 59))).isTrue();
		assertThat(defaults.quiet(LocalTime.of(7, 0))).isFalse();
		ReminderProperties lunch = new ReminderProperties(List.of(0), 1, 1, List.of(0), List.of(0),
				LocalTime.of(11, 30), LocalTime.of(13, 30), Duration.ofHours(1));
		assertThat(lunch.quiet(LocalTime.of(12, 0))).isTrue();
		assertThat(lunch.quiet(LocalTime.of(14, 0))).isFalse();
	}

	@Test
	void eachRetryWaitsFourTimesLongerUpToTheLongestWait() {
		NotificationProperties.Delivery delivery = new NotificationProperties.Delivery(Duration.ofSeconds(20),
				Duration.ofMinutes(1), Duration.ofHours(6), 6);
		assertThat(delivery.retryAfter(1)).isEqualTo(Duration.ofMinutes(1));
		assertThat(delivery.retryAfter(2)).isEqualTo(Duration.ofMinutes(4));
		assertThat(delivery.retryAfter(3)).isEqualTo(Duration.ofMinutes(16));
		assertThat(delivery.retryAfter(5)).isEqualTo(Duration.ofMinutes(256));
		assertThat(delivery.retryAfter(6)).isEqualTo(Duration.ofHours(6));
	}

}
