package vn.cnscd.portal.team;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

import vn.cnscd.portal.account.AccountService;
import vn.cnscd.portal.account.PortalUser;
import vn.cnscd.portal.area.Actor;
import vn.cnscd.portal.area.UnitDraft;
import vn.cnscd.portal.area.UnitKind;
import vn.cnscd.portal.area.UnitLevel;
import vn.cnscd.portal.area.UnitService;
import vn.cnscd.portal.area.UnitSummary;

/**
 * A commune of its own under the demo district, for a test that imports for real and commits: its villages
 * ("Khu dân cư 1" …) and its chair, made by the officer the first time and found after that. A test
 * that shares its database with others deletes it afterwards, with all it holds: tests elsewhere count the
 * district's communes.
 */
record ImportCommune(UnitSummary commune, List<UnitSummary> villages, String chair) {

	static ImportCommune make(UnitService units, AccountService accounts, UserDetailsService users, JdbcClient jdbc,
			String code, int villageCount, String passwordHash) {
		String chair = "chair." + code.toLowerCase();
		UnitSummary commune = units.findOpen(UnitLevel.COMMUNE, code).orElse(null);
		if (commune == null) {
			Actor district = accounts.actor(((PortalUser) users.loadUserByUsername("district")).getId()).orElseThrow();
			UnitSummary home = units.findOpen(UnitLevel.DISTRICT, "298").orElseThrow();
			commune = units.create(district, home.id(), new UnitDraft(UnitKind.XA, code, "Thử nhập " + code, null, null));
			for (int i = 1; i <= villageCount; i++) {
				units.create(district, commune.id(),
						new UnitDraft(UnitKind.KHU_DAN_CU, code + "-" + i, String.valueOf(i), 250, 600));
			}
			jdbc.sql("""
					INSERT INTO app_user (username, password_hash, full_name, role, home_unit_id, must_change_password)
					VALUES (:username, :hash, 'Chủ tịch thử', 'COMMUNE_CHAIR', :home, false)""")
				.param("username", chair)
				.param("hash", passwordHash)
				.param("home", commune.id())
				.update();
		}
		return new ImportCommune(commune, new ArrayList<>(units.openChildren(commune.id())), chair);
	}

	/** Deletes the commune, its villages, teams, members, kept uploads and chair, and their audit records. */
	void delete(JdbcClient jdbc) {
		String villageTeams = "SELECT t.id FROM team t JOIN unit u ON u.id = t.unit_id WHERE u.parent_id = :commune";
		for (String sql : List.of(
				"DELETE FROM audit_event WHERE entity_type = 'MEMBER' AND entity_id IN (SELECT id FROM team_member"
						+ " WHERE team_id IN (" + villageTeams + "))",
				"DELETE FROM team_member WHERE team_id IN (" + villageTeams + ")",
				"DELETE FROM audit_event WHERE entity_type = 'TEAM' AND entity_id IN (" + villageTeams + ")",
				"DELETE FROM team WHERE id IN (" + villageTeams + ")", "DELETE FROM roster_upload WHERE commune_id = :commune",
				"DELETE FROM app_user WHERE home_unit_id = :commune",
				"DELETE FROM audit_event WHERE entity_type = 'UNIT' AND entity_id IN"
						+ " (SELECT id FROM unit WHERE id = :commune OR parent_id = :commune)",
				"DELETE FROM unit WHERE parent_id = :commune", "DELETE FROM unit WHERE id = :commune")) {
			jdbc.sql(sql).param("commune", commune.id()).update();
		}
	}

	/** {@code perVillage} valid members for each village, as a roster file's rows under the template's headers. */
	List<List<Object>> rows(int perVillage, int phoneSeed) {
		List<List<Object>> rows = new ArrayList<>();
		rows.add(RosterFiles.HEADERS);
		int n = 0;
		for (UnitSummary village : villages) {
			for (int i = 0; i < perVillage; i++, n++) {
				rows.add(RosterFiles.row(village.code(), "Thành Viên " + n, n % 2 == 0 ? "Nam" : "Nữ", 1960 + n % 40,
						String.format("03%02d%06d", phoneSeed, n), i == 0 ? "Tổ trưởng" : "Thành viên",
						i == 0 ? "Trưởng thôn" : "Hội Nông dân", "15/04/2022"));
			}
		}
		return rows;
	}

}
