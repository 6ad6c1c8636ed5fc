package vn.cnscd.portal.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class UploadSlotsTests {

	@Test
	void aUserHasOneSlotPerKindAtATime() {
		UploadSlots slots = new UploadSlots(4);
		UploadSlots.Slot first = slots.take("ROSTER", 1, "/back");
		assertThatThrownBy(() -> slots.take("ROSTER", 1, "/back")).isInstanceOfSatisfying(UploadsBusyException.class,
				busy -> {
					assertThat(busy.own()).isTrue();
					assertThat(busy.back()).isEqualTo("/back");
				});
		slots.take("PLAN", 1, "/plan").close();
		slots.take("ROSTER", 2, "/back").close();
		first.close();
		slots.take("ROSTER", 1, "/back").close();
	}

	@Test
	void thePortalHasAFewSlotsAndTheNextUploadIsRefusedNotQueued() {
		UploadSlots slots = new UploadSlots(2);
		UploadSlots.Slot one = slots.take("ROSTER", 1, "/");
		UploadSlots.Slot two = slots.take("ROSTER", 2, "/");
		assertThatThrownBy(() -> slots.take("ROSTER", 3, "/")).isInstanceOfSatisfying(UploadsBusyException.class,
				busy -> assertThat(busy.own()).isFalse());
		// a refused user is not left holding a slot of their own
		two.close();
		two.close();
		UploadSlots.Slot three = slots.take("ROSTER", 3, "/");
		assertThatThrownBy(() -> slots.take("ROSTER", 4, "/")).isInstanceOf(UploadsBusyException.class);
		one.close();
		three.close();
		slots.take("ROSTER", 4, "/").close();
	}

}
