package vn.cnscd.portal.area;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Someone saved the record after this edit began; the edit must not overwrite their change. A form that can be
 * shown again catches it and keeps what was typed; anywhere else it answers the 409 page, never a 500.
 */
@ResponseStatus(HttpStatus.CONFLICT)
public class StaleEditException extends RuntimeException {

	public StaleEditException() {
		super("The record changed since the form was opened");
	}

}
