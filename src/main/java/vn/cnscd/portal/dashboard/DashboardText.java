package vn.cnscd.portal.dashboard;

import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import vn.cnscd.portal.area.UnitSummary;

/**
 * A dashboard as plain text, to paste into a Zalo group and read on a phone: what the view covers, the totals,
 * the communes behind and a few villages to remind, each report's state named as the dashboard names it. A
 * group message names no one's phone number, and lists at most {@link #NAMED} communes and villages.
 */
@Component
class DashboardText {

	/** How many communes of the ranking the message names: the leaders, not the whole table. */
	static final int RANKED = 3;

	/** How many communes behind, and how many villages to remind, are named before "and N others". */
	static final int NAMED = 10;

	/** The indicators furthest from their targets that the message names. */
	static final int LOWEST = 3;

	private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MM/yyyy");

	private final MessageSource messages;

	DashboardText(MessageSource messages) {
		this.messages = messages;
	}

	String of(Dashboard dashboard, Coverage coverage, Locale locale) {
		CommuneFigures total = dashboard.total();
		StringBuilder text = new StringBuilder();
		line(text, locale, "dashboard.text.title", messages.getMessage(coverage.name(), locale),
				MONTH.format(dashboard.month()));
		if (!dashboard.communeView()) {
			line(text, locale, "dashboard.text.communes", share(total.communesWithTeam(), total.communes(), locale));
		}
		line(text, locale, "dashboard.text.villages", share(total.villagesWithTeam(), total.villages(), locale));
		line(text, locale, "dashboard.text.completeness", share(total.sent(), total.villagesWithTeam(), locale),
				share(total.onTime(), total.sent(), locale));
		line(text, locale, "dashboard.text.obstacles", number(total.openObstacles(), locale));
		progress(text, dashboard, locale);
		if (!dashboard.communeView()) {
			List<String> leaders = dashboard.ranking()
				.stream()
				.limit(RANKED)
				.map(line -> messages.getMessage("dashboard.text.leader",
						new Object[] { name(line.commune(), locale), number(Math.round(line.score()), locale) }, locale))
				.toList();
			if (!leaders.isEmpty()) {
				line(text, locale, "dashboard.text.leaders", String.join(", ", leaders));
			}
			behind(text, dashboard, locale);
		}
		chase(text, dashboard, locale);
		return text.toString().strip();
	}

	/** The year's mean progress, then the indicators furthest from their targets. */
	private void progress(StringBuilder text, Dashboard dashboard, Locale locale) {
		List<Progress> targeted = dashboard.total().progress().stream().filter(p -> p.ratio() != null).toList();
		if (targeted.isEmpty()) {
			return;
		}
		line(text, locale, "dashboard.text.progress", dashboard.month().getYear(),
				percent(dashboard.total().meanProgress(), locale));
		String lowest = targeted.stream()
			.filter(p -> p.ratio() < 1)
			.sorted(Comparator.comparingDouble(Progress::ratio))
			.limit(LOWEST)
			.map(p -> p.indicator().code() + " " + percent(p.ratio(), locale))
			.collect(Collectors.joining(", "));
		if (!lowest.isEmpty()) {
			line(text, locale, "dashboard.text.lowest", lowest);
		}
	}

	/** The communes where villages with a team have not all sent their report, least complete first. */
	private void behind(StringBuilder text, Dashboard dashboard, Locale locale) {
		List<CommuneFigures> behind = dashboard.ranking()
			.stream()
			.filter(line -> line.sent() < line.villagesWithTeam())
			.sorted(Comparator.comparingDouble(CommuneFigures::completeness)
				.thenComparing(line -> line.commune().code(), Comparator.nullsLast(Comparator.naturalOrder())))
			.toList();
		if (behind.isEmpty()) {
			return;
		}
		line(text, locale, "dashboard.text.behind", number(behind.size(), locale));
		behind.stream()
			.limit(NAMED)
			.forEach(line -> line(text, locale, "dashboard.text.behindCommune", name(line.commune(), locale),
					share(line.sent(), line.villagesWithTeam(), locale)));
		more(text, locale, "dashboard.text.moreCommunes", behind.size());
	}

	private void chase(StringBuilder text, Dashboard dashboard, Locale locale) {
		List<VillageStatus> chase = dashboard.chase();
		if (chase.isEmpty()) {
			line(text, locale, "dashboard.chase.none");
			return;
		}
		line(text, locale, "dashboard.text.chase", number(chase.size(), locale));
		for (VillageStatus village : chase.stream().limit(NAMED).toList()) {
			if (dashboard.communeView()) {
				line(text, locale, "dashboard.text.villageOwn", name(village.village(), locale), state(village, locale));
			}
			else {
				line(text, locale, "dashboard.text.village", name(village.village(), locale),
						name(village.commune(), locale), state(village, locale));
			}
		}
		more(text, locale, "dashboard.text.moreVillages", chase.size());
	}

	private void more(StringBuilder text, Locale locale, String key, int listed) {
		if (listed > NAMED) {
			line(text, locale, key, number(listed - NAMED, locale));
		}
	}

	/** The state as the dashboard's badge names it: no report, a draft, given back, or sent late. */
	String state(VillageStatus village, Locale locale) {
		String key = village.status() == null ? "dashboard.status.none"
				: village.missing() ? "dashboard.status." + village.status() : "dashboard.status.late";
		return messages.getMessage(key, null, locale);
	}

	private void line(StringBuilder text, Locale locale, String key, Object... arguments) {
		text.append(messages.getMessage(key, arguments, locale)).append('\n');
	}

	private String name(UnitSummary unit, Locale locale) {
		return messages.getMessage(Coverage.unitName(unit), locale);
	}

	private static String number(long number, Locale locale) {
		return NumberFormat.getIntegerInstance(locale).format(number);
	}

	private static String percent(double ratio, Locale locale) {
		NumberFormat percent = NumberFormat.getPercentInstance(locale);
		percent.setMaximumFractionDigits(0);
		return percent.format(ratio);
	}

	/** 3/5 (60%); just 0/0 where there is nothing to count. */
	private static String share(long part, long whole, Locale locale) {
		String counts = number(part, locale) + "/" + number(whole, locale);
		if (whole == 0) {
			return counts;
		}
		NumberFormat percent = NumberFormat.getPercentInstance(locale);
		percent.setMaximumFractionDigits(1);
		return counts + " (" + percent.format((double) part / whole) + ")";
	}

}
