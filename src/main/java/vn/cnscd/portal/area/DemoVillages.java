package vn.cnscd.portal.area;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo data for a local run: 5 to 7 villages in every commune of the seeded district, with plausible
 * names and household and adult counts. Never under the prod profile; loaded once.
 */
@Component
@Profile("!prod")
@ConditionalOnBooleanProperty(name = "portal.demo-data", matchIfMissing = true)
@Order(DemoVillages.ORDER)
class DemoVillages implements ApplicationRunner {

	static final int ORDER = 10;

	private static final Logger log = LoggerFactory.getLogger(DemoVillages.class);

	private static final List<String> VILLAGE_NAMES = List.of("An Lạc", "Đông Hải", "Tây Hải", "Phú Đa", "La Tỉnh",
			"Cao Lý", "Bình Hàn", "Văn Xá", "Lạc Dục", "Vĩnh Lại", "Hòa Đông", "Đoàn Xá", "Hoàng Xá", "Mạc Xá",
			"Quý Dương", "Tiền Lệ", "Hậu Lệ", "Đông Cao", "Nhân Lý", "Phương Độ", "Lũng Quý", "Thiện Đáp", "Ngọc Lặc",
			"Bùi Xá", "Kim Lai", "Bồ Dương", "Trung Hòa", "Xuân Nẻo", "Đồng Lạc", "Ninh Xá", "Cúc Bồ",
			"Thượng Triệt", "Hạ Triệt", "Tân An", "Phúc Hải", "Lạc Thủy", "Đại Đồng", "Nghĩa Xá", "Hội Yên",
			"Trà Lâm", "Mỹ Xá", "Quảng Xá");

	static final String DISTRICT_CODE = "298";

	private final UnitRepository units;

	DemoVillages(UnitRepository units) {
		this.units = units;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		Unit district = units.findByLevelAndCodeAndValidToIsNull(UnitLevel.DISTRICT, DISTRICT_CODE).orElse(null);
		if (district == null || units.countOpenUnder(district.subtreePath(), UnitLevel.VILLAGE) > 0) {
			return;
		}
		List<Unit> villages = new ArrayList<>();
		for (Unit commune : units.findChildren(district.getId(), false)) {
			villages.addAll(villagesOf(commune));
		}
		units.saveAll(villages);
		log.info("Demo data: {} villages in the communes of district {}", villages.size(), DISTRICT_CODE);
	}

	private List<Unit> villagesOf(Unit commune) {
		String code = commune.summary().code();
		Random random = new Random(Long.parseLong(code));
		boolean township = commune.summary().kind() == UnitKind.THI_TRAN;
		int count = 5 + random.nextInt(3);
		List<String> names = new ArrayList<>(VILLAGE_NAMES);
		List<Unit> villages = new ArrayList<>();
		for (int i = 1; i <= count; i++) {
			String name = township ? String.valueOf(i) : names.remove(random.nextInt(names.size()));
			UnitKind kind = township ? UnitKind.KHU_DAN_CU : UnitKind.THON;
			Unit village = new Unit(commune, kind, "%s-%02d".formatted(code, i), name, LocalDate.of(2019, 12, 1));
			int households = 180 + random.nextInt(340);
			village.count(households, (int) Math.round(households * (2.1 + random.nextDouble() * 0.5)));
			villages.add(village);
		}
		return villages;
	}

}
