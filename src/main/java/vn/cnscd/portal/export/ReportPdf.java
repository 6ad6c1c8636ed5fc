package vn.cnscd.portal.export;

import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.text.NumberFormat;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfWriter;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import vn.cnscd.portal.export.ReportLayout.Appendix;
import vn.cnscd.portal.export.ReportLayout.Block;
import vn.cnscd.portal.export.ReportLayout.Cell;
import vn.cnscd.portal.export.ReportLayout.Column;
import vn.cnscd.portal.export.ReportLayout.Heading;
import vn.cnscd.portal.export.ReportLayout.Row;
import vn.cnscd.portal.export.ReportLayout.Table;

/**
 * A report document as PDF, laid out as the DOCX: A4 portrait with the margins of Decree 30, the page number
 * centred in the top margin from page 2, the appendices on landscape pages. Liberation Serif (metrically the
 * Times New Roman of the DOCX, from the portal's own resources with its licence, fonts/) is embedded: the
 * built-in PDF fonts have no Vietnamese letters, and offices print where no font is installed. Tables repeat
 * their header row on each page and are written out a slice at a time, so a province's appendix is never
 * held whole.
 */
@Component
class ReportPdf {

	/** Rows a table gathers before they are laid out on pages and let go. */
	private static final int ROWS_AT_ONCE = 200;

	private static final float MM = 72 / 25.4f;

	private final BaseFont regular;

	private final BaseFont bold;

	private final BaseFont italic;

	private final BaseFont boldItalic;

	ReportPdf() {
		this.regular = font("fonts/LiberationSerif-Regular.ttf");
		this.bold = font("fonts/LiberationSerif-Bold.ttf");
		this.italic = font("fonts/LiberationSerif-Italic.ttf");
		this.boldItalic = font("fonts/LiberationSerif-BoldItalic.ttf");
	}

	private static BaseFont font(String path) {
		try (InputStream in = new ClassPathResource(path).getInputStream()) {
			return BaseFont.createFont(path, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, in.readAllBytes(), null);
		}
		catch (IOException missing) {
			throw new UncheckedIOException(missing);
		}
	}

	void write(ReportLayout layout, OutputStream out) {
		Document document = new Document(PageSize.A4, ReportDocx.LEFT / 20f, ReportDocx.RIGHT / 20f,
				ReportDocx.TOP / 20f, ReportDocx.BOTTOM / 20f);
		PdfWriter writer = PdfWriter.getInstance(document, out);
		writer.setPageEvent(new PageNumbers(new Font(regular, 13)));
		document.addTitle(layout.title().kind() + " " + layout.title().summary());
		document.open();
		new Writer(document).write(layout);
		document.close();
	}

	/** The page number, centred in the top margin, from page 2 on. */
	private static final class PageNumbers extends PdfPageEventHelper {

		private final Font font;

		private Rectangle page;

		PageNumbers(Font font) {
			this.font = font;
		}

		@Override
		public void onStartPage(PdfWriter writer, Document document) {
			// the size of the page begun, which a change of orientation for the next page does not alter
			page = new Rectangle(document.getPageSize());
		}

		@Override
		public void onEndPage(PdfWriter writer, Document document) {
			if (writer.getPageNumber() > 1) {
				ColumnText.showTextAligned(writer.getDirectContent(), Element.ALIGN_CENTER,
						new Phrase(String.valueOf(writer.getPageNumber()), font), page.getWidth() / 2,
						page.getHeight() - 12 * MM, 0);
			}
		}

	}

	private final class Writer {

		private final Document document;

		private final NumberFormat counts = NumberFormat.getIntegerInstance(SummaryLabels.VIETNAMESE);

		private final NumberFormat percents = NumberFormat.getPercentInstance(SummaryLabels.VIETNAMESE);

		private final NumberFormat scores = NumberFormat.getNumberInstance(SummaryLabels.VIETNAMESE);

		Writer(Document document) {
			this.document = document;
			percents.setMaximumFractionDigits(1);
			scores.setMaximumFractionDigits(1);
		}

		void write(ReportLayout layout) {
			top(layout.top());
			title(layout.title());
			for (Block block : layout.body()) {
				block(block);
			}
			signature(layout.signature());
			// a landscape page as its media box, not a portrait one turned: printers and readers agree on it
			document.setPageSize(new Rectangle(PageSize.A4.getHeight(), PageSize.A4.getWidth()));
			document.setMargins(ReportDocx.LANDSCAPE_SIDE / 20f, ReportDocx.LANDSCAPE_SIDE / 20f, ReportDocx.TOP / 20f,
					ReportDocx.BOTTOM / 20f);
			for (Appendix appendix : layout.appendices()) {
				document.newPage();
				appendix(appendix);
			}
		}

		private void top(ReportLayout.Top top) {
			PdfPTable table = new PdfPTable(new float[] { 4, 6 });
			table.setWidthPercentage(100);
			PdfPCell left = plain();
			if (top.superior() != null) {
				left.addElement(centred(top.superior(), new Font(regular, 13)));
			}
			left.addElement(centred(top.issuer(), new Font(bold, 13)));
			left.addElement(rule(30));
			left.addElement(centred(top.number(), new Font(regular, 13)));
			table.addCell(left);
			PdfPCell right = plain();
			right.addElement(centred(top.nation(), new Font(bold, 13)));
			right.addElement(centred(top.motto(), new Font(bold, 14)));
			right.addElement(rule(52));
			right.addElement(centred(top.placeDate(), new Font(italic, 14)));
			table.addCell(right);
			document.add(table);
		}

