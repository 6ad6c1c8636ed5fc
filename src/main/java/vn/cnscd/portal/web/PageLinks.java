package vn.cnscd.portal.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The address of another page of the list being shown, for the pagination fragment ({@code ${@pages.to(3)}}):
 * the same address with every filter and search it carries, only {@code page} changed (and dropped for the
 * first, whose address is the list's own).
 */
@Component("pages")
public class PageLinks {

	public String to(int page) {
		return to("page", page);
	}

	/** The same for a second list of the page, paged by a parameter of its own. */
	public String to(String parameter, int page) {
		HttpServletRequest request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes())
			.getRequest();
		UriComponentsBuilder link = UriComponentsBuilder.fromPath(request.getRequestURI())
			.query(request.getQueryString());
		if (page > 1) {
			link.replaceQueryParam(parameter, page);
		}
		else {
			link.replaceQueryParam(parameter);
		}
		return link.build(true).toUriString();
	}

}
