package vn.cnscd.portal.team;

import java.io.IOException;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

/**
 * Sends a roster upload over the roster import's request limit (portal.roster-import.max-request-size, below
 * the servlet's, which larger uploads elsewhere need) back to the import page, which then says the file is
 * too large, as it says of a file over the import's own, lower, limit. Tomcat fails a request over the
 * servlet's limit as soon as any parameter is read, which Spring Security's CSRF check does first, so no
 * MaxUploadSizeExceededException ever reaches Spring MVC and the user would get a bare
 * 413. This filter runs before Spring Security and decides on the declared length, without reading the
 * body; Tomcat then drops the body (server.tomcat.max-swallow-size) and the browser shows the page. An upload
 * sent in chunks declares no length: its parts are read here, before Spring Security reads them, and one over
 * the servlet's limit gets the same page instead of the servlet container's bare error page.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RosterUploadLimitFilter extends OncePerRequestFilter {

	/** The value of the import page's {@code refused} parameter that shows the too-large message. */
	static final String TOO_LARGE = "tooLarge";

	private static final Pattern IMPORT = Pattern.compile("/communes/\\d+/roster-import");

	private final long limit;

	RosterUploadLimitFilter(@Value("${portal.roster-import.max-request-size}") DataSize limit) {
		this.limit = limit.toBytes();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = UrlPathHelper.defaultInstance.getPathWithinApplication(request);
		if ("POST".equals(request.getMethod()) && IMPORT.matcher(path).matches()
				&& (request.getContentLengthLong() > limit || !partsFit(request))) {
			response.sendRedirect(request.getContextPath() + path + "?refused=" + TOO_LARGE);
			return;
		}
		chain.doFilter(request, response);
	}

	/** Whether a body of unknown length, read now, fits the servlet's limits; one of known length is read later. */
	private static boolean partsFit(HttpServletRequest request) {
		if (request.getContentLengthLong() >= 0) {
			return true;
		}
		try {
			request.getParameterMap();
			return true;
		}
		catch (IllegalStateException overTheLimit) {
			return false;
		}
	}

}
