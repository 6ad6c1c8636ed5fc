package vn.cnscd.portal.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.cnscd.portal.area.Role;

/**
 * Who holds which role where, for those who write to users (notifications, reminders): enabled accounts only,
 * each with the language they chose to be written to in (Vietnamese unless they chose English).
 */
@Service
@Transactional(readOnly = true)
public class AccountDirectory {

	public static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

	public static final List<Locale> LANGUAGES = List.of(VIETNAMESE, Locale.ENGLISH);

	private static final String COLUMNS = "id, username, full_name, phone, role, home_unit_id, language";

	private final JdbcClient jdbc;

	AccountDirectory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Recipient> recipient(long accountId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM app_user WHERE enabled AND id = :id")
			.param("id", accountId)
			.query(AccountDirectory::recipient)
			.optional();
	}

	/** The enabled accounts among the given ones, by id. */
	public Map<Long, Recipient> recipients(Collection<Long> accountIds) {
		Map<Long, Recipient> found = new HashMap<>();
		jdbc.sql("SELECT " + COLUMNS + " FROM app_user WHERE enabled AND id = ANY (:ids)")
			.param("ids", accountIds.toArray(Long[]::new))
			.query(AccountDirectory::recipient)
			.list()
			.forEach(recipient -> found.put(recipient.id(), recipient));
		return found;
	}

	/** The enabled accounts of a role whose home is one of the units; all of the role for {@code null}. */
	public List<Recipient> withRole(Role role, Collection<Long> homeUnitIds) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM app_user WHERE enabled AND role = :role"
				+ " AND (CAST(:all AS boolean) OR home_unit_id = ANY (:units)) ORDER BY id")
			.param("role", role.name())
			.param("all", homeUnitIds == null)
			.param("units", homeUnitIds == null ? new Long[0] : homeUnitIds.toArray(Long[]::new))
			.query(AccountDirectory::recipient)
			.list();
	}

	/** The language the account is written to in. */
	public Locale language(long accountId) {
		return jdbc.sql("SELECT language FROM app_user WHERE id = :id")
			.param("id", accountId)
			.query((rs, row) -> locale(rs.getString("language")))
			.optional()
			.orElse(VIETNAMESE);
	}

	/** Keeps the user's own choice of language; only the languages of the portal are kept. */
	@Transactional
	public void chooseLanguage(long accountId, Locale language) {
		Locale chosen = LANGUAGES.stream()
			.filter(candidate -> candidate.getLanguage().equals(language.getLanguage()))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No such language: " + language));
		jdbc.sql("UPDATE app_user SET language = :language WHERE id = :id")
			.param("language", chosen.getLanguage())
			.param("id", accountId)
			.update();
	}

	private static Recipient recipient(ResultSet rs, int row) throws SQLException {
		return new Recipient(rs.getLong("id"), rs.getString("username"), rs.getString("full_name"),
				rs.getString("phone"), Role.valueOf(rs.getString("role")), rs.getLong("home_unit_id"),
				locale(rs.getString("language")));
	}

	private static Locale locale(String language) {
		return language == null ? VIETNAMESE : Locale.forLanguageTag(language);
	}

}
