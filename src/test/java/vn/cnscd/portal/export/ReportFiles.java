package vn.cnscd.portal.export;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;

/** Report files opened as their readers would: the DOCX with POI, the PDF with PDFBox. */
final class ReportFiles {

	private ReportFiles() {
	}

	static XWPFDocument docx(byte[] content) throws IOException {
		return new XWPFDocument(new ByteArrayInputStream(content));
	}

	/** The paragraphs and tables of the body's section, the portrait one before the appendices. */
	static List<IBodyElement> body(XWPFDocument document) {
		List<IBodyElement> body = new ArrayList<>();
		for (IBodyElement element : document.getBodyElements()) {
			if (element instanceof XWPFParagraph paragraph && paragraph.getCTP().getPPr() != null
					&& paragraph.getCTP().getPPr().getSectPr() != null) {
				return body;
			}
			body.add(element);
		}
		throw new AssertionError("no section break after the body");
	}

	/** The elements after the body's section break: the appendices. */
	static List<IBodyElement> appendices(XWPFDocument document) {
		List<IBodyElement> all = document.getBodyElements();
		return all.subList(body(document).size() + 1, all.size());
	}

	/** The body's paragraphs outside tables, in order. */
	static List<XWPFParagraph> paragraphs(List<IBodyElement> elements) {
		return elements.stream().filter(XWPFParagraph.class::isInstance).map(XWPFParagraph.class::cast).toList();
	}

	static List<String> texts(List<IBodyElement> elements) {
		return paragraphs(elements).stream().map(XWPFParagraph::getText).filter(text -> !text.isEmpty()).toList();
	}

	static List<XWPFTable> tables(List<IBodyElement> elements) {
		return elements.stream().filter(XWPFTable.class::isInstance).map(XWPFTable.class::cast).toList();
	}

	/** The text of each page of a PDF. */
	static List<String> pages(PDDocument pdf) throws IOException {
		List<String> pages = new ArrayList<>();
		PDFTextStripper stripper = new PDFTextStripper();
		stripper.setSortByPosition(true);
		for (int page = 1; page <= pdf.getNumberOfPages(); page++) {
			stripper.setStartPage(page);
			stripper.setEndPage(page);
			pages.add(stripper.getText(pdf));
		}
		return pages;
	}

	static PDDocument pdf(byte[] content) throws IOException {
		return Loader.loadPDF(content);
	}

	static String flat(String text) {
		return text.replaceAll("\\s+", "");
	}

}
