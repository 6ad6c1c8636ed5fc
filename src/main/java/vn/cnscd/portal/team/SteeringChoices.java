package vn.cnscd.portal.team;

import java.util.List;

import vn.cnscd.portal.account.AccountView;
import vn.cnscd.portal.area.UnitSummary;

/**
 * What an officer may choose for a member of their district's committee: the steering accounts
 * of the district that no other member is linked to, and the open communes of the district.
 */
record SteeringChoices(UnitSummary district, List<AccountView> accounts, List<UnitSummary> communes) {

	boolean offersAccount(long accountId) {
		return accounts.stream().anyMatch(account -> account.id() == accountId);
	}

	boolean offersCommune(long communeId) {
		return communes.stream().anyMatch(commune -> commune.id() == communeId);
	}

}
