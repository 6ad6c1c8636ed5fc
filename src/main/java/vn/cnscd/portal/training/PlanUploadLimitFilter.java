package vn.cnscd.portal.training;

import java.io.IOException;
import java.util.regex.Matcher;
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
 * Sends a plan file over the servlet's limit (spring.servlet.multipart.max-request-size) back to the plan
 * page, which then says the file is too large. Tomcat would fail such a request when Spring Security's CSRF
 * check reads a parameter, leaving the user a bare 413; this filter runs first and decides on the declared
 * length, without reading the body. Files between 10 MB and that limit reach the controller, which refuses
 * them with the same message. An upload sent in chunks, of no declared length, is read here, as the roster
 * import's filter reads one.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class PlanUploadLimitFilter extends OncePerRequestFilter {

	private static final Pattern UPLOAD = Pattern.compile("(/teams/\\d+/plans/\\d+)/file");

	private final long limit;

	PlanUploadLimitFilter(@Value("${spring.servlet.multipart.max-request-size}") DataSize limit) {
		this.limit = limit.toBytes();
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

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Matcher upload = UPLOAD.matcher(UrlPathHelper.defaultInstance.getPathWithinApplication(request));
		if ("POST".equals(request.getMethod()) && upload.matches()
				&& (request.getContentLengthLong() > limit || !partsFit(request))) {
			response.sendRedirect(request.getContextPath() + upload.group(1) + "?refused=" + PlanController.TOO_LARGE);
			return;
		}
		chain.doFilter(request, response);
	}

}