		private void title(ReportLayout.Title title) {
			Paragraph kind = centred(title.kind(), new Font(bold, 14));
			kind.setSpacingBefore(18);
			document.add(kind);
			document.add(centred(title.summary(), new Font(bold, 14)));
			document.add(rule(30));
		}

		private void block(Block block) {
			if (block instanceof Heading heading) {
				document.add(body(new Phrase(heading.text(), new Font(bold, 14))));
			}
			else if (block instanceof ReportLayout.Paragraph paragraph) {
				Chunk text = switch (paragraph.style()) {
					case LEAD -> new Chunk(paragraph.text(), new Font(bold, 14));
					case NOTE -> new Chunk(paragraph.text(), new Font(italic, 14));
					case DRAFT -> new Chunk(paragraph.text(), new Font(italic, 14)).setBackground(new Color(255, 240, 120));
					case BODY -> new Chunk(paragraph.text(), new Font(regular, 14));
				};
				document.add(body(new Phrase(text)));
			}
			else if (block instanceof Table table) {
				table(table, 12);
			}
		}

		private void signature(ReportLayout.Signature signature) {
			PdfPTable table = new PdfPTable(new float[] { 45, 55 });
			table.setWidthPercentage(100);
			table.setSpacingBefore(12);
			table.setKeepTogether(true);
			PdfPCell left = plain();
			left.addElement(new Paragraph(signature.recipientsTitle(), new Font(boldItalic, 12)));
			for (String recipient : signature.recipients()) {
				Paragraph line = new Paragraph(recipient, new Font(regular, 11));
				line.setLeading(0, 1.15f);
				left.addElement(line);
			}
			table.addCell(left);
			PdfPCell right = plain();
			if (signature.authority() != null) {
				right.addElement(centred(signature.authority(), new Font(bold, 14)));
			}
			right.addElement(centred(signature.title(), new Font(bold, 14)));
			Paragraph space = new Paragraph(" ", new Font(regular, 14));
			space.setSpacingAfter(56);
			right.addElement(space);
			if (signature.name() != null) {
				right.addElement(centred(signature.name(), new Font(bold, 14)));
			}
			table.addCell(right);
			document.add(table);
		}

		private void appendix(Appendix appendix) {
			document.add(centred(appendix.number(), new Font(bold, 14)));
			document.add(centred(appendix.title(), new Font(bold, 14)));
			Paragraph subtitle = centred(appendix.subtitle(), new Font(italic, 13));
			subtitle.setSpacingAfter(8);
			document.add(subtitle);
			table(appendix.table(), 10);
		}

		/** Bordered cells with room around their text, numbers on the right, the header on every page. */
		private void table(Table table, float size) {
			float[] widths = new float[table.columns().size()];
			for (int i = 0; i < widths.length; i++) {
				widths[i] = table.columns().get(i).width();
			}
			PdfPTable written = new PdfPTable(widths);
			written.setWidthPercentage(100);
			written.setHeaderRows(1);
			written.setSpacingBefore(4);
			written.setSpacingAfter(8);
			written.setComplete(false);
			Font header = new Font(bold, size);
			for (Column column : table.columns()) {
				PdfPCell cell = cell(column.title(), header, Element.ALIGN_CENTER);
				cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
				cell.setBackgroundColor(new Color(235, 235, 235));
				written.addCell(cell);
			}
			Font text = new Font(regular, size);
			Font strong = new Font(bold, size);
			int rows = 0;
			for (Row row : table.rows()) {
				for (Cell cell : row.cells()) {
					written.addCell(cell(ReportCells.text(cell, counts, percents, scores), row.total() ? strong : text,
							ReportCells.numeric(cell) ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT));
				}
				if (++rows % ROWS_AT_ONCE == 0) {
					document.add(written);
				}
			}
			written.setComplete(true);
			document.add(written);
		}

		private PdfPCell cell(String text, Font font, int alignment) {
			PdfPCell cell = new PdfPCell(new Phrase(text, font));
			cell.setHorizontalAlignment(alignment);
			cell.setPaddingTop(2.5f);
			cell.setPaddingBottom(4);
			cell.setPaddingLeft(4);
			cell.setPaddingRight(4);
			cell.setBorderWidth(0.5f);
			return cell;
		}

		private PdfPCell plain() {
			PdfPCell cell = new PdfPCell();
			cell.setBorder(Rectangle.NO_BORDER);
			cell.setPadding(0);
			return cell;
		}

		private Paragraph centred(String text, Font font) {
			Paragraph paragraph = new Paragraph(text, font);
			paragraph.setAlignment(Element.ALIGN_CENTER);
			paragraph.setLeading(0, 1.15f);
			return paragraph;
		}

		/**
		 * A short line under a heading, a share of the width it stands in: the bottom border of an empty cell,
		 * which needs no glyph of any font.
		 */
		private PdfPTable rule(float percent) {
			PdfPTable rule = new PdfPTable(1);
			rule.setWidthPercentage(percent);
			rule.setSpacingBefore(1);
			rule.setSpacingAfter(4);
			PdfPCell line = new PdfPCell();
			line.setBorder(Rectangle.BOTTOM);
			line.setBorderWidthBottom(0.6f);
			line.setFixedHeight(2);
			rule.addCell(line);
			return rule;
		}

		/** Justified, the first line indented 1 cm, 6 pt after. */
		private Paragraph body(Phrase phrase) {
			Paragraph paragraph = new Paragraph(phrase);
			paragraph.setAlignment(Element.ALIGN_JUSTIFIED);
			paragraph.setFirstLineIndent(10 * MM);
			paragraph.setLeading(0, 1.2f);
			paragraph.setSpacingAfter(6);
			return paragraph;
		}

	}

}
