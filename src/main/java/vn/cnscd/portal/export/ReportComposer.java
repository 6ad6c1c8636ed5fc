package vn.cnscd.portal.export;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

import vn.cnscd.portal.area.UnitSummary;
import vn.cnscd.portal.dashboard.Ranking;
import vn.cnscd.portal.export.ReportDocument.Achievement;
import vn.cnscd.portal.export.ReportDocument.Line;
import vn.cnscd.portal.export.ReportDocument.Obstacle;
import vn.cnscd.portal.export.ReportDocument.Proposal;
import vn.cnscd.portal.export.ReportDocument.Sent;
import vn.cnscd.portal.export.ReportLayout.Appendix;
import vn.cnscd.portal.export.ReportLayout.Block;
import vn.cnscd.portal.export.ReportLayout.Cell;
import vn.cnscd.portal.export.ReportLayout.Column;
import vn.cnscd.portal.export.ReportLayout.Count;
import vn.cnscd.portal.export.ReportLayout.Heading;
import vn.cnscd.portal.export.ReportLayout.Paragraph;
import vn.cnscd.portal.export.ReportLayout.Row;
import vn.cnscd.portal.export.ReportLayout.Score;
import vn.cnscd.portal.export.ReportLayout.Share;
import vn.cnscd.portal.export.ReportLayout.Style;
import vn.cnscd.portal.export.ReportLayout.Table;
import vn.cnscd.portal.export.ReportLayout.Text;
import vn.cnscd.portal.reporting.ObstacleService;
import vn.cnscd.portal.training.TrainingFacts.HeldSession;

/**
 * Writes a report document's words: the sentences of each section from its figures, in Vietnamese, and the
 * appendices' tables, as one {@link ReportLayout} that every format lays out. Every figure a sentence gives is
 * one of the document's; a section with nothing to say says "Không có".
 */
@Component
class ReportComposer {

	/** How many communes a sentence names ahead and behind, and at the top and the bottom of the ranking. */
	static final int NAMED = 3;

	/** How many new teams and training sessions a sentence lists before it only counts the rest. */
	static final int LISTED = 10;

	private final SummaryLabels labels;

	private final Clock clock;

	ReportComposer(SummaryLabels labels, Clock clock) {
		this.labels = labels;
		this.clock = clock;
	}

	ReportLayout compose(ReportDocument report) {
		return new Composition(report).layout();
	}

	/** "ngày 05 tháng 01 năm 2026": a day below 10 and the months January and February take a leading zero. */
	static String[] dateParts(LocalDate date) {
		String day = date.getDayOfMonth() < 10 ? "0" + date.getDayOfMonth() : String.valueOf(date.getDayOfMonth());
		String month = date.getMonthValue() < 3 ? "0" + date.getMonthValue() : String.valueOf(date.getMonthValue());
		return new String[] { day, month, String.valueOf(date.getYear()) };
	}

	private final class Composition {

		private final ReportDocument report;

		private final ReportSettings settings;

		private final List<Block> body = new ArrayList<>();

		/** "quý I năm 2030". */
		private final String period;

		/** "quý", "tháng", "năm". */
		private final String word;

		private final String within;

		Composition(ReportDocument report) {
			this.report = report;
			this.settings = report.settings();
			this.period = periodText(report.period());
			this.word = labels.text("document.word." + report.period().kind());
			this.within = labels.text("document.within", word);
		}

