package vn.cnscd.portal.team;

import java.util.List;

/** Why a roster breaks a rule of the plan, as a message key and its arguments. */
public record RosterProblem(String code, List<Object> args) {

	public static RosterProblem of(String code, Object... args) {
		return new RosterProblem(code, List.of(args));
	}

	public String key() {
		return "roster.problem." + code;
	}

	public Object[] arguments() {
		return args.toArray();
	}

}
