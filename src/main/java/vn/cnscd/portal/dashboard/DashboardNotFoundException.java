package vn.cnscd.portal.dashboard;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No dashboard there: a unit of another level, or a month not begun. */
@ResponseStatus(HttpStatus.NOT_FOUND)
class DashboardNotFoundException extends RuntimeException {

	DashboardNotFoundException() {
		super("No such dashboard");
	}

}
