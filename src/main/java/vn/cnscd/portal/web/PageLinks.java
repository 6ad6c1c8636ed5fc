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
		HttpServletRequest request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes())
			.getRequest();
		UriComponentsBuilder link = UriComponentsBuilder.fromPath(request.getRequestURI())
			.query(request.getQueryString());
		if (page > 1) {
			link.replaceQueryParam("page", page);
		}
		else {
			link.replaceQueryParam("page");
		}
		return link.build(true).toUriString();
	}

}
