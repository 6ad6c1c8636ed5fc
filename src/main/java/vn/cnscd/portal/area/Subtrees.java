package vn.cnscd.portal.area;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Some subtrees of the units tree, by their paths ({@link UnitSummary#path()}), as an SQL condition on a
 * column of unit paths: one prefix match per subtree, OR'ed, each of which the path index serves (it cannot
 * serve a {@code LIKE ANY} of patterns). Parameters are named {@code scope0}, {@code scope1}, …
 */
public record Subtrees(List<String> paths) {

	public Subtrees {
		paths = List.copyOf(paths);
	}

	public String condition(String pathColumn) {
		if (paths.isEmpty()) {
			return "false";
		}
		return IntStream.range(0, paths.size())
			.mapToObj(i -> pathColumn + " LIKE :scope" + i)
			.collect(Collectors.joining(" OR ", "(", ")"));
	}

	public Map<String, Object> params() {
		Map<String, Object> params = new HashMap<>();
		for (int i = 0; i < paths.size(); i++) {
			params.put("scope" + i, UnitSummary.likeUnder(paths.get(i)));
		}
		return params;
	}

}
