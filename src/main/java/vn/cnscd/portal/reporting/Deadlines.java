package vn.cnscd.portal.reporting;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/** Due dates and lateness, by the calendar of Asia/Ho_Chi_Minh whatever the server's zone. */
@Component
@EnableConfigurationProperties(ReportingProperties.class)
public class Deadlines {

	private final ReportingProperties properties;

	private final Clock clock;

	Deadlines(ReportingProperties properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
	}

	public LocalDate villageDue(YearMonth period) {
		return period.plusMonths(1).atDay(properties.villageDueDay());
	}

	public LocalDate communeDue(YearMonth period) {
		return period.plusMonths(1).atDay(properties.communeDueDay());
	}

	/** Late when sent after the end of the due day where the district is. */
	public boolean isLate(Instant sentAt, LocalDate due) {
		return sentAt.atZone(clock.getZone()).toLocalDate().isAfter(due);
	}

	public YearMonth currentMonth() {
		return YearMonth.now(clock);
	}

	/** The month whose village reports are being collected now: last month until its due date has passed. */
	public YearMonth reportingMonth() {
		return currentMonth().minusMonths(1);
	}

	/** A reporting month as written in addresses, 2026-10; none for a month not yet begun. */
	public Optional<YearMonth> month(String text) {
		try {
			YearMonth month = YearMonth.parse(text);
			return month.isAfter(currentMonth()) || month.getYear() < 2000 ? Optional.empty() : Optional.of(month);
		}
		catch (DateTimeParseException notAMonth) {
			return Optional.empty();
		}
	}

	public Instant now() {
		return clock.instant();
	}

	public LocalDate today() {
		return LocalDate.now(clock);
	}

}
