package vn.cnscd.portal.area;

import java.util.List;

/** Why a reorganisation cannot be carried out as it stands: a message key and its arguments (unit names). */
public record ReorganisationProblem(String key, List<String> args) {

	public ReorganisationProblem {
		args = List.copyOf(args);
	}

}
