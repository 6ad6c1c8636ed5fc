package vn.cnscd.portal.area;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * The rules of a reorganisation on a small tree, in memory: a province P with a district D of communes A, B
 * and C; A has villages a1, a2; B has b1, b2; C has c1.
 */
class ReorganiserTests {

	static final long P = 1, D = 2, A = 10, B = 11, C = 12, A1 = 100, A2 = 101, B1 = 110, B2 = 111, C1 = 120;

	Map<Long, Reorganiser.Node> tree() {
		Map<Long, Reorganiser.Node> tree = new LinkedHashMap<>();
		tree.put(P, node(P, null, UnitKind.TINH, "30", "Hải Dương"));
		tree.put(D, node(D, P, UnitKind.HUYEN, "298", "Tứ Kỳ"));
		tree.put(A, node(A, D, UnitKind.THI_TRAN, "11074", "Tứ Kỳ"));
		tree.put(B, node(B, D, UnitKind.XA, "11101", "Quang Phục"));
		tree.put(C, node(C, D, UnitKind.XA, "11086", "Hưng Đạo"));
		tree.put(A1, node(A1, A, UnitKind.KHU_DAN_CU, "11074-01", "Khu 1"));
		tree.put(A2, node(A2, A, UnitKind.KHU_DAN_CU, "11074-02", "Khu 2"));
		tree.put(B1, node(B1, B, UnitKind.THON, "11101-01", "Thôn Đông"));
		tree.put(B2, node(B2, B, UnitKind.THON, "11101-02", "Thôn Tây"));
		tree.put(C1, node(C1, C, UnitKind.THON, "11086-01", "Thôn Bắc"));
		return tree;
	}

	static Reorganiser.Node node(long id, Long parent, UnitKind kind, String code, String name) {
		return new Reorganiser.Node(id, parent, kind.level(), kind, code, name, false);
	}

	@Test
	void aMergeIntoANewUnitClosesTheSourcesAndMovesTheirVillages() {
		ReorganisationPlan plan = ReorganisationPlan.empty()
			.opening(new ReorganisationPlan.NewUnit(-1, D, UnitKind.XA, "11074", "Tứ Kỳ"))
			.with(ReorganisationPlan.Step.merge(List.of(A, B), -1));
		Reorganiser.Outcome outcome = Reorganiser.apply(tree(), plan, Map.of());

		assertThat(outcome.problems()).isEmpty();
		assertThat(outcome.closed()).extracting(Reorganiser.Node::id).containsExactlyInAnyOrder(A, B);
		assertThat(outcome.villagesMoved()).containsOnlyKeys(A1, A2, B1, B2);
		assertThat(outcome.after().get(B1).parent()).isEqualTo(-1L);
		assertThat(outcome.successorsOfClosed()).containsEntry(A, List.of(-1L)).containsEntry(B, List.of(-1L));
		// the closing township's code passes to the new commune the same day: no clash
		assertThat(outcome.opened()).extracting(Reorganiser.Node::code).containsExactly("11074");
	}

	@Test
	void aPartTransferMovesOnlyTheChosenVillagesAndTheRestMerges() {
		ReorganisationPlan plan = ReorganisationPlan.empty()
			.with(ReorganisationPlan.Step.transfer(List.of(B1), A))
			.with(ReorganisationPlan.Step.merge(List.of(B), C));
		Reorganiser.Outcome outcome = Reorganiser.apply(tree(), plan, Map.of());

		assertThat(outcome.problems()).isEmpty();
		assertThat(outcome.after().get(B1).parent()).isEqualTo(A);
		assertThat(outcome.after().get(B2).parent()).isEqualTo(C);
		assertThat(outcome.successorsOfClosed()).containsEntry(B, List.of(A, C));
		assertThat(outcome.successions()).contains(new Reorganiser.Successor(B, A, SuccessionKind.PART),
				new Reorganiser.Successor(B, C, SuccessionKind.MERGED));
	}

	@Test
	void abolishingTheDistrictPutsItsCommunesUnderTheProvince() {
		ReorganisationPlan plan = ReorganisationPlan.empty().with(ReorganisationPlan.Step.abolish(D));
		Reorganiser.Outcome outcome = Reorganiser.apply(tree(), plan, Map.of());

		assertThat(outcome.problems()).isEmpty();
		assertThat(List.of(A, B, C)).allSatisfy(commune -> assertThat(outcome.after().get(commune).parent()).isEqualTo(P));
		assertThat(outcome.successorsOfClosed()).containsExactly(Map.entry(D, List.of(P)));
		assertThat(outcome.villagesMoved()).isEmpty();
	}

	@Test
	void aRenameChangesKindCodeAndNameButNotTheLevel() {
		ReorganisationPlan plan = ReorganisationPlan.empty()
			.with(ReorganisationPlan.Step.rename(A, UnitKind.XA, null, "Tứ Kỳ"))
			.with(ReorganisationPlan.Step.rename(B, UnitKind.THON, null, null));
		Reorganiser.Outcome outcome = Reorganiser.apply(tree(), plan, Map.of());

		assertThat(outcome.after().get(A).kind()).isEqualTo(UnitKind.XA);
		assertThat(outcome.after().get(A).code()).isEqualTo("11074");
		assertThat(outcome.problems()).extracting(ReorganisationProblem::key)
			.containsExactly("reorganisation.problem.kind");
	}

	@Test
	void whatCannotBeDoneIsSaidNotDone() {
		ReorganisationPlan plan = ReorganisationPlan.empty()
			// a commune into a village
			.with(ReorganisationPlan.Step.merge(List.of(A), A1))
			// a village under the province
			.with(ReorganisationPlan.Step.move(List.of(C1), P))
			// a commune under one of its own villages
			.with(ReorganisationPlan.Step.move(List.of(B), B1))
			// a district's level abolished where there is nothing above it to take its units
			.opening(new ReorganisationPlan.NewUnit(-1, D, UnitKind.XA, "11086", "Đại Sơn"));
		Reorganiser.Outcome outcome = Reorganiser.apply(tree(), plan, Map.of(UnitLevel.COMMUNE, Set.of()));

		assertThat(outcome.problems()).extracting(ReorganisationProblem::key).containsExactlyInAnyOrder(
				"reorganisation.problem.mergeLevel", "reorganisation.problem.level", "reorganisation.problem.level",
				"reorganisation.problem.code");
		assertThat(Reorganiser.apply(tree(), ReorganisationPlan.empty().with(ReorganisationPlan.Step.abolish(P)),
				Map.of()).problems()).extracting(ReorganisationProblem::key)
			.containsExactly("reorganisation.problem.abolish");
	}

	@Test
	void aCodeHeldByAnOpenUnitElsewhereIsRefused() {
		ReorganisationPlan plan = ReorganisationPlan.empty()
			.opening(new ReorganisationPlan.NewUnit(-1, P, UnitKind.XA, "11113", "Tân Kỳ"))
			.with(ReorganisationPlan.Step.merge(List.of(A), -1));
		assertThat(Reorganiser.apply(tree(), plan, Map.of(UnitLevel.COMMUNE, Set.of("11113"))).problems())
			.extracting(ReorganisationProblem::key)
			.containsExactly("reorganisation.problem.codeTaken");
	}

}
