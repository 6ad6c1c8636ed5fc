package vn.cnscd.portal.team;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

@ResponseStatus(HttpStatus.NOT_FOUND)
class TeamNotFoundException extends RuntimeException {

	TeamNotFoundException() {
		super("No such team or member");
	}

}