		ReportLayout layout() {
			String[] date = dateParts(report.date());
			ReportLayout.Top top = new ReportLayout.Top(labels.upper(blankToNull(settings.superior())),
					labels.upper(settings.issuer()), labels.text("document.number", settings.symbol()),
					labels.text("document.nation"), labels.text("document.motto"),
					labels.text("document.placeDate", settings.place(), date[0], date[1], date[2]));
			ReportLayout.Title title = new ReportLayout.Title(labels.text("document.title"),
					labels.text("document.summary", period));
			paragraph(labels.text("document.intro", areaName(), period));
			if (report.coverage().partial()) {
				body.add(new Paragraph(labels.text(report.coverage().line()), Style.NOTE));
			}
			if (report.underWay()) {
				body.add(new Paragraph(labels.text("document.underWay", labels.date(report.asOf()), months(report.months()),
						months(report.notDue())), Style.NOTE));
			}
			organisation();
			results();
			obstacles();
			proposals();
			heading(1, labels.text("document.plan", labels.upper(labels.text("document.next", word))));
			body.add(new Paragraph(labels.text("document.plan.draft", periodText(report.period().next())), Style.DRAFT));
			paragraph(labels.text("document.closing", period, areaName()));
			ReportLayout.Signature signature = new ReportLayout.Signature(labels.text("document.recipients"),
					settings.recipientLines().stream().map(line -> labels.text("document.recipient", line)).toList(),
					labels.upper(blankToNull(settings.authority())), labels.upper(settings.signerTitle()),
					blankToNull(settings.signerName()));
			return new ReportLayout(top, title, body, signature, appendices());
		}

		/**
		 * "huyện Tứ Kỳ", or a steering member's "các xã do ông/bà … phụ trách (3 trong 23 xã của Huyện Tứ Kỳ)": a
		 * report of part of an area never passes for the whole.
		 */
		private String areaName() {
			return report.coverage().partial() ? labels.text(report.coverage().name())
					: labels.lowerUnitName(report.area());
		}

		// ---- I. Tình hình tổ chức ----

		private void organisation() {
			Line total = report.total();
			heading(1, labels.text("document.organisation"));
			heading(2, labels.text("document.organisation.teams"));
			String members = labels.text("document.organisation.members.count", labels.date(report.asOf()),
					labels.number(total.roster().members()));
			if (report.communeView()) {
				paragraph(labels.text("document.organisation.coverage.commune", labels.unitName(report.area()),
						labels.number(total.villages()), labels.number(total.villagesWithTeam()),
						labels.share(total.villagesWithTeam(), total.villages()),
						labels.text(total.communesWithTeam() > 0 ? "document.organisation.communeTeam.yes"
								: "document.organisation.communeTeam.no"))
						+ " " + members);
			}
			else {
				paragraph(labels.text("document.organisation.coverage", labels.lowerUnitName(report.area()),
						labels.number(total.communes()), labels.number(total.villages()),
						labels.number(total.communesWithTeam()), labels.share(total.communesWithTeam(), total.communes()),
						labels.number(total.villagesWithTeam()), labels.share(total.villagesWithTeam(), total.villages()))
						+ " " + members);
			}
			heading(2, labels.text("document.organisation.changes", word));
			String established;
			if (report.established().isEmpty()) {
				established = labels.text("document.organisation.established.none", within);
			}
			else {
				List<String> teams = report.established()
					.stream()
					.limit(LISTED)
					.map(team -> labels.text("document.organisation.established.team", team.name(),
							labels.unitName(team.unit()), decision(team)))
					.collect(Collectors.toCollection(ArrayList::new));
				if (report.established().size() > LISTED) {
					teams.add(labels.text("document.more", labels.number(report.established().size() - LISTED)));
				}
				established = labels.text("document.organisation.established", within,
						labels.number(report.established().size()), String.join("; ", teams));
			}
			String changed = total.roster().joined() == 0 && total.roster().left() == 0
					? labels.text("document.organisation.members.none")
					: labels.text("document.organisation.members", labels.number(total.roster().joined()),
							labels.number(total.roster().left()));
			paragraph(established + " " + changed);
			heading(2, labels.text("document.organisation.training"));
			if (report.sessions().isEmpty()) {
				paragraph(labels.text("document.organisation.training.none", within));
			}
			else {
				List<String> sessions = report.sessions()
					.stream()
					.limit(LISTED)
					.map(this::session)
					.collect(Collectors.toCollection(ArrayList::new));
				if (report.sessions().size() > LISTED) {
					sessions.add(labels.text("document.more", labels.number(report.sessions().size() - LISTED)));
				}
				paragraph(labels.text("document.organisation.training.held", within, labels.number(report.sessions().size()),
						String.join("; ", sessions), labels.number(total.attendances())));
			}
			paragraph(labels.text("document.organisation.training.share", labels.date(report.asOf()),
					labels.number(total.trained()), labels.number(total.roster().members()),
					labels.share(total.trained(), total.roster().members())));
		}

