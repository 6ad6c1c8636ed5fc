package vn.cnscd.portal.account;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * The sign-in form's check, throttled ({@link SignInThrottle}) first by the client's address, then by the typed
 * username, before any password is compared. Every answer to a wrong password is the same, whether the account
 * exists, is locked or is disabled; only the right password learns that an account is disabled. An unknown
 * username costs a BCrypt comparison too, so that the time taken tells nothing either.
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

	private final PortalUserDetailsService users;

	private final PasswordEncoder passwords;

	private final SignInThrottle throttle;

	/** Compared against when there is no account, made once. */
	private volatile String missingAccountHash;

	ThrottledAuthenticationProvider(PortalUserDetailsService users, PasswordEncoder passwords, SignInThrottle throttle) {
		this.users = users;
		this.passwords = passwords;
		this.throttle = throttle;
	}

	static String usernameKey(String typed) {
		return typed.strip().toLowerCase(Locale.ROOT);
	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		String typed = authentication.getName() == null ? "" : authentication.getName();
		String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
		String address = ClientAddress.key(authentication.getDetails() instanceof WebAuthenticationDetails details
				? details.getRemoteAddress() : null);
		String username = usernameKey(typed);

		Optional<Duration> wait = throttle.reserve(SignInThrottle.Kind.ADDRESS, address);
		if (wait.isPresent()) {
			throw new SignInRefusedException(wait.get(), false);
		}
		wait = throttle.reserve(SignInThrottle.Kind.USERNAME, username);
		if (wait.isPresent()) {
			throw new SignInRefusedException(wait.get(), true);
		}
		PortalUser user = find(username);
		boolean fits = PasswordRules.fitsBcrypt(password);
		if (user == null || !fits) {
			passwords.matches(fits ? password : "", missingAccountHash());
			throw new BadCredentialsException("Wrong username or password");
		}
		if (!passwords.matches(password, user.getPassword())) {
			throw new BadCredentialsException("Wrong username or password");
		}
		throttle.giveBack(SignInThrottle.Kind.ADDRESS, address);
		throttle.clear(SignInThrottle.Kind.USERNAME, username);
		if (!user.isEnabled()) {
			throw new DisabledException("Account disabled");
		}
		return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
	}

	private PortalUser find(String username) {
		try {
			return (PortalUser) users.loadUserByUsername(username);
		}
		catch (UsernameNotFoundException missing) {
			return null;
		}
	}

	private String missingAccountHash() {
		String hash = missingAccountHash;
		if (hash == null) {
			hash = passwords.encode("no account has this password");
			missingAccountHash = hash;
		}
		return hash;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
