package vn.cnscd.portal.team;

import java.util.List;

import org.springframework.context.MessageSourceResolvable;

/** Why a roster breaks a rule of the plan, as a message key and its arguments. */
public record RosterProblem(String code, List<Object> args) implements MessageSourceResolvable {

	public static RosterProblem of(String code, Object... args) {
		return new RosterProblem(code, List.of(args));
	}

	@Override
	public String[] getCodes() {
		return new String[] { "roster.problem." + code };
	}

	@Override
	public Object[] getArguments() {
		return args.toArray();
	}

}
