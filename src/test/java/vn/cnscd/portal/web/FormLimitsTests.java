package vn.cnscd.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Size;

import org.junit.jupiter.api.Test;

import vn.cnscd.portal.area.HiddenField;

/**
 * Issue #11, item 6: every field of every form object has a maximum the server checks, whatever the page's
 * {@code maxlength} says. Found by reflection, so that a form added later without one fails here:
 * <ul>
 * <li>text has a {@code @Size} maximum, and so have a list, set or map and each text it holds;</li>
 * <li>a whole number typed by the user ({@code Integer}, {@code BigDecimal}) has a {@code @Max};</li>
 * <li>ids and versions ({@code long}, {@code Long}) are held to their type's range, and an enum, a boolean or a
 * date holds nothing unbounded: a value out of them is refused when it is bound;</li>
 * <li>a field the page writes (a form key, a version, a fingerprint) is a {@link HiddenField}, which a malformed
 * value turns into the 400 page ({@link FormBinding}).</li>
 * </ul>
 */
class FormLimitsTests {

	static final Set<String> WRITTEN_BY_THE_PAGE = Set.of("formKey", "version", "fingerprint");

	@Test
	void everyFieldOfEveryFormHasAMaximum() throws Exception {
		List<Class<?>> forms = HostileTextTests.classes("*Form");
		assertThat(forms).as("form objects").hasSizeGreaterThan(15);
		Set<String> unbounded = new TreeSet<>();
		int fields = 0;
		for (Class<?> form : forms) {
			for (Field field : form.getDeclaredFields()) {
				if (Modifier.isStatic(field.getModifiers())) {
					continue;
				}
				fields++;
				String name = form.getSimpleName() + "." + field.getName();
				problem(field).ifPresent(problem -> unbounded.add(name + ": " + problem));
			}
		}
		assertThat(fields).as("fields looked at").isGreaterThan(100);
		assertThat(unbounded).as("form fields without a maximum the server checks").isEmpty();
	}

	@Test
	void theRuleFindsAFieldWithoutAMaximum() {
		assertThat(problems(Unbounded.class)).containsExactlyInAnyOrder("name: text without a @Size maximum",
				"lines: a collection without a @Size maximum", "notes: text held without a @Size maximum",
				"count: a number without a @Max", "formKey: written by the page but not a @HiddenField");
	}

	static List<String> problems(Class<?> form) {
		List<String> found = new ArrayList<>();
		for (Field field : form.getDeclaredFields()) {
			if (!Modifier.isStatic(field.getModifiers())) {
				problem(field).ifPresent(problem -> found.add(field.getName() + ": " + problem));
			}
		}
		return found;
	}

	static Optional<String> problem(Field field) {
		Class<?> type = field.getType();
		if (WRITTEN_BY_THE_PAGE.contains(field.getName()) && !field.isAnnotationPresent(HiddenField.class)) {
			return Optional.of("written by the page but not a @HiddenField");
		}
		if (type == String.class && !bounded(field.getAnnotation(Size.class))) {
			return Optional.of("text without a @Size maximum");
		}
		if (Collection.class.isAssignableFrom(type) || Map.class.isAssignableFrom(type)) {
			if (!bounded(field.getAnnotation(Size.class))) {
				return Optional.of("a collection without a @Size maximum");
			}
			if (field.getAnnotatedType() instanceof AnnotatedParameterizedType parameterized) {
				for (AnnotatedType argument : parameterized.getAnnotatedActualTypeArguments()) {
					if (argument.getType() == String.class && !bounded(argument.getAnnotation(Size.class))) {
						return Optional.of("text held without a @Size maximum");
					}
				}
			}
		}
		if ((type == Integer.class || type == int.class || type == BigDecimal.class) && !field.isAnnotationPresent(Max.class)) {
			return Optional.of("a number without a @Max");
		}
		boolean boundedByType = type == String.class || Collection.class.isAssignableFrom(type)
				|| Map.class.isAssignableFrom(type) || type == Integer.class || type == int.class || type == BigDecimal.class
				|| type == Long.class || type == long.class || type == Boolean.class || type == boolean.class
				|| type.isEnum() || Temporal.class.isAssignableFrom(type);
		return boundedByType ? Optional.empty() : Optional.of("a " + type.getSimpleName() + " this test knows no maximum of");
	}

	static boolean bounded(Size size) {
		return size != null && size.max() < Integer.MAX_VALUE;
	}

	/** What the rule must catch. */
	static class Unbounded {

		String name;

		List<Long> lines;

		@Size(max = 10)
		Map<Long, String> notes;

		Integer count;

		@Size(max = 40)
		String formKey;

		@Size(max = 10)
		List<@Size(max = 5) String> fine;

	}

}
