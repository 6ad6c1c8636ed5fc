package vn.cnscd.portal.export;

import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFHeader;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBody;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTP;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPrGeneral;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTR;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSimpleField;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTbl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblBorders;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblCellMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTc;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STHdrFtr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STHighlightColor;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STJc;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STVerticalJc;
import org.springframework.stereotype.Component;

import vn.cnscd.portal.export.ReportLayout.Appendix;
import vn.cnscd.portal.export.ReportLayout.Block;
import vn.cnscd.portal.export.ReportLayout.Cell;
import vn.cnscd.portal.export.ReportLayout.Column;
import vn.cnscd.portal.export.ReportLayout.Heading;
import vn.cnscd.portal.export.ReportLayout.Paragraph;
import vn.cnscd.portal.export.ReportLayout.Row;
import vn.cnscd.portal.export.ReportLayout.Table;

/**
 * A report document as DOCX for the officer to edit and sign: A4 portrait, margins of Decree 30 (top and
 * bottom 20 mm, left 30 mm, right 15 mm), Times New Roman by name (the office's Word has it), body 14 pt
 * justified with a 1 cm first-line indent and 6 pt after each paragraph, the page number centred in the top
 * margin from page 2; the appendices in a landscape section after the body. Table cells take their look from
 * paragraph styles rather than properties of their own, so a province's appendix stays small in memory.
 */
@Component
class ReportDocx {

	static final String FONT = "Times New Roman";

	/** Twips: 1 mm is 56.7. */
	static final int A4_SHORT = 11906;

	static final int A4_LONG = 16838;

	static final int TOP = 1134;

	static final int BOTTOM = 1134;

	static final int LEFT = 1701;

	static final int RIGHT = 851;

	/** The landscape section's margins: the long edges take the portrait's top and bottom. */
	static final int LANDSCAPE_SIDE = 1134;

	static final int HEADER = 567;

	static final int INDENT = 567;

	private static final int PORTRAIT_WIDTH = A4_SHORT - LEFT - RIGHT;

	private static final int LANDSCAPE_WIDTH = A4_LONG - 2 * LANDSCAPE_SIDE;

	/**
	 * Lays the document out with POI but for the appendices' rows, then copies it to {@code out}, writing those
	 * rows into word/document.xml as it passes: a province's appendix never stands in memory as a tree of cells
	 * (about a kilobyte each in POI).
	 */
	void write(ReportLayout layout, OutputStream out) throws IOException {
		List<Table> streamed = new ArrayList<>();
		// stands in the skeleton for the rows of a streamed table: no text a user typed can be it
		String mark = "rows-" + UUID.randomUUID() + "-";
		ByteArrayOutputStream skeleton = new ByteArrayOutputStream();
		try (XWPFDocument document = new XWPFDocument()) {
			new Skeleton(document, streamed, mark).write(layout);
			document.write(skeleton);
		}
		ZipOutputStream zip = new ZipOutputStream(out);
		try (ZipInputStream parts = new ZipInputStream(new ByteArrayInputStream(skeleton.toByteArray()))) {
			for (ZipEntry part = parts.getNextEntry(); part != null; part = parts.getNextEntry()) {
				zip.putNextEntry(new ZipEntry(part.getName()));
				if (part.getName().equals("word/document.xml")) {
					rows(new String(parts.readAllBytes(), StandardCharsets.UTF_8), streamed, mark, zip);
				}
				else {
					parts.transferTo(zip);
				}
				zip.closeEntry();
			}
		}
		zip.finish();
	}

	/** The document's XML with each stand-in row replaced by its table's rows. */
	private static void rows(String xml, List<Table> tables, String mark, OutputStream out) throws IOException {
		Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
		RowWriter rows = new RowWriter(writer);
		int from = 0;
		for (int i = 0; i < tables.size(); i++) {
			int at = xml.indexOf(mark + i + "<", from);
			int start = xml.lastIndexOf("<w:tr>", at);
			int end = xml.indexOf("</w:tr>", at) + "</w:tr>".length();
			writer.write(xml, from, start - from);
			for (Row row : tables.get(i).rows()) {
				rows.write(row);
			}
			from = end;
		}
		writer.write(xml, from, xml.length() - from);
		writer.flush();
	}

	/** A table row as WordprocessingML, its cells styled as the tables POI lays out. */
	private static final class RowWriter {

