package io.tcpchat.event;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class OrderedLanesTests {

	private final OrderedLanes lanes = new OrderedLanes("test-deliver", 4);

	@AfterEach
	void close() {
		this.lanes.close();
	}

	@Test
	void tasksWithTheSameKeyRunInTheOrderGivenWhileKeysAreSpreadOverTheLanes() {
		Map<String, List<Integer>> seen = new ConcurrentHashMap<>();
		List<String> keys = IntStream.range(0, 50).mapToObj(i -> "channel-" + i).toList();

		for (int n = 0; n < 200; n++) {
			for (String key : keys) {
				int sequence = n;
				this.lanes.execute(key,
						() -> seen.computeIfAbsent(key, k -> Collections.synchronizedList(new ArrayList<>())).add(sequence));
			}
		}

		await().atMost(Duration.ofSeconds(20))
			.until(() -> keys.stream().allMatch(k -> seen.containsKey(k) && seen.get(k).size() == 200));
		for (String key : keys) {
			assertThat(seen.get(key)).isSorted();
		}
		assertThat(keys.stream().map(this.lanes::laneOf).distinct().count()).isEqualTo(this.lanes.size());
	}

	@Test
	void aSlowKeyDoesNotHoldUpAKeyOnAnotherLane() throws InterruptedException {
		String big = "big";
		String small = IntStream.range(0, 100)
			.mapToObj(i -> "small-" + i)
			.filter(k -> this.lanes.laneOf(k) != this.lanes.laneOf(big))
			.findFirst()
			.orElseThrow();
		CountDownLatch release = new CountDownLatch(1);
		CountDownLatch smallDone = new CountDownLatch(1);

		this.lanes.execute(big, () -> {
			try {
				release.await(20, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		});
		this.lanes.execute(small, smallDone::countDown);

		assertThat(smallDone.await(10, TimeUnit.SECONDS)).isTrue();
		release.countDown();
	}

	@Test
	void equalKeysAlwaysGoToTheSameLane() {
		assertThat(this.lanes.laneOf("general")).isEqualTo(this.lanes.laneOf(new String("general")));
		assertThat(this.lanes.laneOf(42L)).isEqualTo(this.lanes.laneOf(Long.valueOf(42)));
	}

}
