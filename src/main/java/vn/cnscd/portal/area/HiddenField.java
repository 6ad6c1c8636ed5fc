package vn.cnscd.portal.area;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A form field the page writes and the user never types: a form key, a version, a fingerprint. A value that does
 * not fit it (malformed, too long, not a number) is not the user's mistake to correct beside a field they cannot
 * see: the whole request is refused with the 400 page ({@code web.FormBinding}).
 */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface HiddenField {

}
