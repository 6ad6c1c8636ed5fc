package vn.cnscd.portal.area;

import java.util.List;

/** A reorganisation that cannot be recorded as it stands, with why. */
public class ReorganisationRefusedException extends RuntimeException {

	private final List<ReorganisationProblem> problems;

	ReorganisationRefusedException(List<ReorganisationProblem> problems) {
		super("Reorganisation refused: " + problems);
		this.problems = List.copyOf(problems);
	}

	public List<ReorganisationProblem> problems() {
		return problems;
	}

}
