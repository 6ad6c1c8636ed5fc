package vn.cnscd.portal;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModularityTests {

	@Test
	void modulesOnlyUseEachOthersApi() {
		ApplicationModules.of(PortalApplication.class).verify();
	}

}
