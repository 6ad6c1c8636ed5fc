package vn.cnscd.portal.area;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

@ResponseStatus(HttpStatus.NOT_FOUND)
public class UnitNotFoundException extends RuntimeException {

	UnitNotFoundException(long id) {
		super("No unit " + id);
	}

	UnitNotFoundException(String address) {
		super("No unit at " + address);
	}

}
