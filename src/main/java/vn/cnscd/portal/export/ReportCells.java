package vn.cnscd.portal.export;

import java.text.NumberFormat;

import vn.cnscd.portal.export.ReportLayout.Cell;
import vn.cnscd.portal.export.ReportLayout.Count;
import vn.cnscd.portal.export.ReportLayout.Score;
import vn.cnscd.portal.export.ReportLayout.Share;
import vn.cnscd.portal.export.ReportLayout.Text;

/** A table cell as the DOCX and the PDF print it: numbers grouped and shares in per cent, as Vietnamese writes them. */
final class ReportCells {

	private ReportCells() {
	}

	static String text(Cell cell, NumberFormat counts, NumberFormat percents, NumberFormat scores) {
		if (cell instanceof Text text) {
			return text.text();
		}
		if (cell instanceof Count count) {
			return counts.format(count.value());
		}
		if (cell instanceof Share share) {
			return share.value() == null ? "" : percents.format(share.value());
		}
		return scores.format(((Score) cell).value());
	}

	/** Whether the cell is a number, aligned right. */
	static boolean numeric(Cell cell) {
		return !(cell instanceof Text);
	}

}
