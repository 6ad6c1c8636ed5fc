package vn.cnscd.portal.dashboard;

import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import vn.cnscd.portal.area.UnitSummary;

/**
 * A dashboard as plain text, to paste into the district's Zalo group: short lines, no table, the villages to
 * call with their numbers.
 */
@Component
class DashboardText {

	/** How many communes of the ranking the message names: the leaders, not the whole table. */
	static final int RANKED = 5;

	private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MM/yyyy");

	private final MessageSource messages;

	DashboardText(MessageSource messages) {
		this.messages = messages;
	}

	String of(Dashboard dashboard, Locale locale) {
		CommuneFigures total = dashboard.total();
		StringBuilder text = new StringBuilder();
		line(text, locale, "dashboard.text.title", name(dashboard.area(), locale), MONTH.format(dashboard.month()));
		if (!dashboard.communeView()) {
			line(text, locale, "dashboard.text.communes", share(total.communesWithTeam(), total.communes(), locale));
		}
		line(text, locale, "dashboard.text.villages", share(total.villagesWithTeam(), total.villages(), locale));
		line(text, locale, "dashboard.text.completeness", share(total.sent(), total.villagesWithTeam(), locale),
				share(total.onTime(), total.sent(), locale));
		line(text, locale, "dashboard.text.obstacles", number(total.openObstacles(), locale));
		line(text, locale, "dashboard.text.progress", String.valueOf(dashboard.month().getYear()));
		for (Progress progress : total.progress()) {
			if (progress.target() != null) {
				line(text, locale, "dashboard.text.indicator", progress.indicator().code(), progress.indicator().name(locale),
						share(progress.achieved(), progress.targetCount(), locale));
			}
		}
		if (!dashboard.communeView()) {
			line(text, locale, "dashboard.text.ranking");
			List<CommuneFigures> leaders = dashboard.ranking().stream().limit(RANKED).toList();
			for (int i = 0; i < leaders.size(); i++) {
				line(text, locale, "dashboard.text.rank", String.valueOf(i + 1), name(leaders.get(i).commune(), locale),
						number(Math.round(leaders.get(i).score()), locale));
			}
		}
		List<VillageStatus> chase = dashboard.chase();
		if (chase.isEmpty()) {
			line(text, locale, "dashboard.chase.none");
		}
		else {
			line(text, locale, "dashboard.text.chase", String.valueOf(chase.size()));
			for (VillageStatus village : chase) {
				String state = messages.getMessage(village.missing() ? "dashboard.text.missing" : "dashboard.status.late",
						null, locale);
				String head = village.headName() == null ? messages.getMessage("dashboard.noHead", null, locale)
						: village.headName() + " " + village.headPhone();
				line(text, locale, "dashboard.text.village", name(village.village(), locale),
						name(village.commune(), locale), state, head);
			}
		}
		return text.toString().strip();
	}

	private void line(StringBuilder text, Locale locale, String key, Object... arguments) {
		text.append(messages.getMessage(key, arguments, locale)).append('\n');
	}

	private String name(UnitSummary unit, Locale locale) {
		return messages.getMessage(unit.kindKey(), null, locale) + " " + unit.name();
	}

	private static String number(long number, Locale locale) {
		return NumberFormat.getIntegerInstance(locale).format(number);
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
