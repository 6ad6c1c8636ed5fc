package vn.cnscd.portal.export;

import java.util.List;

/**
 * A report document laid out in the parts of Decree 30/2020/NĐ-CP, Appendix I, whatever the format: the top
 * block, the title, the body's blocks, the signature block and the appendices. The DOCX and the PDF lay out
 * the same parts alike, and the XLSX holds the appendices' tables, so the three say the same. A table's rows
 * are produced as they are read, never all held: a province's appendix streams.
 */
record ReportLayout(Top top, Title title, List<Block> body, Signature signature, List<Appendix> appendices) {

	/** The issuing body (its superior, if any, above it), "Số: .../BC-...", the national heading, place and date. */
	record Top(String superior, String issuer, String number, String nation, String motto, String placeDate) {
	}

	/** "BÁO CÁO" and the line that says what of. */
	record Title(String kind, String summary) {
	}

	sealed interface Block permits Heading, Paragraph, Table {
	}

	/** Level 1: "I. TÌNH HÌNH TỔ CHỨC"; level 2: "1. Tổ Công nghệ số cộng đồng". */
	record Heading(int level, String text) implements Block {
	}

	record Paragraph(String text, Style style) implements Block {
	}

	enum Style {

		/** Justified, the first line indented. */
		BODY,
		/** A group's lead-in, bold. */
		LEAD,
		/** Said of the figures themselves (a period under way), in italics. */
		NOTE,
		/** For the officer to write before signing, marked so that it cannot go out as it is. */
		DRAFT

	}

	/**
	 * Columns and rows; the header row repeats on each page a table spans. The rows are made as they are read, and
	 * may be read again (the XLSX reads them once for its column widths).
	 */
	record Table(List<Column> columns, Iterable<Row> rows) implements Block {
	}

	/** A column's title and its share of the table's width. */
	record Column(String title, float width) {
	}

	/** A row; a total row is set in bold. */
	record Row(List<Cell> cells, boolean total) {

		static Row of(Cell... cells) {
			return new Row(List.of(cells), false);
		}

		static Row totalOf(Cell... cells) {
			return new Row(List.of(cells), true);
		}

	}

	/** A table's cell: text, or a number the writers align right and format as Vietnamese does. */
	sealed interface Cell permits Text, Count, Share, Score {
	}

	record Text(String text) implements Cell {
	}

	/** A whole number: 1.234. */
	record Count(long value) implements Cell {
	}

	/** A share, 1 for 100 %: 87,5%; blank where there is nothing to divide by. */
	record Share(Double value) implements Cell {
	}

	/** A score with one decimal: 76,9. */
	record Score(double value) implements Cell {
	}

	/** "Nơi nhận" and its lines on the left, the signer's authority, title and name on the right. */
	record Signature(String recipientsTitle, List<String> recipients, String authority, String title, String name) {
	}

	/** "Phụ lục I", its title, "(Kèm theo Báo cáo số ...)", and its table, on landscape pages. */
	record Appendix(String number, String title, String subtitle, Table table) {
	}

}
