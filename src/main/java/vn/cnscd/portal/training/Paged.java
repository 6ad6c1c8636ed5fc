package vn.cnscd.portal.training;

import java.util.List;

/** One page of a long list: its rows, its number (from 1), the size of every page and the rows of all pages. */
record Paged<T>(List<T> rows, int number, int size, long total) {

	/** How many rows come before the page of this number. */
	static long offset(int number, int size) {
		return (long) (number - 1) * size;
	}

	/** The number of the last page; an empty list has one, empty, page. */
	static int lastPage(long total, int size) {
		return (int) Math.max(1, (total + size - 1) / size);
	}

	public int pages() {
		return lastPage(total, size);
	}

	/** The position of the page's first row among all rows, from 1; 0 when there is none. */
	public long first() {
		return rows.isEmpty() ? 0 : offset(number, size) + 1;
	}

	public long last() {
		return offset(number, size) + rows.size();
	}

	public boolean hasPrevious() {
		return number > 1;
	}

	public boolean hasNext() {
		return number < pages();
	}

}
