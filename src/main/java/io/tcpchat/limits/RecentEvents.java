package io.tcpchat.limits;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per key, the times of the events within a sliding window (registrations per address, channel creations per
 * account): how many there are, and how long until the oldest leaves the window. Safe for concurrent use; keys
 * with nothing recent are dropped by {@link #sweep()}, which owners call on a schedule.
 * @param <K> what events are counted per
 */
public final class RecentEvents<K> {

	private final Map<K, Deque<Instant>> times = new ConcurrentHashMap<>();

	private final Duration window;

	private final Clock clock;

	public RecentEvents(Duration window, Clock clock) {
		this.window = window;
		this.clock = clock;
	}

	/** How long until fewer than {@code max} events of {@code key} are in the window; zero if already so. */
	public Duration timeUntilBelow(K key, int max) {
		Deque<Instant> recent = this.times.get(key);
		if (recent == null) {
			return Duration.ZERO;
		}
		Instant now = this.clock.instant();
		synchronized (recent) {
			return waitWhileLocked(recent, max, now);
		}
	}

	/** Counts an event of {@code key} now. */
	public void record(K key) {
		Deque<Instant> recent = this.times.computeIfAbsent(key, k -> new ArrayDeque<>());
		synchronized (recent) {
			recent.addLast(this.clock.instant());
		}
	}

	/**
	 * Counts an event of {@code key} now, unless {@code max} are in the window already: check and count in one
	 * step, so that events at the same moment cannot pass the limit together.
	 * @return when the event was counted (to {@link #remove} it again), or empty when it was not
	 */
	public Optional<Instant> recordIfBelow(K key, int max) {
		Deque<Instant> recent = this.times.computeIfAbsent(key, k -> new ArrayDeque<>());
		Instant now = this.clock.instant();
		synchronized (recent) {
			if (!waitWhileLocked(recent, max, now).isZero()) {
				return Optional.empty();
			}
			recent.addLast(now);
			return Optional.of(now);
		}
	}

	/** Takes back an event counted at {@code at}, e.g. when what it stood for failed. */
	public void remove(K key, Instant at) {
		Deque<Instant> recent = this.times.get(key);
		if (recent != null) {
			synchronized (recent) {
				recent.removeLastOccurrence(at);
			}
		}
	}

	/** Forgets events that left the window, and keys with none left. */
	public void sweep() {
		Instant now = this.clock.instant();
		this.times.values().removeIf(recent -> {
			synchronized (recent) {
				dropOld(recent, now);
				return recent.isEmpty();
			}
		});
	}

	private Duration waitWhileLocked(Deque<Instant> recent, int max, Instant now) {
		dropOld(recent, now);
		if (recent.size() < max) {
			return Duration.ZERO;
		}
		Duration wait = Duration.between(now, recent.peekFirst().plus(this.window));
		return wait.isNegative() || wait.isZero() ? Duration.ofMillis(1) : wait;
	}

	private void dropOld(Deque<Instant> recent, Instant now) {
		while (!recent.isEmpty() && !recent.peekFirst().plus(this.window).isAfter(now)) {
			recent.removeFirst();
		}
	}

}
