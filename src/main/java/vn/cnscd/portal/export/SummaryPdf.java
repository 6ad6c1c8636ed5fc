package vn.cnscd.portal.export;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.text.NumberFormat;
import java.time.YearMonth;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import vn.cnscd.portal.dashboard.CommuneFigures;
import vn.cnscd.portal.dashboard.Coverage;
import vn.cnscd.portal.dashboard.Dashboard;
import vn.cnscd.portal.dashboard.Progress;

/**
 * The quarterly summary as PDF, with the same parts as the XLSX. The DejaVu Sans font, served from the
 * portal's own resources (fonts/, with its licence), is embedded: the built-in PDF fonts have no Vietnamese
 * letters, and offices may print where no font is installed.
 */
@Component
class SummaryPdf {

	private final SummaryLabels labels;

	private final BaseFont regular;

	private final BaseFont bold;

	SummaryPdf(SummaryLabels labels) {
		this.labels = labels;
		this.regular = font("fonts/DejaVuSans.ttf");
		this.bold = font("fonts/DejaVuSans-Bold.ttf");
	}

	private static BaseFont font(String path) {
		try (InputStream in = new ClassPathResource(path).getInputStream()) {
			return BaseFont.createFont(path, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, in.readAllBytes(), null);
		}
		catch (IOException missing) {
			throw new UncheckedIOException(missing);
		}
	}

	void write(Summary summary, Coverage coverage, OutputStream out) {
		Document document = new Document(PageSize.A4.rotate(), 36, 36, 36, 36);
		PdfWriter.getInstance(document, out);
		document.open();
		new Writer(document, summary, coverage).write();
		document.close();
	}

	private final class Writer {

		private final Document document;

		private final Summary summary;

		private final Coverage coverage;

		private final Font text = new Font(regular, 9);

		private final Font strong = new Font(bold, 9);

		private final Font heading = new Font(bold, 13);

		private final NumberFormat numbers = NumberFormat.getIntegerInstance(SummaryLabels.VIETNAMESE);

		private final NumberFormat percents = NumberFormat.getPercentInstance(SummaryLabels.VIETNAMESE);

		Writer(Document document, Summary summary, Coverage coverage) {
			this.document = document;
			this.summary = summary;
			this.coverage = coverage;
			percents.setMaximumFractionDigits(1);
		}

		void write() {
			PdfPTable top = new PdfPTable(2);
			top.setWidthPercentage(100);
			top.addCell(plain(labels.text("export.authority",
					labels.unitName(summary.area()).toUpperCase(SummaryLabels.VIETNAMESE)), strong, Element.ALIGN_LEFT));
			top.addCell(plain(labels.text("export.nation") + "\n" + labels.text("export.motto"), strong,
					Element.ALIGN_CENTER));
			document.add(top);
			Paragraph title = new Paragraph(
					labels.text("export.title", summary.quarter().roman(), summary.quarter().year()), heading);
			title.setAlignment(Element.ALIGN_CENTER);
			title.setSpacingBefore(12);
			document.add(title);
			Paragraph area = new Paragraph(labels.text(coverage.line()), strong);
			area.setAlignment(Element.ALIGN_CENTER);
			document.add(area);
			if (summary.underWay()) {
				Paragraph asOf = new Paragraph(labels.text("export.asOf", labels.date(summary.date())), text);
				asOf.setAlignment(Element.ALIGN_CENTER);
				document.add(asOf);
			}
			teams();
			reports();
			targets();
			notes();
			signatures();
		}

		private void teams() {
			PdfPTable table = table("export.teams.title", new float[] { 1, 5, 2, 2, 2, 2 }, "export.number",
					"export.commune", "export.teams.communeTeam", "export.teams.villages", "export.teams.withTeam",
					"export.teams.members");
			int n = 1;
			long members = 0;
			for (CommuneFigures line : summary.communes()) {
				long own = summary.members().getOrDefault(line.commune().id(), 0L);
				members += own;
				cells(table, text, String.valueOf(n++), labels.unitName(line.commune()),
						labels.text(line.communesWithTeam() > 0 ? "export.yes" : "export.no"), number(line.villages()),
						number(line.villagesWithTeam()), number(own));
			}
			CommuneFigures total = summary.end().total();
			cells(table, strong, "", labels.text("export.total"), total.communesWithTeam() + "/" + total.communes(),
					number(total.villages()), number(total.villagesWithTeam()), number(members));
			document.add(table);
		}

		private void reports() {
			PdfPTable table = table("export.reports.title", new float[] { 1, 5, 2, 2, 2, 2, 2, 2 }, "export.number",
					"export.commune", "export.month", "export.reports.withTeam", "export.reports.sent",
					"export.reports.completeness", "export.reports.onTime", "export.reports.timeliness");
			for (YearMonth month : summary.quarter().months()) {
				Dashboard dashboard = summary.months().get(month);
				int n = 1;
				for (CommuneFigures line : Summary.byCode(dashboard.ranking())) {
					reportRow(table, text, String.valueOf(n++), labels.unitName(line.commune()), month, line);
				}
				reportRow(table, strong, "", labels.text("export.total"), month, dashboard.total());
			}
			document.add(table);
		}