		private String decision(ReportDocument.Established team) {
			if (team.decisionNumber() == null || team.decisionNumber().isBlank()) {
				return labels.text("document.organisation.established.dated", labels.date(team.decisionDate()));
			}
			return labels.text("document.organisation.established.decision", team.decisionNumber(),
					labels.date(team.decisionDate()));
		}

		private String session(HeldSession session) {
			return labels.text("document.organisation.training.session", labels.date(session.heldOn()),
					labels.text(session.modeKey()).toLowerCase(SummaryLabels.VIETNAMESE), session.place());
		}

		// ---- II. Kết quả thực hiện ----

		private void results() {
			Line total = report.total();
			heading(1, labels.text("document.results"));
			heading(2, labels.text("document.results.reports"));
			for (YearMonth month : report.months()) {
				Sent sent = total.months().get(month);
				paragraph(labels.text("document.results.month", labels.month(month), labels.number(sent.sent()),
						labels.number(sent.villagesWithTeam()), labels.share(sent.sent(), sent.villagesWithTeam()),
						labels.number(sent.onTime()), labels.share(sent.onTime(), sent.sent())));
			}
			if (report.months().size() > 1) {
				Sent sent = total.sent();
				paragraph(labels.text("document.results.period", word, labels.number(sent.sent()),
						labels.number(sent.villagesWithTeam()), labels.share(sent.sent(), sent.villagesWithTeam()),
						labels.number(sent.onTime()), labels.share(sent.onTime(), sent.sent())));
			}
			YearMonth end = report.end();
			double pace = end.getMonthValue() / 12.0;
			heading(2, labels.text("document.results.targets", String.valueOf(end.getYear())));
			paragraph(labels.text("document.results.targets.lead", labels.month(end), String.valueOf(end.getMonthValue()),
					labels.percent(pace)));
			body.add(new Table(List.of(new Column(labels.text("document.column.indicator"), 7),
					new Column(labels.text("document.column.period", word), 2),
					new Column(labels.text("document.column.yearToDate"), 2), new Column(labels.text("document.column.target"), 2),
					new Column(labels.text("document.column.ratio"), 2)),
					() -> total.indicators().stream().map(achievement -> Row.of(new Text(indicatorName(achievement)),
							new Count(achievement.period()), new Count(achievement.yearToDate()), target(achievement),
							new Share(achievement.ratio()))).iterator()));
			List<String> untargeted = new ArrayList<>();
			for (int i = 0; i < total.indicators().size(); i++) {
				Achievement achievement = total.indicators().get(i);
				if (achievement.target() == null) {
					untargeted.add(achievement.indicator().code());
					continue;
				}
				String sentence = labels.text("document.results.indicator", achievement.indicator().code(),
						achievement.indicator().nameVi(), labels.number(achievement.yearToDate()),
						labels.number(achievement.target()), achievement.indicator().unitVi(),
						labels.percent(achievement.ratio()));
				paragraph(report.communeView() ? sentence + "." : sentence + "; " + communes(i, pace) + ".");
			}
			if (!untargeted.isEmpty()) {
				paragraph(labels.text("document.results.untargeted", String.valueOf(end.getYear()),
						String.join(", ", untargeted)));
			}
			if (!report.ranking().isEmpty()) {
				heading(2, labels.text("document.results.ranking"));
				List<Line> ranking = report.ranking();
				List<Line> top = ranking.subList(0, Math.min(NAMED, ranking.size()));
				List<Line> bottom = ranking.subList(Math.max(top.size(), ranking.size() - NAMED), ranking.size());
				String sentence = labels.text("document.results.ranking.top", String.valueOf(Ranking.PROGRESS_WEIGHT),
						String.valueOf(Ranking.COMPLETENESS_WEIGHT), String.valueOf(Ranking.TIMELINESS_WEIGHT),
						labels.month(end), scores(top));
				if (!bottom.isEmpty()) {
					sentence += "; " + labels.text("document.results.ranking.bottom", scores(bottom));
				}
				paragraph(sentence + ". " + labels.text("document.results.ranking.appendix", "IV"));
			}
		}

