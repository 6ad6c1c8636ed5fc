package vn.cnscd.portal.notification;

import static java.time.temporal.ChronoUnit.DAYS;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.cnscd.portal.account.AccountDirectory;
import vn.cnscd.portal.account.Recipient;
import vn.cnscd.portal.area.Role;
import vn.cnscd.portal.area.UnitLevel;
import vn.cnscd.portal.area.UnitService;
import vn.cnscd.portal.area.UnitSummary;
import vn.cnscd.portal.reporting.Deadlines;
import vn.cnscd.portal.reporting.Outstanding;

/**
 * The reminders of the reporting calendar ({@link ReminderProperties}), to those who have not done what is due:
 * village heads before the village due date and, late, after it, with their commune chair; chairs of the reports
 * waiting for their review and of their own report's due date; addressees of an ad hoc request before its
 * deadline. Each reminder is sent at most once per period: its notification's source key is unique per
 * recipient. A round runs every quarter of an hour but never in the quiet hours, and in one instance at a time
 * (a PostgreSQL advisory lock, so that several instances of the cluster profile send each reminder once).
 */
@Component
class ReminderJob {

	/** The advisory lock a round holds while it runs, for the rest of its transaction. */
	static final long LOCK = 0x4e4f54494659L;

	private final ReminderProperties properties;

	private final Deadlines deadlines;

	private final Outstanding outstanding;

	private final AccountDirectory accounts;

	private final UnitService units;

	private final Notifications notifications;

	private final Preferences preferences;

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final Clock clock;

