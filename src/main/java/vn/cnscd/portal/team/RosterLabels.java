package vn.cnscd.portal.team;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import vn.cnscd.portal.area.SearchText;
import vn.cnscd.portal.area.UnitSummary;

/**
 * The Vietnamese text of roster files: headers, and the labels of gender, role and affiliation, which the
 * import reads back ignoring case and diacritics ("to truong" is "Tổ trưởng"). Files are Vietnamese whatever
 * the reader's language, so they come from the Vietnamese bundle.
 */
@Component
class RosterLabels {

	static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

	private final MessageSource messages;

	RosterLabels(MessageSource messages) {
		this.messages = messages;
	}

	String text(String key, Object... args) {
		return messages.getMessage(key, args, VIETNAMESE);
	}

	boolean has(String key) {
		return messages.getMessage(key, null, null, VIETNAMESE) != null;
	}

	String header(RosterColumn column) {
		return text(column.headerKey());
	}

	List<String> headers() {
		return Arrays.stream(RosterColumn.values()).map(this::header).toList();
	}

	String label(Enum<?> value) {
		return text(prefix(value.getDeclaringClass()) + value.name());
	}

	List<String> labels(Class<? extends Enum<?>> type) {
		return Arrays.stream(type.getEnumConstants()).map(this::label).toList();
	}

	<E extends Enum<E>> Optional<E> parse(Class<E> type, String text) {
		String folded = SearchText.fold(text);
		return Arrays.stream(type.getEnumConstants())
			.filter(value -> SearchText.fold(label(value)).equals(folded))
			.findFirst();
	}

	/** "Thị trấn Tứ Kỳ", "Khu dân cư 1": the Vietnamese kind and the name. */
	static String unitName(UnitSummary unit) {
		return unit.kind().vietnameseWord() + " " + unit.name();
	}

	private static String prefix(Class<?> type) {
		if (type == Gender.class) {
			return "team.gender.";
		}
		if (type == TeamRole.class) {
			return "team.role.";
		}
		if (type == Affiliation.class) {
			return "team.affiliation.";
		}
		throw new IllegalArgumentException("No labels for " + type);
	}

}
