package vn.cnscd.portal.area;

import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;

/**
 * Long lists are shown a page at a time, the page numbered from 1 in the address (?page=2) as people count,
 * whatever the module: a shared kernel, like {@link SearchText}. A page beyond the last shows the last.
 */
public final class Paging {

	private Paging() {
	}

	/** The page asked for in the address, 1 or more; anything else is the first. */
	public static Pageable request(int page, int size) {
		return PageRequest.of(Math.max(page, 1) - 1, size);
	}

	/** One page of a list that is already in memory because every line of it is needed anyway (rules, totals). */
	public static <T> Page<T> of(List<T> all, int page, int size) {
		int pages = Math.max(1, (all.size() + size - 1) / size);
		Pageable request = request(Math.min(page, pages), size);
		int from = (int) request.getOffset();
		return new PageImpl<>(all.subList(from, Math.min(all.size(), from + size)), request, all.size());
	}

	/**
	 * A page of rows a query read with the request's {@code LIMIT} and {@code OFFSET}, out of {@code total}: the
	 * request comes from {@link #within(int, int, long)}, so that an address past the last page shows the last.
	 */
	public static <T> Page<T> of(List<T> rows, Pageable request, long total) {
		return new PageImpl<>(rows, request, total);
	}

	/** The request for the page the address asked, no further than the last page of {@code total} rows. */
	public static Pageable within(int page, int size, long total) {
		int pages = (int) Math.max(1, (total + size - 1) / size);
		return request(Math.min(page, pages), size);
	}

}