		private final Writer out;

		private final NumberFormat counts = NumberFormat.getIntegerInstance(SummaryLabels.VIETNAMESE);

		private final NumberFormat percents = NumberFormat.getPercentInstance(SummaryLabels.VIETNAMESE);

		private final NumberFormat scores = NumberFormat.getNumberInstance(SummaryLabels.VIETNAMESE);

		RowWriter(Writer out) {
			this.out = out;
			percents.setMaximumFractionDigits(1);
			scores.setMaximumFractionDigits(1);
		}

		void write(Row row) throws IOException {
			out.write("<w:tr><w:trPr><w:cantSplit/></w:trPr>");
			for (Cell cell : row.cells()) {
				String text = ReportCells.text(cell, counts, percents, scores);
				out.write("<w:tc><w:p><w:pPr><w:pStyle w:val=\"");
				out.write(style(row.total(), ReportCells.numeric(cell)));
				out.write("\"/></w:pPr>");
				if (!text.isEmpty()) {
					out.write("<w:r><w:t xml:space=\"preserve\">");
					XmlText.escape(out, text);
					out.write("</w:t></w:r>");
				}
				out.write("</w:p></w:tc>");
			}
			out.write("</w:tr>");
		}

	}

	static String style(boolean total, boolean number) {
		return total ? (number ? "CellTotalNumber" : "CellTotal") : (number ? "CellNumber" : "CellText");
	}

	private static final class Skeleton {

		private final XWPFDocument document;

		private final CTBody body;

		private final NumberFormat counts = NumberFormat.getIntegerInstance(SummaryLabels.VIETNAMESE);

		private final NumberFormat percents = NumberFormat.getPercentInstance(SummaryLabels.VIETNAMESE);

		private final NumberFormat scores = NumberFormat.getNumberInstance(SummaryLabels.VIETNAMESE);

		private final List<Table> streamed;

		private final String mark;

		Skeleton(XWPFDocument document, List<Table> streamed, String mark) {
			this.document = document;
			this.streamed = streamed;
			this.mark = mark;
			this.body = document.getDocument().getBody();
			percents.setMaximumFractionDigits(1);
			scores.setMaximumFractionDigits(1);
		}

		void write(ReportLayout layout) {
			styles();
			XWPFHeader numbered = document.createHeader(HeaderFooterType.DEFAULT);
			pageNumber(numbered.createParagraph());
			document.createHeader(HeaderFooterType.FIRST).createParagraph();
			top(layout.top());
			title(layout.title());
			for (Block block : layout.body()) {
				block(block);
			}
			signature(layout.signature());
			// the body's section ends here: portrait, no number on its first page
			CTSectPr portrait = CTSectPr.Factory.newInstance();
			portrait.set(body.getSectPr());
			page(portrait, false);
			if (!portrait.isSetTitlePg()) {
				portrait.addNewTitlePg();
			}
			document.createParagraph().getCTP().addNewPPr().setSectPr(portrait);
			// the appendices' section, the document's last: landscape, numbered on every page
			CTSectPr landscape = body.getSectPr();
			landscape.getHeaderReferenceList().removeIf(reference -> reference.getType() == STHdrFtr.FIRST);
			if (landscape.isSetTitlePg()) {
				landscape.unsetTitlePg();
			}
			page(landscape, true);
			for (int i = 0; i < layout.appendices().size(); i++) {
				appendix(layout.appendices().get(i), i > 0);
			}
		}

		private void page(CTSectPr section, boolean landscape) {
			CTPageSz size = section.isSetPgSz() ? section.getPgSz() : section.addNewPgSz();
			size.setW(BigInteger.valueOf(landscape ? A4_LONG : A4_SHORT));
			size.setH(BigInteger.valueOf(landscape ? A4_SHORT : A4_LONG));
			if (landscape) {
				size.setOrient(STPageOrientation.LANDSCAPE);
			}
			CTPageMar margins = section.isSetPgMar() ? section.getPgMar() : section.addNewPgMar();
			margins.setTop(BigInteger.valueOf(TOP));
			margins.setBottom(BigInteger.valueOf(BOTTOM));
			margins.setLeft(BigInteger.valueOf(landscape ? LANDSCAPE_SIDE : LEFT));
			margins.setRight(BigInteger.valueOf(landscape ? LANDSCAPE_SIDE : RIGHT));
			margins.setHeader(BigInteger.valueOf(HEADER));
			margins.setFooter(BigInteger.valueOf(HEADER));
			margins.setGutter(BigInteger.ZERO);
		}

