package vn.cnscd.portal.team;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.stereotype.Component;

import vn.cnscd.portal.area.UnitSummary;
import vn.cnscd.portal.team.RosterOverview.CommuneRoster;
import vn.cnscd.portal.team.RosterOverview.DistrictRoster;
import vn.cnscd.portal.team.RosterOverview.VillageRow;

/**
 * The rosters of a commune or of a district as one XLSX sheet with Vietnamese headers: a line per active
 * member of each active team, commune teams included; a team without members, and a unit without a team,
 * get a line of their own so that nothing missing goes unseen. Rows are streamed (SXSSF), so a whole
 * district's rosters never sit in memory at once.
 */
@Component
class RosterExport {

	private static final List<String> HEADER_KEYS = List.of("commune", "villageCode", "village", "team", "teamStatus",
			"fullName", "gender", "birthYear", "phone", "role", "affiliation", "joinedOn");

	private static final int[] WIDTHS = { 22, 12, 20, 44, 50, 26, 10, 10, 15, 14, 32, 14 };

	private static final int ROWS_IN_MEMORY = 100;

	private final RosterLabels labels;

	RosterExport(RosterLabels labels) {
		this.labels = labels;
	}

	/** A commune's part of the export: its own team and its villages with theirs. */
	record Section(UnitSummary commune, TeamRoster communeTeam, List<VillageRow> villages) {

		static List<Section> of(CommuneRoster roster) {
			return List.of(new Section(roster.commune(), roster.communeTeam(), roster.villages()));
		}

		static List<Section> of(DistrictRoster roster) {
			return roster.communes()
				.stream()
				.map(row -> new Section(row.commune(), row.communeTeam(), row.villages()))
				.toList();
		}

	}

	/** "danh-sach-to-cnscd-xa-dai-son.xlsx". */
	String fileName(UnitSummary unit) {
		return Downloads.fileName(labels.text("rosterFile.fileName.export", RosterLabels.unitName(unit)), "xlsx");
	}

	void write(List<Section> sections, OutputStream out) throws IOException {
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(ROWS_IN_MEMORY)) {
			try {
				new SheetWriter(workbook).write(sections);
				workbook.write(out);
			}
			finally {
				workbook.dispose();
			}
		}
	}

	private final class SheetWriter {

		private final Sheet sheet;

		private final CellStyle date;

		private int next;

		SheetWriter(SXSSFWorkbook workbook) {
			this.sheet = workbook.createSheet(labels.text("rosterFile.sheet.export"));
			this.date = workbook.createCellStyle();
			date.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy"));
			CellStyle header = workbook.createCellStyle();
			Font bold = workbook.createFont();
			bold.setBold(true);
			header.setFont(bold);
			Row row = sheet.createRow(next++);
			for (int i = 0; i < HEADER_KEYS.size(); i++) {
				sheet.setColumnWidth(i, WIDTHS[i] * 256);
				Cell cell = row.createCell(i);
				cell.setCellValue(labels.text("rosterFile.header." + HEADER_KEYS.get(i)));
				cell.setCellStyle(header);
			}
		}

		void write(List<Section> sections) {
			for (Section section : sections) {
				unit(section.commune(), null, section.communeTeam() == null ? List.of() : List.of(section.communeTeam()));
				for (VillageRow village : section.villages()) {
					unit(section.commune(), village.village(), village.teams());
				}
			}
			sheet.createFreezePane(0, 1);
			sheet.setAutoFilter(new CellRangeAddress(0, next - 1, 0, HEADER_KEYS.size() - 1));
		}

		private void unit(UnitSummary commune, UnitSummary village, List<TeamRoster> teams) {
			if (teams.isEmpty()) {
				text(place(commune, village), 4, labels.text("rosterFile.status.noTeam"));
			}
			for (TeamRoster roster : teams) {
				if (roster.activeMembers().isEmpty()) {
					team(place(commune, village), roster);
				}
				for (MemberSummary member : roster.activeMembers()) {
					Row row = team(place(commune, village), roster);
					text(row, 5, member.fullName());
					text(row, 6, labels.label(member.gender()));
					if (member.birthYear() != null) {
						row.createCell(7).setCellValue(member.birthYear());
					}
					text(row, 8, member.phoneDisplay());
					text(row, 9, labels.label(member.role()));
					text(row, 10, labels.label(member.affiliation()));
					Cell joined = row.createCell(11);
					joined.setCellValue(member.joinedOn());
					joined.setCellStyle(date);
				}
			}
		}

		/** A new line starting with where the team is: the commune, and the village for a village team. */
		private Row place(UnitSummary commune, UnitSummary village) {
			Row row = sheet.createRow(next++);
			text(row, 0, RosterLabels.unitName(commune));
			if (village != null) {
				text(row, 1, village.code());
				text(row, 2, RosterLabels.unitName(village));
			}
			return row;
		}

		private Row team(Row row, TeamRoster roster) {
			text(row, 3, roster.team().name());
			text(row, 4, status(roster));
			return row;
		}

		private String status(TeamRoster roster) {
			if (roster.complete()) {
				return labels.text("rosterFile.status.complete");
			}
			String reasons = roster.problems()
				.stream()
				.map(problem -> labels.text(problem.getCodes()[0], problem.getArguments()))
				.collect(Collectors.joining(" "));
			return labels.text("rosterFile.status.incomplete", reasons);
		}

		private void text(Row row, int column, String text) {
			if (text != null) {
				row.createCell(column).setCellValue(CellText.safe(text));
			}
		}

	}

}
