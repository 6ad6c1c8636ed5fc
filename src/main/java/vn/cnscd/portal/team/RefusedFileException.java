package vn.cnscd.portal.team;

import java.util.List;

/** An uploaded file refused as a whole, before any row is read: why, as a message key and its arguments. */
class RefusedFileException extends RuntimeException {

	private final String key;

	private final List<Object> args;

	RefusedFileException(String reason, Object... args) {
		super("Roster file refused: " + reason);
		this.key = "rosterImport.refused." + reason;
		this.args = List.of(args);
	}

	String key() {
		return key;
	}

	Object[] args() {
		return args.toArray();
	}

}
