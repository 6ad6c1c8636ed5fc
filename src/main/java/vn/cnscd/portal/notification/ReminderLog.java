package vn.cnscd.portal.notification;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.cnscd.portal.account.AccountDirectory;
import vn.cnscd.portal.account.Recipient;
import vn.cnscd.portal.area.Actor;
import vn.cnscd.portal.area.Role;
import vn.cnscd.portal.area.UnitLevel;
import vn.cnscd.portal.area.UnitService;
import vn.cnscd.portal.area.UnitSummary;
import vn.cnscd.portal.reporting.Deadlines;
import vn.cnscd.portal.reporting.Outstanding;

/**
 * The reminders of the chase list: who was reminded of a village's report when and through which channel, and
 * reminding again now ("Nhắc lại ngay"), a village at most once per {@link ReminderProperties#manualInterval()}.
 */
@Service
@Transactional(readOnly = true)
public class ReminderLog {

	/** The advisory lock namespace of a village being reminded by hand, so two officers' clicks count once. */
	private static final int MANUAL_LOCK = 0x4e4f54;

	private final JdbcClient jdbc;

	private final AccountDirectory accounts;

	private final UnitService units;

	private final Outstanding outstanding;

	private final Deadlines deadlines;

	private final Notifications notifications;

	private final ReminderProperties properties;

	private final Clock clock;

	ReminderLog(JdbcClient jdbc, AccountDirectory accounts, UnitService units, Outstanding outstanding,
			Deadlines deadlines, Notifications notifications, ReminderProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.units = units;
		this.outstanding = outstanding;
		this.deadlines = deadlines;
		this.notifications = notifications;
		this.properties = properties;
		this.clock = clock;
	}

	/** A reminder sent: when, to whom, of what, and how each channel fared ({@code PORTAL} is always there). */
	public record SentReminder(Instant at, String recipientName, String kindKey, List<ChannelState> channels) {
	}

	/** A channel and its outcome, each with the message key of its name: {@code reminder.channel.EMAIL}, … */
	public record ChannelState(String channel, String status) {

		public String channelKey() {
			return "reminder.channel." + channel;
		}

		public String statusKey() {
			return "reminder.status." + status;
		}

	}

	/** The reminders of a village's report, newest first, and when it may be reminded by hand again. */
	public record VillageReminders(List<SentReminder> sent, Instant nextManualAt) {

		public boolean remindableNow(Instant now) {
			return nextManualAt == null || !nextManualAt.isAfter(now);
		}

	}

	/** Whether the actor may remind the villages of the unit by hand: its officers and its commune's chair. */
	public boolean canRemind(Actor actor, UnitSummary unit) {
		return actor.isAny(Role.OFFICER, Role.COMMUNE_CHAIR) && actor.covers(unit) && !unit.closed();
	}

	public Instant now() {
		return clock.instant();
	}

	/** The reminders of each village's report of the month (every village given has an entry). */
	public Map<Long, VillageReminders> forVillages(Collection<Long> villageIds, YearMonth period) {
		Long[] ids = villageIds.toArray(Long[]::new);
		record Row(long notification, long village, long recipient, Instant at, String kind) {
		}
		List<Row> rows = jdbc.sql("""
				SELECT id, unit_id, recipient_id, created_at, kind FROM notification
				WHERE unit_id = ANY (:villages) AND period = :period AND kind IN (:kinds)
				ORDER BY created_at DESC, id DESC""")
			.param("villages", ids)
			.param("period", period.atDay(1))
			.param("kinds", NotificationKind.VILLAGE_REMINDERS.stream().map(Enum::name).toList())
			.query((rs, n) -> new Row(rs.getLong("id"), rs.getLong("unit_id"), rs.getLong("recipient_id"),
					rs.getTimestamp("created_at").toInstant(), rs.getString("kind")))
			.list();
		Map<Long, List<Notifications.DeliveryState>> deliveries = notifications
			.deliveries(rows.stream().map(Row::notification).toList());
		Map<Long, Recipient> recipients = accounts.recipients(rows.stream().map(Row::recipient).distinct().toList());
		Map<Long, List<SentReminder>> sent = new HashMap<>();
		for (Row row : rows) {
			List<ChannelState> channels = new ArrayList<>();
			channels.add(new ChannelState("PORTAL", "SENT"));
			deliveries.getOrDefault(row.notification(), List.of())
				.forEach(delivery -> channels.add(new ChannelState(delivery.channel().name(), delivery.status())));
			Recipient recipient = recipients.get(row.recipient());
			sent.computeIfAbsent(row.village(), v -> new ArrayList<>())
				.add(new SentReminder(row.at(), recipient == null ? null : recipient.fullName(),
						NotificationKind.valueOf(row.kind()).messageKey() + ".short", channels));
		}
		Map<Long, Instant> lastManual = lastManual(ids);
		Map<Long, VillageReminders> reminders = new HashMap<>();
		for (Long village : villageIds) {
			Instant last = lastManual.get(village);
			reminders.put(village, new VillageReminders(sent.getOrDefault(village, List.of()),
					last == null ? null : last.plus(properties.manualInterval())));
		}
		return reminders;
	}