		/** Times New Roman 14 pt for everything, and the styles of table cells. */
		private void styles() {
			XWPFStyles styles = document.createStyles();
			CTFonts fonts = CTFonts.Factory.newInstance();
			fonts.setAscii(FONT);
			fonts.setHAnsi(FONT);
			fonts.setCs(FONT);
			fonts.setEastAsia(FONT);
			styles.setDefaultFonts(fonts);
			tableStyle(styles, "CellText", STJc.LEFT, false);
			tableStyle(styles, "CellNumber", STJc.RIGHT, false);
			tableStyle(styles, "CellTotal", STJc.LEFT, true);
			tableStyle(styles, "CellTotalNumber", STJc.RIGHT, true);
			tableStyle(styles, "CellHeader", STJc.CENTER, true);
		}

		private static void tableStyle(XWPFStyles styles, String id, STJc.Enum alignment, boolean bold) {
			CTStyle style = CTStyle.Factory.newInstance();
			style.setStyleId(id);
			style.setType(STStyleType.PARAGRAPH);
			style.addNewName().setVal(id);
			CTPPrGeneral paragraph = style.addNewPPr();
			paragraph.addNewJc().setVal(alignment);
			paragraph.addNewSpacing().setAfter(BigInteger.ZERO);
			paragraph.getSpacing().setBefore(BigInteger.ZERO);
			CTRPr run = style.addNewRPr();
			fonts(run.addNewRFonts());
			run.addNewSz().setVal(BigInteger.valueOf(24));
			run.addNewSzCs().setVal(BigInteger.valueOf(24));
			if (bold) {
				run.addNewB();
			}
			styles.addStyle(new XWPFStyle(style));
		}

		private static void fonts(CTFonts fonts) {
			fonts.setAscii(FONT);
			fonts.setHAnsi(FONT);
			fonts.setCs(FONT);
			fonts.setEastAsia(FONT);
		}

		private void pageNumber(XWPFParagraph paragraph) {
			paragraph.setAlignment(ParagraphAlignment.CENTER);
			CTSimpleField field = paragraph.getCTP().addNewFldSimple();
			field.setInstr("PAGE");
			CTR run = field.addNewR();
			CTRPr properties = run.addNewRPr();
			fonts(properties.addNewRFonts());
			properties.addNewSz().setVal(BigInteger.valueOf(28));
			run.addNewT().setStringValue("2");
		}

		// ---- the parts ----

		private void top(ReportLayout.Top top) {
			CTTbl table = borderless(new float[] { 4, 6 }, PORTRAIT_WIDTH);
			CTRow row = table.addNewTr();
			CTTc left = cell(row, table, 0);
			if (top.superior() != null) {
				centred(left.addNewP(), top.superior(), 13, false, false);
			}
			centred(left.addNewP(), top.issuer(), 13, true, false);
			rule(left.addNewP(), 1300);
			centred(left.addNewP(), top.number(), 13, false, false);
			CTTc right = cell(row, table, 1);
			centred(right.addNewP(), top.nation(), 13, true, false);
			centred(right.addNewP(), top.motto(), 14, true, false);
			rule(right.addNewP(), 1000);
			centred(right.addNewP(), top.placeDate(), 14, false, true);
		}

		private void title(ReportLayout.Title title) {
			XWPFParagraph kind = document.createParagraph();
			kind.setAlignment(ParagraphAlignment.CENTER);
			kind.setSpacingBefore(360);
			run(kind, title.kind(), 14).setBold(true);
			XWPFParagraph summary = document.createParagraph();
			summary.setAlignment(ParagraphAlignment.CENTER);
			run(summary, title.summary(), 14).setBold(true);
			rule(document.createParagraph().getCTP(), 3200);
		}

		private void block(Block block) {
			if (block instanceof Heading heading) {
				XWPFParagraph paragraph = bodyParagraph();
				paragraph.setKeepNext(true);
				run(paragraph, heading.text(), 14).setBold(true);
			}
			else if (block instanceof Paragraph paragraph) {
				XWPFRun run = run(bodyParagraph(), paragraph.text(), 14);
				switch (paragraph.style()) {
					case LEAD -> run.setBold(true);
					case NOTE -> run.setItalic(true);
					case DRAFT -> {
						run.setItalic(true);
						run.getCTR().getRPr().addNewHighlight().setVal(STHighlightColor.YELLOW);
					}
					case BODY -> {
						// as the paragraph sets it
					}
				}
			}
			else if (block instanceof Table table) {
				table(table, PORTRAIT_WIDTH, false);
			}
		}

