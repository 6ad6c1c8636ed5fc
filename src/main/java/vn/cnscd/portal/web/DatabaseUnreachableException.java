package vn.cnscd.portal.web;

import java.sql.SQLException;

class DatabaseUnreachableException extends RuntimeException {

	private final String url;

	private final String user;

	DatabaseUnreachableException(String url, String user, SQLException cause) {
		super("Cannot use PostgreSQL at " + url + " as " + user + ": " + cause.getMessage(), cause);
		this.url = url;
		this.user = user;
	}

	String url() {
		return url;
	}

	String user() {
		return user;
	}

}
