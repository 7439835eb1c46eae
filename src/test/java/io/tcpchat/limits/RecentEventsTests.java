package io.tcpchat.limits;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.tcpchat.support.ManualClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RecentEventsTests {

	private final ManualClock clock = new ManualClock();

	private final RecentEvents<String> events = new RecentEvents<>(Duration.ofMinutes(10), this.clock);

	@Test
	void refusesPastTheMaximumUntilTheOldestLeavesTheWindow() {
		for (int i = 0; i < 3; i++) {
			assertThat(this.events.recordIfBelow("a", 3)).isPresent();
			this.clock.advance(Duration.ofMinutes(1));
		}

		assertThat(this.events.recordIfBelow("a", 3)).isEmpty();
		assertThat(this.events.timeUntilBelow("a", 3)).isEqualTo(Duration.ofMinutes(7));
		assertThat(this.events.timeUntilBelow("b", 3)).isZero();
		this.clock.advance(Duration.ofMinutes(7));
		assertThat(this.events.recordIfBelow("a", 3)).isPresent();
	}

	@Test
	void aRemovedEventGivesItsPlaceBack() {
		this.events.record("a");
		Optional<Instant> second = this.events.recordIfBelow("a", 2);
		assertThat(this.events.recordIfBelow("a", 2)).isEmpty();

		this.events.remove("a", second.orElseThrow());

		assertThat(this.events.recordIfBelow("a", 2)).isPresent();
	}

	@Test
	void sweepingForgetsWhatLeftTheWindow() {
		this.events.record("a");
		this.clock.advance(Duration.ofMinutes(10));

		this.events.sweep();

		assertThat(this.events.timeUntilBelow("a", 1)).isZero();
	}

}
