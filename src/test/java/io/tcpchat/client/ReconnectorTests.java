package io.tcpchat.client;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import io.tcpchat.client.Reconnector.State;
import io.tcpchat.support.ManualClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReconnectorTests {

	private final ManualClock clock = new ManualClock();

	private final ManualScheduler scheduler = new ManualScheduler();

	private final Deque<IOException> failures = new ArrayDeque<>();

	private final List<String> heard = new ArrayList<>();

	private int connects;

	private Runnable duringConnect = () -> {
	};

	private final Reconnector reconnector = new Reconnector(new Backoff(Backoff.INITIAL, Backoff.MAX, () -> 0.5),
			this.scheduler, this.clock, this::connect, new Reconnector.Listener() {

				@Override
				public void waiting(int attempt, Duration delay, String reason) {
					ReconnectorTests.this.heard.add("waiting " + attempt + " " + delay.toSeconds() + "s: " + reason);
				}

				@Override
				public void connected(int attempt) {
					ReconnectorTests.this.heard.add("connected at attempt " + attempt);
				}

				@Override
				public void gaveUp(String reason) {
					ReconnectorTests.this.heard.add("gave up: " + reason);
				}

			});

	private void connect() throws IOException {
		this.connects++;
		this.duringConnect.run();
		IOException failure = this.failures.poll();
		if (failure != null) {
			throw failure;
		}
	}

	@Test
	void retriesWithGrowingPausesUntilTheServerIsBack() {
		this.failures.addAll(List.of(new ConnectException("Connection refused"),
				new ConnectException("Connection refused"), new ConnectException("Connection refused")));
		this.reconnector.connectionLost("the server said shutdown");
		assertThat(this.reconnector.state()).isEqualTo(State.WAITING);
		assertThat(this.connects).isZero();

		this.scheduler.runNext();
		this.scheduler.runNext();
		this.scheduler.runNext();
		assertThat(this.reconnector.state()).isEqualTo(State.WAITING);
		this.scheduler.runNext();

		assertThat(this.connects).isEqualTo(4);
		assertThat(this.reconnector.state()).isEqualTo(State.CONNECTED);
		assertThat(this.scheduler.delays).extracting(Duration::toSeconds).containsExactly(1L, 2L, 4L, 8L);
		assertThat(this.heard).containsExactly("waiting 1 1s: the server said shutdown",
				"waiting 2 2s: Connection refused", "waiting 3 4s: Connection refused",
				"waiting 4 8s: Connection refused", "connected at attempt 4");
	}

	@Test
	void reportsHowLongTheClientWasOfflineOnceLoggedInAgain() {
		this.clock.set(Instant.parse("2026-11-24T10:00:00Z"));
		this.reconnector.connectionLost("reset");
		this.clock.set(Instant.parse("2026-11-24T10:00:12Z"));
		this.scheduler.runNext();
		assertThat(this.reconnector.loggedIn()).isEqualTo(Duration.ofSeconds(12));
		assertThat(this.reconnector.loggedIn()).isNull();
	}

	@Test
	void theBackoffStartsOverOnlyAfterLoggingInAgain() {
		this.reconnector.connectionLost("reset");
		this.scheduler.runNext();
		// connected, but dropped before the login went through: keep backing off
		this.reconnector.connectionLost("closed by the server");
		this.scheduler.runNext();
		this.reconnector.loggedIn();
		this.reconnector.connectionLost("reset");
		assertThat(this.scheduler.delays).extracting(Duration::toSeconds).containsExactly(1L, 2L, 1L);
	}

	@Test
	void aConnectionLostWhileConnectingIsRetried() {
		this.duringConnect = () -> this.reconnector.connectionLost("the server said shutdown");
		this.reconnector.connectionLost("reset");
		this.scheduler.runNext();
		assertThat(this.reconnector.state()).isEqualTo(State.WAITING);
		assertThat(this.heard).last().isEqualTo("waiting 2 2s: the server said shutdown");
	}

	@Test
	void stoppingCancelsThePendingAttempt() {
		this.reconnector.connectionLost("reset");
		this.reconnector.stop();
		assertThat(this.scheduler.cancelled).isEqualTo(1);
		this.scheduler.runNext();
		assertThat(this.connects).isZero();
		this.reconnector.connectionLost("reset");
		assertThat(this.reconnector.state()).isEqualTo(State.STOPPED);
		assertThat(this.scheduler.delays).hasSize(1);
	}

	@Test
	void givesUpWhenTheCertificateIsNotTrusted() {
		this.failures.add(new Connector.TlsVerificationException("TLS: certificate pinning failed", null));
		this.reconnector.connectionLost("reset");
		this.scheduler.runNext();
		assertThat(this.reconnector.state()).isEqualTo(State.STOPPED);
		assertThat(this.heard).last().isEqualTo("gave up: TLS: certificate pinning failed");
		assertThat(this.scheduler.tasks).isEmpty();
	}

	@Test
	void ignoresLossesWhileAlreadyWaiting() {
		this.reconnector.connectionLost("reset");
		this.reconnector.connectionLost("reset again");
		assertThat(this.scheduler.delays).hasSize(1);
	}

	static final class ManualScheduler implements Reconnector.Scheduler {

		final List<Duration> delays = new ArrayList<>();

		final Deque<Runnable> tasks = new ArrayDeque<>();

		int cancelled;

		@Override
		public Runnable schedule(Duration delay, Runnable task) {
			this.delays.add(delay);
			this.tasks.add(task);
			return () -> {
				if (this.tasks.remove(task)) {
					this.cancelled++;
				}
			};
		}

		void runNext() {
			Runnable task = this.tasks.poll();
			if (task != null) {
				task.run();
			}
		}

	}

}
