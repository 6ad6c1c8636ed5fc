package vn.cnscd.portal.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.cnscd.portal.area.UnitSummary;
import vn.cnscd.portal.dashboard.Dashboard;
import vn.cnscd.portal.team.CellText;

/**
 * The raw values behind a report, a line per village, month and indicator, every report status
 * included so that a reader can see what was left out of the figures. UTF-8 with a byte-order mark, which
 * Excel needs to read Vietnamese; rows go out as the database sends them, never all in memory.
 */
@Component
class SummaryCsv {

	private static final List<String> HEADER_KEYS = List.of("communeCode", "commune", "villageCode", "village",
			"month", "status", "late", "indicatorCode", "value");

	private static final int FETCH_SIZE = 1_000;

	private final JdbcClient jdbc;

	private final SummaryLabels labels;

	SummaryCsv(DataSource dataSource, SummaryLabels labels) {
		// with a fetch size, inside a transaction, PostgreSQL's driver reads through a cursor instead of loading
		// a province's rows at once
		JdbcTemplate template = new JdbcTemplate(dataSource);
		template.setFetchSize(FETCH_SIZE);
		this.jdbc = JdbcClient.create(template);
		this.labels = labels;
	}

	@Transactional(readOnly = true)
	void write(Dashboard scope, ReportPeriod period, OutputStream out) throws IOException {
		Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
		writer.write('\uFEFF');
		line(writer, HEADER_KEYS.stream().map(key -> labels.text("export.csv." + key)).toList());
		Long[] communes = scope.ranking().stream().map(line -> line.commune().id())
			.toArray(Long[]::new);
		jdbc.sql("""
				SELECT c.code AS commune_code, c.kind AS commune_kind, c.name AS commune_name, u.code, u.kind, u.name,
				       r.period, r.status, r.late, i.code AS indicator, v.value
				FROM village_report r JOIN unit u ON u.id = r.village_id JOIN unit c ON c.id = u.parent_id
				JOIN village_report_value v ON v.report_id = r.id JOIN indicator i ON i.id = v.indicator_id
				WHERE r.period BETWEEN :first AND :last AND u.ancestor_path LIKE :path AND u.parent_id = ANY (:communes)
				ORDER BY c.code, u.code, r.period, i.sort_order""")
			.param("first", period.first().atDay(1))
			.param("last", period.last().atDay(1))
			.param("path", UnitSummary.likeUnder(scope.district().path()))
			.param("communes", communes)
			.query((ResultSet rs) -> {
				Boolean late = (Boolean) rs.getObject("late");
				try {
					line(writer, List.of(rs.getString("commune_code"),
							labels.text("unit.kind." + rs.getString("commune_kind")) + " " + rs.getString("commune_name"),
							rs.getString("code"), labels.text("unit.kind." + rs.getString("kind")) + " " + rs.getString("name"),
							YearMonth.from(rs.getObject("period", LocalDate.class)).toString(),
							labels.text("dashboard.status." + rs.getString("status")),
							late == null ? "" : labels.text(late ? "export.yes" : "export.no"), rs.getString("indicator"),
							String.valueOf(rs.getLong("value"))));
				}
				catch (IOException failed) {
					throw new UncheckedIOException(failed);
				}
			});
		writer.flush();
	}

	private static void line(Writer writer, List<String> cells) throws IOException {
		writer.write(cells.stream().map(SummaryCsv::cell).collect(Collectors.joining(",")));
		writer.write("\r\n");
	}

	/** Quoted where it holds a comma, a quote or a line break; neutralised where it would run as a formula. */
	private static String cell(String value) {
		String text = CellText.safe(value == null ? "" : value);
		if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
			return '"' + text.replace("\"", "\"\"") + '"';
		}
		return text;
	}

}
