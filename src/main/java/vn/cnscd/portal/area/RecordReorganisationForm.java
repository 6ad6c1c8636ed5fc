package vn.cnscd.portal.area;

import java.util.HashMap;
import java.util.Map;

import jakarta.validation.constraints.Size;

/** The officer's choice for every account whose home unit closes: a new home (a unit id or a new unit's ref), or 0. */
class RecordReorganisationForm implements ReorganisationController.Versioned {

	@Size(max = 10_000)
	private Map<Long, Long> accounts = new HashMap<>();

	@HiddenField
	private long version;

	public Map<Long, Long> getAccounts() {
		return accounts;
	}

	public void setAccounts(Map<Long, Long> accounts) {
		this.accounts = accounts;
	}

	public long getVersion() {
		return version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

}
