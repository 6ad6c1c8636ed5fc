package vn.cnscd.portal.area;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ActorTests {

	static Actor steering(String... paths) {
		return new Actor(1, "steering", "Steering", Role.STEERING_MEMBER, 2, List.of(paths));
	}

	@Test
	void theAreaIsOnePrefixMatchPerSubtreeWhichThePathIndexServes() {
		assertThat(steering("/1/2/5/").scopeCondition("u.subtree_path")).isEqualTo("(u.subtree_path LIKE :scope0)");
		assertThat(steering("/1/2/5/", "/1/2/9/").scopeCondition("c.subtree_path"))
			.isEqualTo("(c.subtree_path LIKE :scope0 OR c.subtree_path LIKE :scope1)");
		assertThat(steering("/1/2/5/", "/1/2/9/").scopeParams())
			.isEqualTo(Map.of("scope0", "/1/2/5/%", "scope1", "/1/2/9/%"));
	}

	@Test
	void anEmptyAreaSelectsNothing() {
		assertThat(steering().scopeCondition("u.subtree_path")).isEqualTo("false");
		assertThat(steering().scopeParams()).isEmpty();
	}

}