		/** The communes of an indicator ahead of the year's pace (best first) and behind it (worst first). */
		private String communes(int indicator, double pace) {
			List<Map.Entry<Line, Double>> targeted = report.communes()
				.stream()
				.filter(line -> line.indicators().get(indicator).ratio() != null)
				.map(line -> Map.entry(line, line.indicators().get(indicator).ratio()))
				.toList();
			List<Map.Entry<Line, Double>> ahead = targeted.stream()
				.filter(entry -> entry.getValue() >= pace)
				.sorted(Map.Entry.<Line, Double>comparingByValue().reversed())
				.toList();
			List<Map.Entry<Line, Double>> behind = targeted.stream()
				.filter(entry -> entry.getValue() < pace)
				.sorted(Map.Entry.comparingByValue())
				.toList();
			String aheadText = ahead.isEmpty() ? labels.text("document.results.ahead.none")
					: labels.text("document.results.ahead", labels.number(ahead.size()), labels.number(targeted.size()),
							ratios(ahead));
			if (behind.isEmpty()) {
				return aheadText;
			}
			return aheadText + "; " + labels.text("document.results.behind", labels.number(behind.size()), ratios(behind));
		}

		private String ratios(List<Map.Entry<Line, Double>> lines) {
			return lines.stream()
				.limit(NAMED)
				.map(entry -> labels.text("document.results.named", labels.unitName(entry.getKey().unit()),
						labels.percent(entry.getValue())))
				.collect(Collectors.joining(", "));
		}

		private String scores(List<Line> lines) {
			return lines.stream()
				.map(line -> labels.text("document.results.ranking.score", labels.unitName(line.unit()),
						labels.score(line.score())))
				.collect(Collectors.joining(", "));
		}

		// ---- III. Khó khăn, vướng mắc; IV. Đề xuất, kiến nghị ----

		private void obstacles() {
			heading(1, labels.text("document.obstacles"));
			if (report.obstacles().isEmpty()) {
				paragraph(labels.text("document.none"));
				return;
			}
			Map<ObstacleService.Status, Long> byStatus = report.obstacles()
				.stream()
				.collect(Collectors.groupingBy(Obstacle::status, Collectors.counting()));
			paragraph(labels.text("document.obstacles.lead", within, labels.number(report.obstacles().size()),
					labels.number(byStatus.getOrDefault(ObstacleService.Status.OPEN, 0L)),
					labels.number(byStatus.getOrDefault(ObstacleService.Status.ANSWERED, 0L)),
					labels.number(byStatus.getOrDefault(ObstacleService.Status.RESOLVED, 0L))));
			Map<UnitSummary, List<Obstacle>> byCommune = byCommune(report.obstacles(), Obstacle::commune);
			byCommune.forEach((commune, obstacles) -> {
				body.add(new Paragraph(labels.text("document.obstacles.commune", labels.unitName(commune),
						labels.number(obstacles.size())), Style.LEAD));
				for (Obstacle obstacle : obstacles) {
					paragraph(labels.text("document.obstacles.item", labels.unitName(obstacle.unit()),
							labels.month(obstacle.month()), obstacle.text(),
							labels.text("document.obstacles.status." + obstacle.status())));
					for (ObstacleService.Answer answer : obstacle.answers()) {
						paragraph(labels.text("document.obstacles.answer", answer.authorName(),
								labels.text("document.role." + answer.authorRole()),
								labels.date(LocalDate.ofInstant(answer.answeredAt(), clock.getZone())), answer.text()));
					}
				}
			});
		}

