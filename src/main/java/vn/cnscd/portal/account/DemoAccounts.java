package vn.cnscd.portal.account;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.cnscd.portal.area.Role;
import vn.cnscd.portal.area.UnitLevel;
import vn.cnscd.portal.area.UnitService;
import vn.cnscd.portal.area.UnitSummary;

/**
 * The demo accounts of a local run, one per role, all with the password {@value #PASSWORD} and no forced
 * change. Listed in the README. Never under the prod profile; created once. The communes in the charge of
 * {@code steering} come with the demo steering committee (team module).
 */
@Component
@Profile("!prod")
@ConditionalOnBooleanProperty(name = "portal.demo-data", matchIfMissing = true)
@Order(20)
class DemoAccounts implements ApplicationRunner {

	static final String PASSWORD = "demo1234";

	private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

	private final AccountService accounts;

	private final AccountRepository repository;

	private final UnitService units;

	/** Whether the demo goes on to record the 2025 reorganisations (area's DemoReorganisations). */
	private final boolean story;

	DemoAccounts(AccountService accounts, AccountRepository repository, UnitService units,
			@Value("${portal.demo-data.reorganise:true}") boolean story) {
		this.accounts = accounts;
		this.repository = repository;
		this.units = units;
		this.story = story;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (repository.existsByUsername("admin")) {
			return;
		}
		UnitSummary district = units.findOpen(UnitLevel.DISTRICT, "298").orElse(null);
		UnitSummary township = units.findOpen(UnitLevel.COMMUNE, "11074").orElse(null);
		if (district == null || township == null) {
			return;
		}
		List<UnitSummary> villages = units.openChildren(township.id());
		accounts.createWithPassword("admin", PASSWORD, "Quản trị hệ thống", null, Role.ADMIN, units.root().id());
		accounts.createWithPassword("district", PASSWORD, "Nguyễn Thị Hương", "0912345601", Role.OFFICER,
				district.id());
		accounts.createWithPassword("steering", PASSWORD, "Trần Văn Minh", "0912345602", Role.STEERING_MEMBER,
				district.id());
		accounts.createWithPassword("commune", PASSWORD, "Phạm Văn Đức", "0912345603", Role.COMMUNE_CHAIR, township.id());
		if (!villages.isEmpty()) {
			accounts.createWithPassword("village", PASSWORD, "Vũ Thị Lan", "0912345604", Role.VILLAGE_HEAD,
					villages.get(0).id());
		}
		if (story) {
			// the officer of today's committee: the province the demo's 2025 makes Thành phố Hải Phòng
			accounts.createWithPassword("city", PASSWORD, "Lê Thị Thu", "0912345605", Role.OFFICER,
					units.root().id());
		}
		log.info("Demo data: accounts admin, district, steering, commune, village{}, password {}", story ? ", city" : "",
				PASSWORD);
	}

}
