package vn.cnscd.portal.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/** What the layout needs on every page: where the language switch leads. */
@ControllerAdvice
class LayoutAdvice {

	/**
	 * The current page in each language. After a POST (a form shown again with its errors) the switch leads
	 * home, since that page cannot be fetched again.
	 */
	@ModelAttribute("switchLanguage")
	LanguageLinks switchLanguage(HttpServletRequest request) {
		boolean get = "GET".equals(request.getMethod());
		String path = get ? request.getRequestURI() : request.getContextPath() + "/";
		String query = get ? request.getQueryString() : null;
		return new LanguageLinks(link(path, query, "vi"), link(path, query, "en"));
	}

	private static String link(String path, String query, String language) {
		return UriComponentsBuilder.fromPath(path)
			.query(query)
			.replaceQueryParam("lang", language)
			.build(true)
			.toUriString();
	}

	record LanguageLinks(String vi, String en) {
	}

}