		private void proposals() {
			heading(1, labels.text("document.proposals"));
			if (report.proposals().isEmpty()) {
				paragraph(labels.text("document.none"));
				return;
			}
			paragraph(labels.text("document.proposals.lead", within));
			for (Proposal proposal : report.proposals()) {
				String unit = proposal.unit().id() == proposal.commune().id() ? labels.unitName(proposal.unit())
						: labels.text("document.proposals.village", labels.unitName(proposal.unit()),
								labels.unitName(proposal.commune()));
				paragraph(labels.text("document.proposals.item", unit, labels.month(proposal.month()),
						String.join("; ", proposal.text().strip().split("\\s*\\R\\s*"))));
			}
		}

		private <T> Map<UnitSummary, List<T>> byCommune(List<T> items, Function<T, UnitSummary> commune) {
			Map<UnitSummary, List<T>> groups = new LinkedHashMap<>();
			report.communes().forEach(line -> groups.put(line.unit(), new ArrayList<>()));
			items.forEach(item -> groups.get(commune.apply(item)).add(item));
			groups.values().removeIf(List::isEmpty);
			return groups;
		}

		// ---- the appendices ----

		private List<Appendix> appendices() {
			List<Appendix> appendices = new ArrayList<>();
			appendices.add(appendix("I", "document.appendix.teams", teams()));
			appendices.add(appendix("II", "document.appendix.reports", reports()));
			appendices.add(appendix("III", "document.appendix.targets", targets()));
			if (!report.communeView()) {
				appendices.add(appendix("IV", "document.appendix.ranking", ranking()));
			}
			return appendices;
		}

		private Appendix appendix(String number, String titleKey, Table table) {
			return new Appendix(labels.text("document.appendix.number", number),
					labels.upper(labels.text(titleKey, period)),
					report.coverage().partial()
							? labels.text("document.appendix.subtitle.partial", settings.symbol(),
									labels.date(report.date()), settings.issuer(), labels.text(report.coverage().name()))
							: labels.text("document.appendix.subtitle", settings.symbol(), labels.date(report.date()),
									settings.issuer()),
					table);
		}

		private Table teams() {
			List<Column> columns = columns("number", 0.7f, "unit", 3, "communeTeam", 1.1f, "villages", 1.2f,
					"villagesWithTeam", 1.2f, "coverage", 1.2f, "members", 1.2f, "joined", 1.2f, "left", 1.2f,
					"attendances", 1.3f, "trained", 1.3f, "trainedShare", 1.3f);
			return new Table(columns, () -> Stream.concat(IntStream.range(0, report.communes().size()).mapToObj(i -> {
				Line line = report.communes().get(i);
				return new Row(teamCells(new Count(i + 1), new Text(labels.unitName(line.unit())),
						new Text(labels.text(line.communesWithTeam() > 0 ? "document.yes" : "document.no")), line), false);
			}), Stream.of(report.total()).map(total -> new Row(teamCells(new Text(""), new Text(labels.text("document.total")),
					new Text(labels.number(total.communesWithTeam()) + "/" + labels.number(total.communes())), total), true)))
				.iterator());
		}

		private List<Cell> teamCells(Cell number, Cell name, Cell communeTeam, Line line) {
			return List.of(number, name, communeTeam, new Count(line.villages()), new Count(line.villagesWithTeam()),
					share(line.villagesWithTeam(), line.villages()), new Count(line.roster().members()),
					new Count(line.roster().joined()), new Count(line.roster().left()), new Count(line.attendances()),
					new Count(line.trained()), share(line.trained(), line.roster().members()));
		}

		private Table reports() {
			List<Column> columns = columns("number", 0.7f, "unit", 3, "month", 1.4f, "withTeam", 1.3f, "sent", 1.3f,
					"completeness", 1.3f, "onTime", 1.3f, "timeliness", 1.3f);
			return new Table(columns, () -> {
				Stream<Row> communes = IntStream.range(0, report.communes().size()).boxed().flatMap(i -> {
					Line line = report.communes().get(i);
					return report.months().stream().map(month -> new Row(sentCells(
							month.equals(report.months().get(0)) ? new Count(i + 1) : new Text(""),
							labels.unitName(line.unit()), labels.text("document.monthValue", labels.month(month)),
							line.months().get(month)), false));
				});
				Stream<Row> totals = report.months().stream().map(month -> new Row(sentCells(new Text(""),
						labels.text("document.total"), labels.text("document.monthValue", labels.month(month)),
						report.total().months().get(month)), true));
				Stream<Row> whole = report.months().size() < 2 ? Stream.empty()
						: Stream.of(new Row(sentCells(new Text(""), labels.text("document.total"),
								labels.text("document.wholePeriod", word), report.total().sent()), true));
				return Stream.of(communes, totals, whole).flatMap(Function.identity()).iterator();
			});
		}

