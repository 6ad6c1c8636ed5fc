package vn.cnscd.portal.account;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.web.filter.OncePerRequestFilter;

import vn.cnscd.portal.area.Actor;

/**
 * Reads the signed-in user's account on every request, so that a disabled account, a changed role or a
 * changed area takes effect at once, and a session the account has ended ({@link AccountSessions}) is signed
 * out, and makes the user available to controllers as an {@link Actor}. An
 * account that must change its password can only do that (and sign out) until it has.
 */
class CurrentActorFilter extends OncePerRequestFilter {

	static final String ACTOR = CurrentActorFilter.class.getName() + ".actor";

	static final String PASSWORD_PAGE = "/account/password";

	private final AccountService accounts;

	CurrentActorFilter(AccountService accounts) {
		this.accounts = accounts;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof PortalUser user) {
			Optional<AccountService.Current> current = accounts.current(user.getId())
				.filter(found -> found.account().isEnabled());
			Optional<Account> account = current.map(AccountService.Current::account);
			if (account.isEmpty()) {
				new SecurityContextLogoutHandler().logout(request, response, authentication);
				response.sendRedirect(request.getContextPath() + "/login?disabled");
				return;
			}
			if (AccountSessions.ended(request, account.get())) {
				new SecurityContextLogoutHandler().logout(request, response, authentication);
				response.sendRedirect(request.getContextPath() + "/login?ended");
				return;
			}
			String path = request.getRequestURI().substring(request.getContextPath().length());
			if (account.get().isMustChangePassword() && !path.equals(PASSWORD_PAGE) && !path.equals("/logout")
					&& !isAsset(path)) {
				response.sendRedirect(request.getContextPath() + PASSWORD_PAGE);
				return;
			}
			request.setAttribute(ACTOR, current.get().actor());
		}
		chain.doFilter(request, response);
	}

	private static boolean isAsset(String path) {
		return path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/icons/") || path.equals("/sw.js")
				|| path.equals("/manifest.webmanifest");
	}

}
