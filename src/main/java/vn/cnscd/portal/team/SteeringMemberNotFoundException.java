package vn.cnscd.portal.team;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

@ResponseStatus(HttpStatus.NOT_FOUND)
class SteeringMemberNotFoundException extends RuntimeException {

	SteeringMemberNotFoundException(long id) {
		super("No steering member " + id);
	}

}
