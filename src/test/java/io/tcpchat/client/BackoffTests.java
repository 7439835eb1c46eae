package io.tcpchat.client;

import java.time.Duration;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTests {

	@Test
	void doublesFromOneSecondUpToThirty() {
		Backoff backoff = new Backoff(Backoff.INITIAL, Backoff.MAX, () -> 0.5);
		assertThat(IntStream.rangeClosed(1, 8).mapToObj(backoff::delay).map(Duration::toSeconds))
			.containsExactly(1L, 2L, 4L, 8L, 16L, 30L, 30L, 30L);
		assertThat(backoff.delay(10_000)).isEqualTo(Duration.ofSeconds(30));
	}

	@Test
	void spreadsEachPauseByAtMostAFifth() {
		assertThat(new Backoff(Backoff.INITIAL, Backoff.MAX, () -> 0.0).delay(3)).isEqualTo(Duration.ofMillis(3200));
		assertThat(new Backoff(Backoff.INITIAL, Backoff.MAX, () -> 0.999_999).delay(3))
			.isEqualTo(Duration.ofMillis(4800));
		assertThat(new Backoff(Backoff.INITIAL, Backoff.MAX, () -> 0.0).delay(20)).isEqualTo(Duration.ofSeconds(24));
	}

}