		private void signature(ReportLayout.Signature signature) {
			CTTbl table = borderless(new float[] { 45, 55 }, PORTRAIT_WIDTH);
			CTRow row = table.addNewTr();
			CTTc left = cell(row, table, 0);
			CTP heading = left.addNewP();
			CTR title = text(heading, signature.recipientsTitle(), 12);
			title.getRPr().addNewB();
			title.getRPr().addNewI();
			for (String recipient : signature.recipients()) {
				text(left.addNewP(), recipient, 11);
			}
			CTTc right = cell(row, table, 1);
			if (signature.authority() != null) {
				centred(right.addNewP(), signature.authority(), 14, true, false);
			}
			centred(right.addNewP(), signature.title(), 14, true, false);
			for (int i = 0; i < 4; i++) {
				right.addNewP();
			}
			if (signature.name() != null) {
				centred(right.addNewP(), signature.name(), 14, true, false);
			}
		}

		private void appendix(Appendix appendix, boolean newPage) {
			XWPFParagraph number = document.createParagraph();
			number.setAlignment(ParagraphAlignment.CENTER);
			number.setPageBreak(newPage);
			run(number, appendix.number(), 14).setBold(true);
			XWPFParagraph title = document.createParagraph();
			title.setAlignment(ParagraphAlignment.CENTER);
			run(title, appendix.title(), 14).setBold(true);
			XWPFParagraph subtitle = document.createParagraph();
			subtitle.setAlignment(ParagraphAlignment.CENTER);
			subtitle.setSpacingAfter(120);
			run(subtitle, appendix.subtitle(), 13).setItalic(true);
			table(appendix.table(), LANDSCAPE_WIDTH, true);
		}

		/**
		 * A table with a border on every cell and its header row repeated on each page; the rows of a streamed
		 * one are a stand-in row until the document is copied out.
		 */
		private void table(Table table, int width, boolean streaming) {
			List<Column> columns = table.columns();
			float[] shares = new float[columns.size()];
			for (int i = 0; i < shares.length; i++) {
				shares[i] = columns.get(i).width();
			}
			CTTbl written = body.addNewTbl();
			CTTblPr properties = written.addNewTblPr();
			widthOf(properties, width);
			properties.addNewTblLayout().setType(STTblLayoutType.FIXED);
			CTTblBorders borders = properties.addNewTblBorders();
			for (CTBorder border : List.of(borders.addNewTop(), borders.addNewBottom(), borders.addNewLeft(),
					borders.addNewRight(), borders.addNewInsideH(), borders.addNewInsideV())) {
				border.setVal(STBorder.SINGLE);
				border.setSz(BigInteger.valueOf(4));
				border.setColor("000000");
			}
			margins(properties.addNewTblCellMar());
			grid(written, shares, width);
			CTRow header = written.addNewTr();
			header.addNewTrPr().addNewTblHeader();
			for (int i = 0; i < columns.size(); i++) {
				CTTc cell = header.addNewTc();
				cell.addNewTcPr().addNewVAlign().setVal(STVerticalJc.CENTER);
				styled(cell.addNewP(), "CellHeader", columns.get(i).title());
			}
			if (streaming) {
				written.addNewTr().addNewTc().addNewP().addNewR().addNewT().setStringValue(mark + streamed.size());
				streamed.add(table);
			}
			else {
				for (Row row : table.rows()) {
					CTRow line = written.addNewTr();
					line.addNewTrPr().addNewCantSplit();
					for (Cell cell : row.cells()) {
						styled(line.addNewTc().addNewP(), style(row.total(), ReportCells.numeric(cell)), format(cell));
					}
				}
			}
			// a paragraph after a table, as Word keeps one, so that the next table does not join it
			document.createParagraph();
		}

		private String format(Cell cell) {
			return ReportCells.text(cell, counts, percents, scores);
		}

		private static void styled(CTP paragraph, String style, String text) {
			paragraph.addNewPPr().addNewPStyle().setVal(style);
			if (!text.isEmpty()) {
				paragraph.addNewR().addNewT().setStringValue(text);
			}
		}

