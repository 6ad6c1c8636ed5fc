package vn.cnscd.portal.training;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * What the pager fragment shows under a paged list: where the rows shown stand among all, and the
 * addresses of the previous and next pages, which keep every other parameter of the address (the
 * list's filters, the language), so that paging never drops a filter.
 */
record Pager(long first, long last, long total, int number, int pages, String previous, String next) {

	static final String PARAMETER = "page";

	static Pager of(Paged<?> page, HttpServletRequest request) {
		return new Pager(page.first(), page.last(), page.total(), page.number(), page.pages(),
				page.hasPrevious() ? address(request, page.number() - 1) : null,
				page.hasNext() ? address(request, page.number() + 1) : null);
	}

	/** Another address with the filters of this one, such as the download of the list: all pages, so no page. */
	static String sameQuery(String path, HttpServletRequest request) {
		return UriComponentsBuilder.fromPath(path)
			.query(request.getQueryString())
			.replaceQueryParam(PARAMETER)
			.build()
			.toUriString();
	}

	/** The first page's address has no page number, as the list's own link has none. */
	private static String address(HttpServletRequest request, int number) {
		UriComponentsBuilder address = UriComponentsBuilder.fromPath(request.getRequestURI())
			.query(request.getQueryString());
		if (number == 1) {
			address.replaceQueryParam(PARAMETER);
		}
		else {
			address.replaceQueryParam(PARAMETER, number);
		}
		return address.build().toUriString();
	}

}
