package io.tcpchat.messaging;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TokenBucketTests {

	private final AtomicLong now = new AtomicLong(1_000);

	@Test
	void allowsTheBurstThenRefusesUntilTokensRefill() {
		TokenBucket bucket = new TokenBucket(2, 3, this.now::get);

		assertThat(bucket.tryTake()).isTrue();
		assertThat(bucket.tryTake()).isTrue();
		assertThat(bucket.tryTake()).isTrue();
		assertThat(bucket.tryTake()).isFalse();

		this.now.addAndGet(TimeUnit.MILLISECONDS.toNanos(499));
		assertThat(bucket.tryTake()).isFalse();
		this.now.addAndGet(TimeUnit.MILLISECONDS.toNanos(2));
		assertThat(bucket.tryTake()).isTrue();
		assertThat(bucket.tryTake()).isFalse();
	}

	@Test
	void neverHoldsMoreThanTheBurst() {
		TokenBucket bucket = new TokenBucket(100, 2, this.now::get);
		this.now.addAndGet(TimeUnit.SECONDS.toNanos(60));

		assertThat(bucket.isFull()).isTrue();
		assertThat(bucket.tryTake()).isTrue();
		assertThat(bucket.tryTake()).isTrue();
		assertThat(bucket.tryTake()).isFalse();
		assertThat(bucket.isFull()).isFalse();
	}

}
