package vn.cnscd.portal.notification;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No such notification or browser of the user's: another user's is not found either. */
@ResponseStatus(HttpStatus.NOT_FOUND)
class NotificationNotFoundException extends RuntimeException {

	NotificationNotFoundException() {
		super("No such notification");
	}

}
