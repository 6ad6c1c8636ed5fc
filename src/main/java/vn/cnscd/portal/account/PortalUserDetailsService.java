package vn.cnscd.portal.account;

import java.time.Clock;
import java.util.Locale;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class PortalUserDetailsService implements UserDetailsService {

	private final AccountRepository accounts;

	private final Clock clock;

	PortalUserDetailsService(AccountRepository accounts, Clock clock) {
		this.accounts = accounts;
		this.clock = clock;
	}

	@Override
	@Transactional(readOnly = true)
	public UserDetails loadUserByUsername(String username) {
		Account account = accounts.findByUsername(username.strip().toLowerCase(Locale.ROOT))
			.orElseThrow(() -> new UsernameNotFoundException("No such account"));
		return new PortalUser(account.getId(), account.getUsername(), account.getFullName(), account.getRole(),
				account.getPasswordHash(), account.isEnabled(), account.isLockedAt(clock.instant()));
	}

}
