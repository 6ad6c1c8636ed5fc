package vn.cnscd.portal.area;

import java.util.List;

/**
 * A line of a reorganisation's preview: a message key with its arguments, the names it lists, and choices the
 * officer makes (an account's new home): each choice has a subject, its options and the one proposed.
 */
public record PreviewLine(String key, List<Object> args, List<String> items, List<Choice> choices) {

	public PreviewLine {
		args = List.copyOf(args);
		items = List.copyOf(items);
		choices = List.copyOf(choices);
	}

	public static PreviewLine of(String key, List<String> items, Object... args) {
		return new PreviewLine(key, List.of(args), items, List.of());
	}

	/** A choice about one record: {@code options} by value (0 is "disable"), {@code chosen} the one selected. */
	public record Choice(long subject, String label, List<Option> options, long chosen) {
	}

	public record Option(long value, String label) {
	}

}