		private CTTbl borderless(float[] shares, int width) {
			CTTbl table = body.addNewTbl();
			CTTblPr properties = table.addNewTblPr();
			widthOf(properties, width);
			properties.addNewTblLayout().setType(STTblLayoutType.FIXED);
			CTTblBorders borders = properties.addNewTblBorders();
			for (CTBorder border : List.of(borders.addNewTop(), borders.addNewBottom(), borders.addNewLeft(),
					borders.addNewRight(), borders.addNewInsideH(), borders.addNewInsideV())) {
				border.setVal(STBorder.NIL);
			}
			grid(table, shares, width);
			return table;
		}

		private static void widthOf(CTTblPr properties, int width) {
			properties.addNewTblW().setW(BigInteger.valueOf(width));
			properties.getTblW().setType(STTblWidth.DXA);
		}

		private static void margins(CTTblCellMar margins) {
			for (var side : List.of(margins.addNewTop(), margins.addNewBottom())) {
				side.setW(BigInteger.valueOf(40));
				side.setType(STTblWidth.DXA);
			}
			for (var side : List.of(margins.addNewLeft(), margins.addNewRight())) {
				side.setW(BigInteger.valueOf(80));
				side.setType(STTblWidth.DXA);
			}
		}

		private static void grid(CTTbl table, float[] shares, int width) {
			float sum = 0;
			for (float share : shares) {
				sum += share;
			}
			CTTblGrid grid = table.addNewTblGrid();
			for (float share : shares) {
				grid.addNewGridCol().setW(BigInteger.valueOf(Math.round(width * share / sum)));
			}
		}

		private static CTTc cell(CTRow row, CTTbl table, int column) {
			CTTc cell = row.addNewTc();
			CTTcPr properties = cell.addNewTcPr();
			properties.addNewTcW().setW(table.getTblGrid().getGridColArray(column).getW());
			properties.getTcW().setType(STTblWidth.DXA);
			return cell;
		}

		/** A short line under a heading, drawn as the bottom border of an empty paragraph indented both sides. */
		private static void rule(CTP paragraph, int indent) {
			CTPPr properties = paragraph.addNewPPr();
			properties.addNewSpacing().setAfter(BigInteger.valueOf(60));
			properties.getSpacing().setBefore(BigInteger.ZERO);
			properties.getSpacing().setLine(BigInteger.valueOf(120));
			properties.addNewInd().setLeft(BigInteger.valueOf(indent));
			properties.getInd().setRight(BigInteger.valueOf(indent));
			CTBorder line = properties.addNewPBdr().addNewBottom();
			line.setVal(STBorder.SINGLE);
			line.setSz(BigInteger.valueOf(6));
			line.setColor("000000");
		}

		private static void centred(CTP paragraph, String text, int points, boolean bold, boolean italic) {
			CTPPr properties = paragraph.addNewPPr();
			properties.addNewJc().setVal(STJc.CENTER);
			properties.addNewSpacing().setAfter(BigInteger.ZERO);
			CTR run = text(paragraph, text, points);
			if (bold) {
				run.getRPr().addNewB();
			}
			if (italic) {
				run.getRPr().addNewI();
			}
		}

		private static CTR text(CTP paragraph, String text, int points) {
			CTR run = paragraph.addNewR();
			CTRPr properties = run.addNewRPr();
			fonts(properties.addNewRFonts());
			properties.addNewSz().setVal(BigInteger.valueOf(points * 2L));
			properties.addNewSzCs().setVal(BigInteger.valueOf(points * 2L));
			run.addNewT().setStringValue(text);
			return run;
		}

		/** A paragraph of the body: justified, the first line indented 1 cm, 6 pt after it. */
		private XWPFParagraph bodyParagraph() {
			XWPFParagraph paragraph = document.createParagraph();
			paragraph.setAlignment(ParagraphAlignment.BOTH);
			paragraph.setIndentationFirstLine(INDENT);
			paragraph.setSpacingBefore(0);
			paragraph.setSpacingAfter(120);
			return paragraph;
		}

		private static XWPFRun run(XWPFParagraph paragraph, String text, int points) {
			XWPFRun run = paragraph.createRun();
			run.setFontFamily(FONT);
			run.setFontSize(points);
			run.setText(text);
			return run;
		}

	}

}