		private void reportRow(PdfPTable table, Font font, String n, String name, YearMonth month, CommuneFigures line) {
			boolean due = summary.due(month);
			String notDue = labels.text("export.notDue");
			cells(table, font, n, name, monthText(month), number(line.villagesWithTeam()), number(line.sent()),
					due ? share(line.sent(), line.villagesWithTeam()) : notDue, number(line.onTime()),
					due ? share(line.onTime(), line.sent()) : notDue);
		}

		private void targets() {
			PdfPTable table = table("export.targets.title", new float[] { 1, 4, 2, 8, 2, 2, 2, 2 }, "export.number",
					"export.commune", "export.indicator.code", "export.indicator.name", "export.targets.quarter",
					"export.targets.yearToDate", "export.targets.target", "export.targets.ratio");
			int n = 1;
			for (CommuneFigures line : summary.communes()) {
				for (Progress progress : line.progress()) {
					targetRow(table, text, String.valueOf(n++), labels.unitName(line.commune()), line, progress);
				}
			}
			for (Progress progress : summary.end().total().progress()) {
				targetRow(table, strong, "", labels.text("export.total"), summary.end().total(), progress);
			}
			document.add(table);
		}

		private void targetRow(PdfPTable table, Font font, String n, String name, CommuneFigures line, Progress progress) {
			cells(table, font, n, name, progress.indicator().code(),
					progress.indicator().nameVi() + " (" + progress.indicator().unitVi() + ")",
					number(summary.quarterValue(line, progress)), number(progress.achieved()),
					progress.target() == null ? labels.text("dashboard.noTarget") : number(progress.targetCount()),
					progress.ratio() == null ? "" : percents.format(progress.ratio()));
		}

		private void notes() {
			PdfPTable table = table("export.notes.title", new float[] { 1, 4, 2, 9, 4, 2 }, "export.number",
					"export.commune", "export.month", "export.notes.text", "export.notes.unit", "export.notes.status");
			int n = 1;
			for (Summary.Note note : summary.obstacles()) {
				noteRow(table, n++, note, labels.text("export.notes.status." + note.status()));
			}
			PdfPCell proposals = new PdfPCell(new Phrase(labels.text("export.notes.proposals"), strong));
			proposals.setColspan(6);
			table.addCell(proposals);
			n = 1;
			for (Summary.Note note : summary.proposals()) {
				noteRow(table, n++, note, "");
			}
			document.add(table);
		}

		private void noteRow(PdfPTable table, int n, Summary.Note note, String status) {
			cells(table, text, String.valueOf(n), labels.unitName(note.commune()), monthText(note.month()), note.text(),
					labels.unitName(note.unit()), status);
		}

		private void signatures() {
			PdfPTable table = new PdfPTable(2);
			table.setWidthPercentage(100);
			table.setSpacingBefore(18);
			table.addCell(plain("", text, Element.ALIGN_CENTER));
			table.addCell(plain(labels.text("export.signature.date", summary.date().getDayOfMonth(),
					summary.date().getMonthValue(), String.valueOf(summary.date().getYear())), text, Element.ALIGN_CENTER));
			table.addCell(plain(labels.text("export.signature.preparer") + "\n" + labels.text("export.signature.hint"),
					strong, Element.ALIGN_CENTER));
			table.addCell(plain(labels.text("export.signature.head") + "\n" + labels.text("export.signature.hint"),
					strong, Element.ALIGN_CENTER));
			document.add(table);
		}

		private PdfPTable table(String titleKey, float[] widths, String... headerKeys) {
			Paragraph title = new Paragraph(labels.text(titleKey), strong);
			title.setSpacingBefore(12);
			title.setSpacingAfter(4);
			document.add(title);
			PdfPTable table = new PdfPTable(widths);
			table.setWidthPercentage(100);
			table.setHeaderRows(1);
			for (String key : headerKeys) {
				table.addCell(new PdfPCell(new Phrase(labels.text(key), strong)));
			}
			return table;
		}

		private void cells(PdfPTable table, Font font, String... values) {
			for (String value : values) {
				table.addCell(new PdfPCell(new Phrase(value, font)));
			}
		}

		private PdfPCell plain(String value, Font font, int alignment) {
			PdfPCell cell = new PdfPCell(new Phrase(value, font));
			cell.setBorder(0);
			cell.setHorizontalAlignment(alignment);
			return cell;
		}

		private String monthText(YearMonth month) {
			return labels.text("export.monthValue", month.getMonthValue(), String.valueOf(month.getYear()));
		}

		private String number(long value) {
			return numbers.format(value);
		}

		private String share(long part, long whole) {
			return whole == 0 ? "" : percents.format((double) part / whole);
		}

	}

}