	private Map<Long, Instant> lastManual(Long[] villages) {
		Map<Long, Instant> last = new HashMap<>();
		jdbc.sql("""
				SELECT unit_id, max(created_at) AS at FROM notification
				WHERE unit_id = ANY (:villages) AND kind = :kind AND created_at > :since GROUP BY unit_id""")
			.param("villages", villages)
			.param("kind", NotificationKind.REMINDER_MANUAL.name())
			.param("since", Timestamp.from(clock.instant().minus(properties.manualInterval())))
			.query((ResultSet rs) -> {
				last.put(rs.getLong("unit_id"), rs.getTimestamp("at").toInstant());
			});
		return last;
	}

	/**
	 * How reminding by hand went: villages reminded, villages reminded within the hour (left alone), villages
	 * whose report was sent meanwhile or that have no village head's account; {@code quiet} when it was not the
	 * hour to write to anyone.
	 */
	public record Outcome(int reminded, int recent, int nobody, boolean quiet) {
	}

	/**
	 * Reminds the heads of the villages under the unit (a district, a commune or one village) whose report of the
	 * month is not sent, now; a village reminded by hand within the interval is left alone.
	 */
	@Transactional
	public Outcome remind(Actor actor, UnitSummary unit, YearMonth period) {
		if (!canRemind(actor, unit)) {
			throw new AccessDeniedException(
					actor.username() + " may not remind the villages of " + unit.id());
		}
		Instant now = clock.instant();
		if (properties.quiet(now.atZone(clock.getZone()).toLocalTime())) {
			return new Outcome(0, 0, 0, true);
		}
		List<UnitSummary> villages = unit.level() == UnitLevel.VILLAGE ? List.of(unit)
				: units.openUnits(actor, UnitLevel.VILLAGE).stream().filter(v -> v.isUnder(unit.path())).toList();
		Set<Long> sent = outstanding.villagesWithReportSent(period);
		List<UnitSummary> missing = villages.stream().filter(v -> !sent.contains(v.id())).toList();
		Map<Long, List<Recipient>> heads = new HashMap<>();
		accounts.withRole(Role.VILLAGE_HEAD, missing.stream().map(UnitSummary::id).toList())
			.forEach(head -> heads.computeIfAbsent(head.homeUnitId(), v -> new ArrayList<>()).add(head));
		LocalDate due = deadlines.villageDue(period);
		int reminded = 0;
		int recent = 0;
		int nobody = villages.size() - missing.size();
		for (UnitSummary village : missing) {
			List<Recipient> toRemind = heads.getOrDefault(village.id(), List.of());
			if (toRemind.isEmpty()) {
				nobody++;
				continue;
			}
			jdbc.sql("SELECT pg_advisory_xact_lock(:namespace, :village)")
				.param("namespace", MANUAL_LOCK)
				.param("village", (int) village.id())
				.query()
				.listOfRows();
			if (!lastManual(new Long[] { village.id() }).isEmpty()) {
				recent++;
				continue;
			}
			for (Recipient head : toRemind) {
				notifications.send(head, "manual:" + UUID.randomUUID(),
						Draft.of(NotificationKind.REMINDER_MANUAL, village, period,
								"/villages/" + village.id() + "/reports/" + period)
							.due(due)
							.detail(actor.fullName()));
			}
			reminded++;
		}
		return new Outcome(reminded, recent, nobody, false);
	}

}
