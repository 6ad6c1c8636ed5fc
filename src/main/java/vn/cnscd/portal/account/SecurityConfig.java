package vn.cnscd.portal.account;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

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
	SecurityFilterChain securityFilterChain(HttpSecurity http, AccountService accounts, KeptPostHandler keptPosts)
			throws Exception {
		http.authorizeHttpRequests(requests -> requests
			.requestMatchers("/login", "/css/**", "/js/**", "/icons/**", "/sw.js",
					"/manifest.webmanifest", "/error", "/actuator/health", "/actuator/health/**")
			.permitAll()
			.requestMatchers("/actuator/**")
			.hasRole(Role.ADMIN.name())
			.requestMatchers("/accounts/**")
			.hasAnyRole(Role.ADMIN.name(), Role.DISTRICT_OFFICER.name(), Role.COMMUNE_CHAIR.name())
			.anyRequest()
			.authenticated())
			.formLogin(form -> form.loginPage("/login")
				.successHandler(successHandler(accounts))
				.failureHandler(failureHandler(accounts)))
			.logout(logout -> logout.logoutSuccessUrl("/login?logout"))
			// a report or roster form sent after its session ended is kept for its sender (issue #15)
			.exceptionHandling(denied -> denied.accessDeniedHandler(keptPosts)
				.authenticationEntryPoint(keptPosts.signInFirst(new LoginUrlAuthenticationEntryPoint("/login"))))
			.sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
			.addFilterAfter(new CurrentActorFilter(accounts), AuthorizationFilter.class);
		return http.build();
	}

	private static SavedRequestAwareAuthenticationSuccessHandler successHandler(AccountService accounts) {
		return new SavedRequestAwareAuthenticationSuccessHandler() {
			@Override
			public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
					Authentication authentication) throws IOException, jakarta.servlet.ServletException {
				accounts.recordSuccessfulSignIn(authentication.getName());
				super.onAuthenticationSuccess(request, response, authentication);
			}
		};
	}

	/** Counts failed sign-ins against the account and says why the sign-in failed, without saying more. */
	private static AuthenticationFailureHandler failureHandler(AccountService accounts) {
		return (HttpServletRequest request, HttpServletResponse response, AuthenticationException exception) -> {
			String outcome = "error";
			if (exception instanceof LockedException) {
				outcome = "locked";
			}
			else if (exception instanceof DisabledException) {
				outcome = "disabled";
			}
			else if (exception instanceof BadCredentialsException) {
				String username = request.getParameter("username");
				if (username != null && accounts.recordFailedSignIn(username)) {
					outcome = "locked";
				}
			}
			response.sendRedirect(request.getContextPath() + "/login?" + outcome);
		};
	}

}
