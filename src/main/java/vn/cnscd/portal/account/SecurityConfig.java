package vn.cnscd.portal.account;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;

import vn.cnscd.portal.area.Role;
import vn.cnscd.portal.offline.KeptPostHandler;

/**
 * Form sign-in, roles by URL, and the current actor on every request. Area checks (which unit a user may
 * see or change) are made by the services, on every read and write, not here.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SignInProperties.class)
class SecurityConfig {

	/**
	 * Everything comes from the portal itself: no inline script or style, no framing, forms post only here.
	 * Charts are SVG drawn on the server, so images need nothing but the portal and data: URIs.
	 */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; "
			+ "base-uri 'self'; object-src 'none'";

	@Bean
	PasswordEncoder passwordEncoder() {
		return new BCryptPasswordEncoder(12);
	}

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, AccountService accounts, PortalUserDetailsService users,
			PasswordEncoder passwords, SignInThrottle throttle, KeptPostHandler keptPosts) throws Exception {
		// its own manager, with no parent to fall back on: a refused or failed sign-in is never checked again elsewhere
		http.authenticationManager(new ProviderManager(new ThrottledAuthenticationProvider(users, passwords, throttle)));
		HttpSessionRequestCache requestCache = requestCache();
		http.authorizeHttpRequests(requests -> requests
			.requestMatchers("/login", "/css/**", "/js/**", "/icons/**", "/sw.js",
					"/manifest.webmanifest", "/error", "/actuator/health", "/actuator/health/**")
			.permitAll()
			.requestMatchers("/actuator/**")
			.hasRole(Role.ADMIN.name())
			.requestMatchers("/accounts/**")
			.hasAnyRole(Role.ADMIN.name(), Role.OFFICER.name(), Role.COMMUNE_CHAIR.name())
			.anyRequest()
			.authenticated())
			.formLogin(form -> form.loginPage("/login")
				.successHandler(successHandler(accounts, requestCache))
				.failureHandler(SecurityConfig::signInFailed))
			.requestCache(cache -> cache.requestCache(requestCache))
			.logout(logout -> logout.logoutSuccessUrl("/login?logout"))
			// a report or roster form sent after its session ended is kept for its sender (issue #15); a sign-in page
			// reached from elsewhere is sent to by a relative address
			.exceptionHandling(denied -> denied.accessDeniedHandler(keptPosts)
				.authenticationEntryPoint(keptPosts.signInFirst(RelativeRedirects.signInPage("/login"))))
			.sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
			.addFilterAfter(new CurrentActorFilter(accounts), AuthorizationFilter.class);
		return http.build();
	}

	/**
	 * After sign-in the user lands on the address they asked for as they wrote it: without the marker parameter
	 * ("/?continue") that Spring Security adds by default so that only that one request looks the saved request up.
	 */
	private static HttpSessionRequestCache requestCache() {
		HttpSessionRequestCache cache = new HttpSessionRequestCache();
		cache.setMatchingRequestParameterName(null);
		return cache;
	}

	/** Marks the new session with its account's session generation ({@link AccountSessions}). */
	private static SavedRequestAwareAuthenticationSuccessHandler successHandler(AccountService accounts,
			HttpSessionRequestCache requestCache) {
		SavedRequestAwareAuthenticationSuccessHandler handler = new SavedRequestAwareAuthenticationSuccessHandler() {
			@Override
			public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
					Authentication authentication) throws IOException, jakarta.servlet.ServletException {
				if (authentication.getPrincipal() instanceof PortalUser user) {
					accounts.find(user.getId()).ifPresent(account -> AccountSessions.signedIn(request, account));
				}
				super.onAuthenticationSuccess(request, response, authentication);
			}
		};
		handler.setRedirectStrategy(new RelativeRedirects());
		handler.setRequestCache(requestCache);
		return handler;
	}

	/**
	 * Says why a sign-in failed without saying more: a wrong password reads the same whether the account exists,
	 * is locked or is disabled ({@link ThrottledAuthenticationProvider}).
	 */
	private static void signInFailed(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		String outcome = "error";
		if (exception instanceof SignInRefusedException refused) {
			outcome = (refused.isLocked() ? "locked" : "throttled") + "&wait=" + WaitText.seconds(refused.getWait());
		}
		else if (exception instanceof DisabledException) {
			outcome = "disabled";
		}
		response.sendRedirect(request.getContextPath() + "/login?" + outcome);
	}

}
