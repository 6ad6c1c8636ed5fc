package vn.cnscd.portal.web;

import java.io.IOException;
import java.lang.reflect.Field;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.BeanWrapperImpl;
import org.springframework.beans.InvalidPropertyException;
import org.springframework.http.HttpStatus;
import org.springframework.util.ReflectionUtils;
import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;
import org.springframework.validation.Validator;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ResponseStatus;

import vn.cnscd.portal.area.HiddenField;

/**
 * How every form of the portal is bound. An indexed list field grows to at most {@value #MAX_INDEX} lines; an
 * index past it, a map key that is no key of the form's, or a {@link HiddenField} that does not fit (a 100 KB form
 * key, a version that is no number) is refused with the 400 page: none of them can be typed into a field, and
 * none may be dropped silently or reach the database. What a user types into a visible field comes back beside
 * it, as every form's own checks say.
 */
@ControllerAdvice
class FormBinding {

	/** The most lines a list on a form has: an activity plan's ({@code training.PlanForm}). */
	static final int MAX_INDEX = 200;

	@InitBinder
	void bound(WebDataBinder binder) {
		binder.setAutoGrowCollectionLimit(MAX_INDEX);
		binder.addValidators(new HiddenFieldCheck());
	}

	/** A list index past {@link #MAX_INDEX} (items[5000].month): the error page's 400, as for a malformed field. */
	@ExceptionHandler(InvalidPropertyException.class)
	void indexOutOfBounds(HttpServletResponse response) throws IOException {
		response.sendError(HttpStatus.BAD_REQUEST.value());
	}

	/** Runs after the form's own checks, on every form bound with {@code @Valid}, and sees their errors. */
	static final class HiddenFieldCheck implements Validator {

		@Override
		public boolean supports(Class<?> type) {
			return true;
		}

		@Override
		public void validate(Object target, Errors errors) {
			for (FieldError error : errors.getFieldErrors()) {
				// a map key that does not convert comes with no field of the form's (Spring names it "null"):
				// there is nothing to show it beside
				String field = error.getField();
				if (field == null || isHidden(target.getClass(), field) || (error.isBindingFailure()
						&& (field.endsWith("]") || !new BeanWrapperImpl(target).isReadableProperty(field)))) {
					throw new MalformedFormException(target.getClass().getSimpleName() + "." + field);
				}
			}
		}

		private static boolean isHidden(Class<?> type, String path) {
			if (path.contains(".") || path.contains("[")) {
				return false;
			}
			Field field = ReflectionUtils.findField(type, path);
			return field != null && field.isAnnotationPresent(HiddenField.class);
		}

	}

	@ResponseStatus(HttpStatus.BAD_REQUEST)
	static final class MalformedFormException extends RuntimeException {

		MalformedFormException(String field) {
			super("Malformed form field " + field);
		}

	}

}
