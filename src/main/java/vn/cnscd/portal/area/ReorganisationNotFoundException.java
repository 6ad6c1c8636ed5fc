package vn.cnscd.portal.area;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

@ResponseStatus(HttpStatus.NOT_FOUND)
public class ReorganisationNotFoundException extends RuntimeException {

	ReorganisationNotFoundException(long id) {
		super("No reorganisation " + id);
	}

}
