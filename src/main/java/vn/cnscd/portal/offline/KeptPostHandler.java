package vn.cnscd.portal.offline;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.stereotype.Component;

/**
 * A form that arrives without a valid session, or with a CSRF token that no longer matches (the session
 * ended and a new one began), is not thrown away: if it carries the seal the portal wrote into it for an
 * account ({@link FormSeals}), it is kept ({@link KeptPosts}) and its sender, once signed in as that
 * account, sees the form filled in with what they sent and a notice to check and send it. Nothing is saved
 * as the report or roster until they do. Anything else is refused as before: a 403, or the sign-in page.
 * Works without JavaScript: the sign-in page leads back to the form through Spring Security's saved request.
 */
@Component
public class KeptPostHandler implements AccessDeniedHandler {

	static final String PARAMETER = "kept";

	static final String SEAL = "_seal";

	private final FormSeals seals;

	private final KeptPosts kept;

	private final AccessDeniedHandler refuse = new AccessDeniedHandlerImpl();

	private final RequestCache requestCache = new HttpSessionRequestCache();

	KeptPostHandler(FormSeals seals, KeptPosts kept) {
		this.seals = seals;
		this.kept = kept;
	}

	/** A stale or missing CSRF token on a sealed form: kept, the sender sent back to it (or to sign in first). */
	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
			throws IOException, ServletException {
		if (!(denied instanceof CsrfException) || !keepAndRedirect(request, response)) {
			refuse.handle(request, response, denied);
		}
	}

	/** The sign-in page, for a sealed form sent without a session after it was kept; otherwise as {@code signIn}. */
	public AuthenticationEntryPoint signInFirst(AuthenticationEntryPoint signIn) {
		return (HttpServletRequest request, HttpServletResponse response, AuthenticationException exception) -> {
			if (!keepAndRedirect(request, response)) {
				signIn.commence(request, response, exception);
			}
		};
	}

	private boolean keepAndRedirect(HttpServletRequest request, HttpServletResponse response) throws IOException {
		if (!"POST".equals(request.getMethod()) || request.getContentType() == null
				|| !request.getContentType().startsWith("application/x-www-form-urlencoded")) {
			return false;
		}
		String path = FormSeals.path(request);
		Optional<String> sealedFor = seals.verify(request.getParameter(SEAL), path);
		Optional<String> signedIn = FormSeals.signedIn();
		if (sealedFor.isEmpty() || (signedIn.isPresent() && !signedIn.equals(sealedFor))) {
			return false;
		}
		Optional<String> key = kept.keep(sealedFor.get(), path, request.getParameterMap());
		if (key.isEmpty()) {
			return false;
		}
		if (signedIn.isPresent()) {
			response.sendRedirect(request.getContextPath() + path + "?" + PARAMETER + "=" + key.get());
		}
		else {
			// after signing in, Spring Security's success handler leads to the form, filled with what was kept
			requestCache.saveRequest(new FormAgain(request, key.get()), response);
			response.sendRedirect(request.getContextPath() + "/login?" + PARAMETER);
		}
		return true;
	}

	/** The GET of the form that will show what was kept under the key. */
	private static final class FormAgain extends HttpServletRequestWrapper {

		private final String key;

		FormAgain(HttpServletRequest request, String key) {
			super(request);
			this.key = key;
		}

		@Override
		public String getMethod() {
			return "GET";
		}

		@Override
		public String getQueryString() {
			return PARAMETER + "=" + key;
		}

		@Override
		public String getParameter(String name) {
			return PARAMETER.equals(name) ? key : null;
		}

		@Override
		public Map<String, String[]> getParameterMap() {
			return Map.of(PARAMETER, new String[] { key });
		}

		@Override
		public Enumeration<String> getParameterNames() {
			return Collections.enumeration(getParameterMap().keySet());
		}

		@Override
		public String[] getParameterValues(String name) {
			return getParameterMap().get(name);
		}

	}

}
