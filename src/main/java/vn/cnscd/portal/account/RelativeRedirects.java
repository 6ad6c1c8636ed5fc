package vn.cnscd.portal.account;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;

/**
 * Spring Security's redirects as paths only. The request saved before sign-in is kept as a full URL made from the
 * request's Host header, and the sign-in page's entry point builds one the same way; sent as they are, a forged
 * Host would lead the user to another site. The portal never redirects off-site, so every redirect keeps only
 * its path and query.
 */
final class RelativeRedirects implements RedirectStrategy {

	@Override
	public void sendRedirect(HttpServletRequest request, HttpServletResponse response, String url) throws IOException {
		response.sendRedirect(response.encodeRedirectURL(path(request, url)));
	}

	static String path(HttpServletRequest request, String url) {
		URI uri = URI.create(url);
		if (uri.isAbsolute() || uri.getRawAuthority() != null) {
			String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
			return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
		}
		return url.startsWith("/") ? request.getContextPath() + url : url;
	}

	static LoginUrlAuthenticationEntryPoint signInPage(String loginPage) {
		LoginUrlAuthenticationEntryPoint entryPoint = new LoginUrlAuthenticationEntryPoint(loginPage);
		entryPoint.setFavorRelativeUris(true);
		return entryPoint;
	}

}
