package vn.cnscd.portal.training;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

@ResponseStatus(HttpStatus.NOT_FOUND)
class TrainingNotFoundException extends RuntimeException {

	TrainingNotFoundException() {
		super("No such training record");
	}

}
