package vn.cnscd.portal.indicator;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

@ResponseStatus(HttpStatus.NOT_FOUND)
class IndicatorNotFoundException extends RuntimeException {

	IndicatorNotFoundException(long id) {
		super("No indicator " + id);
	}

}