		private List<Cell> sentCells(Cell number, String name, String month, Sent sent) {
			return List.of(number, new Text(name), new Text(month), new Count(sent.villagesWithTeam()),
					new Count(sent.sent()), share(sent.sent(), sent.villagesWithTeam()), new Count(sent.onTime()),
					share(sent.onTime(), sent.sent()));
		}

		private Table targets() {
			List<Column> columns = columns("number", 0.7f, "unit", 2.6f, "code", 1, "indicator", 5, "period", 1.3f,
					"yearToDate", 1.3f, "target", 1.3f, "ratio", 1.3f);
			return new Table(columns, () -> {
				Stream<Row> communes = IntStream.range(0, report.communes().size()).boxed().flatMap(i -> {
					Line line = report.communes().get(i);
					return IntStream.range(0, line.indicators().size()).mapToObj(j -> new Row(targetCells(
							j == 0 ? new Count(i + 1) : new Text(""), labels.unitName(line.unit()),
							line.indicators().get(j)), false));
				});
				Stream<Row> totals = report.total().indicators().stream()
					.map(achievement -> new Row(targetCells(new Text(""), labels.text("document.total"), achievement), true));
				return Stream.concat(communes, totals).iterator();
			});
		}

		private List<Cell> targetCells(Cell number, String name, Achievement achievement) {
			return List.of(number, new Text(name), new Text(achievement.indicator().code()),
					new Text(achievement.indicator().nameVi() + " (" + achievement.indicator().unitVi() + ")"),
					new Count(achievement.period()), new Count(achievement.yearToDate()), target(achievement),
					new Share(achievement.ratio()));
		}

		private Table ranking() {
			List<Column> columns = columns("rank", 0.8f, "unit", 3, "score", 1.2f, "meanProgress", 1.6f,
					"completeness", 1.4f, "timeliness", 1.4f);
			return new Table(columns, () -> IntStream.range(0, report.ranking().size()).mapToObj(i -> {
				Line line = report.ranking().get(i);
				return Row.of(new Count(i + 1), new Text(labels.unitName(line.unit())), new Score(line.score()),
						new Share(line.meanProgress()), new Share(line.completeness()), new Share(line.timeliness()));
			}).iterator());
		}

		// ---- helpers ----

		private List<Column> columns(Object... namesAndWidths) {
			List<Column> columns = new ArrayList<>();
			for (int i = 0; i < namesAndWidths.length; i += 2) {
				String name = (String) namesAndWidths[i];
				float width = ((Number) namesAndWidths[i + 1]).floatValue();
				columns.add(new Column(labels.text("document.column." + name, word), width));
			}
			return columns;
		}

		private String indicatorName(Achievement achievement) {
			return achievement.indicator().code() + " " + achievement.indicator().nameVi() + " ("
					+ achievement.indicator().unitVi() + ")";
		}

		private Cell target(Achievement achievement) {
			return achievement.target() == null ? new Text(labels.text("document.noTarget"))
					: new Count(achievement.target());
		}

		private Share share(long part, long whole) {
			return new Share(whole == 0 ? null : (double) part / whole);
		}

		private String months(List<YearMonth> months) {
			return months.stream().map(month -> labels.text("document.monthInText", labels.month(month)))
				.collect(Collectors.joining(", "));
		}

		private String periodText(ReportPeriod period) {
			return labels.text("document.period." + period.kind(), period.numeral(), String.valueOf(period.year()));
		}

		private void heading(int level, String text) {
			body.add(new Heading(level, text));
		}

		private void paragraph(String text) {
			body.add(new Paragraph(text, Style.BODY));
		}

	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text;
	}

}
