package vn.cnscd.portal.area;

import java.io.IOException;

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
 * Sends an upload of a reorganisation file over the import's request limit
 * (portal.reorganisation-import.max-request-size) back to the import page, which then says the file is too
 * large, as it says of a file over the import's own, lower, limit: decided on the declared length before the
 * body is read, as the roster import's filter does, so that the servlet's larger limit never answers with a
 * bare 413.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ReorganisationUploadLimitFilter extends OncePerRequestFilter {

	static final String IMPORT = "/reorganisations/import";

	private final long limit;

	ReorganisationUploadLimitFilter(@Value("${portal.reorganisation-import.max-request-size}") DataSize limit) {
		this.limit = limit.toBytes();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if ("POST".equals(request.getMethod()) && request.getContentLengthLong() > limit
				&& IMPORT.equals(UrlPathHelper.defaultInstance.getPathWithinApplication(request))) {
			response.sendRedirect(request.getContextPath() + IMPORT + "?tooLarge=true");
			return;
		}
		chain.doFilter(request, response);
	}

}
