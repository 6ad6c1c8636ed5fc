package vn.cnscd.portal.account;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

@ResponseStatus(HttpStatus.NOT_FOUND)
class AccountNotFoundException extends RuntimeException {

	AccountNotFoundException(long id) {
		super("No account " + id);
	}

}
