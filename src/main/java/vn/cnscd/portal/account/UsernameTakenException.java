package vn.cnscd.portal.account;

class UsernameTakenException extends RuntimeException {

	UsernameTakenException(String username) {
		super("Username taken: " + username);
	}

}