	ReminderJob(ReminderProperties properties, Deadlines deadlines, Outstanding outstanding, AccountDirectory accounts,
			UnitService units, Notifications notifications, Preferences preferences, JdbcClient jdbc,
			PlatformTransactionManager transactions, Clock clock) {
		this.properties = properties;
		this.deadlines = deadlines;
		this.outstanding = outstanding;
		this.accounts = accounts;
		this.units = units;
		this.notifications = notifications;
		this.preferences = preferences;
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	@Scheduled(cron = "${portal.reminders.cron:0 */15 * * * *}", zone = "Asia/Ho_Chi_Minh")
	void scheduled() {
		run();
	}

	/** One round: the reminders due now that nobody has had yet; returns how many were sent. */
	int run() {
		ZonedDateTime now = clock.instant().atZone(clock.getZone());
		if (properties.quiet(now.toLocalTime())) {
			return 0;
		}
		Integer sent = transaction.execute(status -> {
			if (!jdbc.sql("SELECT pg_try_advisory_xact_lock(:lock)").param("lock", LOCK).query(Boolean.class).single()) {
				return 0;
			}
			LocalDate today = now.toLocalDate();
			YearMonth period = deadlines.reportingMonth();
			return villageReports(period, today) + reviews(period, today) + communeReports(period, today)
					+ adhocRequests(today);
		});
		return sent == null ? 0 : sent;
	}

	private int villageReports(YearMonth period, LocalDate today) {
		LocalDate due = deadlines.villageDue(period);
		long daysLeft = DAYS.between(today, due);
		Integer step = ReminderProperties.step(properties.villageDaysBefore(), daysLeft);
		int lateAfter = properties.villageLateDaysAfter();
		boolean late = !today.isBefore(due.plusDays(lateAfter));
		if (step == null && !late) {
			return 0;
		}
		Set<Long> sentReports = outstanding.villagesWithReportSent(period);
		List<Recipient> heads = accounts.withRole(Role.VILLAGE_HEAD, null)
			.stream()
			.filter(head -> !sentReports.contains(head.homeUnitId()))
			.toList();
		Map<Long, UnitSummary> villages = units.getAll(heads.stream().map(Recipient::homeUnitId).distinct().toList());
		NotificationKind kind = late ? NotificationKind.REMINDER_VILLAGE_LATE : NotificationKind.REMINDER_VILLAGE_DUE;
		int stepKey = late ? lateAfter : -step;
		Round round = new Round(heads);
		for (Recipient head : heads) {
			UnitSummary village = villages.get(head.homeUnitId());
			if (village == null || village.closed() || village.level() != UnitLevel.VILLAGE) {
				continue;
			}
			Draft draft = Draft.of(kind, village, period, "/villages/" + village.id() + "/reports/" + period)
				.due(due)
				.number(late ? null : (int) daysLeft)
				.variant(!late && daysLeft == 0 ? "today" : null);
			round.send(head, key(kind, stepKey, village.id(), period), draft);
		}
		if (late) {
			round.add(lateVillagesOfChairs(period, due, sentReports));
		}
		return round.sent;
	}

	/** A chair hears once how many villages of the commune are late, the day the villages hear it. */
	private int lateVillagesOfChairs(YearMonth period, LocalDate due, Set<Long> sentReports) {
		int lateAfter = properties.villageLateDaysAfter();
		List<Recipient> chairs = notYetTold(accounts.withRole(Role.COMMUNE_CHAIR, null),
				chair -> key(NotificationKind.REMINDER_VILLAGES_LATE, lateAfter, chair.homeUnitId(), period));
		Round round = new Round(chairs);
		for (Recipient chair : chairs) {
			UnitSummary commune = units.get(chair.homeUnitId());
			long late = units.openChildren(commune.id()).stream().filter(v -> !sentReports.contains(v.id())).count();
			if (late > 0) {
				round.send(chair, key(NotificationKind.REMINDER_VILLAGES_LATE, lateAfter, commune.id(), period),
						Draft.of(NotificationKind.REMINDER_VILLAGES_LATE, commune, period,
								"/communes/" + commune.id() + "/reports/" + period)
							.due(due)
							.number((int) late));
			}
		}
		return round.sent;
	}

	private int reviews(YearMonth period, LocalDate today) {
		int after = properties.reviewDaysAfter();
		if (today.isBefore(deadlines.villageDue(period).plusDays(after))) {
			return 0;
		}
		Map<Long, Long> waitingByCommune = units.getAll(outstanding.villagesAwaitingReview(period))
			.values()
			.stream()
			.filter(village -> village.parentId() != null)
			.collect(Collectors.groupingBy(UnitSummary::parentId, Collectors.counting()));
		if (waitingByCommune.isEmpty()) {
			return 0;
		}
		List<Recipient> chairs = accounts.withRole(Role.COMMUNE_CHAIR, waitingByCommune.keySet());
		Map<Long, UnitSummary> communes = units.getAll(waitingByCommune.keySet());
		Round round = new Round(chairs);
		for (Recipient chair : chairs) {
			UnitSummary commune = communes.get(chair.homeUnitId());
			round.send(chair, key(NotificationKind.REMINDER_REVIEW, after, commune.id(), period),
					Draft.of(NotificationKind.REMINDER_REVIEW, commune, period,
							"/communes/" + commune.id() + "/reports/" + period)
						.number(waitingByCommune.get(commune.id()).intValue()));
		}
		return round.sent;
	}

	private int communeReports(YearMonth period, LocalDate today) {
		LocalDate due = deadlines.communeDue(period);
		long daysLeft = DAYS.between(today, due);
		Integer step = ReminderProperties.step(properties.communeDaysBefore(), daysLeft);
		if (step == null) {
			return 0;
		}
		Set<Long> sentReports = outstanding.communesWithReportSent(period);
		List<Recipient> chairs = accounts.withRole(Role.COMMUNE_CHAIR, null)
			.stream()
			.filter(chair -> !sentReports.contains(chair.homeUnitId()))
			.toList();
		Map<Long, UnitSummary> communes = units.getAll(chairs.stream().map(Recipient::homeUnitId).distinct().toList());
		Round round = new Round(chairs);
		for (Recipient chair : chairs) {
			UnitSummary commune = communes.get(chair.homeUnitId());
			if (commune == null || commune.closed()) {
				continue;
			}
			round.send(chair, key(NotificationKind.REMINDER_COMMUNE_DUE, -step, commune.id(), period),
					Draft.of(NotificationKind.REMINDER_COMMUNE_DUE, commune, period,
							"/communes/" + commune.id() + "/reports/" + period)
						.due(due)
						.number((int) daysLeft)
						.variant(daysLeft == 0 ? "today" : null));
		}
		return round.sent;
	}

	private int adhocRequests(LocalDate today) {
		int furthest = properties.adhocDaysBefore().stream().max(Integer::compare).orElse(0);
		List<Outstanding.UnansweredRequest> unanswered = outstanding.unansweredRequests(today, today.plusDays(furthest));
		if (unanswered.isEmpty()) {
			return 0;
		}
		Map<Long, UnitSummary> addressees = units
			.getAll(unanswered.stream().map(Outstanding.UnansweredRequest::unitId).distinct().toList());
		Map<Long, List<Recipient>> headsOf = new HashMap<>();
		for (Role role : List.of(Role.COMMUNE_CHAIR, Role.VILLAGE_HEAD)) {
			accounts.withRole(role, addressees.keySet())
				.forEach(head -> headsOf.computeIfAbsent(head.homeUnitId(), unit -> new ArrayList<>()).add(head));
		}
		Round round = new Round(headsOf.values().stream().flatMap(List::stream).toList());
		for (Outstanding.UnansweredRequest request : unanswered) {
			long daysLeft = DAYS.between(today, request.deadline());
			Integer step = ReminderProperties.step(properties.adhocDaysBefore(), daysLeft);
			if (step == null) {
				continue;
			}
			UnitSummary unit = addressees.get(request.unitId());
			for (Recipient head : headsOf.getOrDefault(request.unitId(), List.of())) {
				round.send(head, "reminder:" + NotificationKind.REMINDER_ADHOC_DUE + ":" + -step + ":"
						+ request.requestId() + ":" + unit.id(),
						Draft.of(NotificationKind.REMINDER_ADHOC_DUE, unit, null, request.url())
							.detail(request.title())
							.due(request.deadline())
							.number((int) daysLeft)
							.variant(daysLeft == 0 ? "today" : null));
			}
		}
		return round.sent;
	}

	/** The unique key of a scheduled reminder: its kind, its day relative to the due date, its unit and period. */
	static String key(NotificationKind kind, int step, long unitId, YearMonth period) {
		return "reminder:" + kind + ":" + step + ":" + unitId + ":" + period;
	}

	/** Those of the recipients who have not had the reminder whose key each would get. */
	private List<Recipient> notYetTold(List<Recipient> recipients, Function<Recipient, String> keyOf) {
		if (recipients.isEmpty()) {
			return recipients;
		}
		Set<String> told = jdbc.sql("SELECT recipient_id || ' ' || source_key FROM notification WHERE source_key = ANY (:keys)")
			.param("keys", recipients.stream().map(keyOf).distinct().toArray(String[]::new))
			.query(String.class)
			.set();
		return recipients.stream().filter(r -> !told.contains(r.id() + " " + keyOf.apply(r))).toList();
	}

	/** The recipients' choices, read once for a round. */
	private final class Round {

		private final Map<Long, Preference> preferences;

		private final Map<Long, List<Preferences.PushSubscription>> browsers;

		private int sent;

		Round(Collection<Recipient> recipients) {
			List<Long> ids = recipients.stream().map(Recipient::id).distinct().toList();
			this.preferences = ReminderJob.this.preferences.of(ids);
			this.browsers = ReminderJob.this.preferences.subscriptions(ids);
		}

		void send(Recipient recipient, String key, Draft draft) {
			if (notifications.send(recipient, key, draft, preferences.get(recipient.id()),
					browsers.getOrDefault(recipient.id(), List.of())).isPresent()) {
				sent++;
			}
		}

		void add(int more) {
			sent += more;
		}

	}

}
