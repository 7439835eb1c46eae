package io.tcpchat.client;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The reconnect state machine. After the connection is lost it schedules attempts with {@link Backoff} until one
 * succeeds or the client stops; the backoff only starts over once the client is logged in again, so a server
 * that accepts and then drops connections is not hammered. Time comes from the injected clock and scheduler:
 * tests drive it without sleeping.
 */
final class Reconnector {

	enum State {

		CONNECTED, WAITING, CONNECTING, STOPPED

	}

	/** Runs a task later; returns a handle that cancels it. */
	interface Scheduler {

		Runnable schedule(Duration delay, Runnable task);

	}

	/** Opens a new connection (the caller then logs in again); throws when the server cannot be reached. */
	interface Attempt {

		void connect() throws IOException;

	}

	interface Listener {

		void waiting(int attempt, Duration delay, String reason);

		void connected(int attempt);

		void gaveUp(String reason);

	}

	private final Backoff backoff;

	private final Scheduler scheduler;

	private final Clock clock;

	private final Attempt attempt;

	private final Listener listener;

	private State state = State.CONNECTED;

	private int attempts;

	private Instant lostAt;

	private String lostDuringAttempt;

	private Runnable cancelPending = () -> {
	};

	Reconnector(Backoff backoff, Scheduler scheduler, Clock clock, Attempt attempt, Listener listener) {
		this.backoff = backoff;
		this.scheduler = scheduler;
		this.clock = clock;
		this.attempt = attempt;
		this.listener = listener;
	}

	synchronized State state() {
		return this.state;
	}

	synchronized int attempts() {
		return this.attempts;
	}

	/** The connection is gone: try again after a pause. */
	void connectionLost(String reason) {
		synchronized (this) {
			if (this.state == State.CONNECTING) {
				this.lostDuringAttempt = reason;
				return;
			}
			if (this.state != State.CONNECTED) {
				return;
			}
			if (this.lostAt == null) {
				this.lostAt = this.clock.instant();
			}
		}
		scheduleNext(reason);
	}

	/**
	 * The client is logged in again: the next loss starts the backoff over.
	 * @return how long the client was offline, or {@code null} if it was not
	 */
	synchronized Duration loggedIn() {
		this.attempts = 0;
		Duration offline = (this.lostAt != null) ? Duration.between(this.lostAt, this.clock.instant()) : null;
		this.lostAt = null;
		return offline;
	}

	/** No more attempts: the user quit, or the server said goodbye for good. */
	void stop() {
		Runnable cancel;
		synchronized (this) {
			this.state = State.STOPPED;
			cancel = this.cancelPending;
		}
		cancel.run();
	}

	private void scheduleNext(String reason) {
		int next;
		Duration delay;
		synchronized (this) {
			next = ++this.attempts;
			delay = this.backoff.delay(next);
			this.state = State.WAITING;
		}
		this.listener.waiting(next, delay, reason);
		Runnable cancel = this.scheduler.schedule(delay, this::tryOnce);
		synchronized (this) {
			this.cancelPending = cancel;
		}
	}

	private void tryOnce() {
		int current;
		synchronized (this) {
			if (this.state != State.WAITING) {
				return;
			}
			this.state = State.CONNECTING;
			this.lostDuringAttempt = null;
			current = this.attempts;
		}
		try {
			this.attempt.connect();
		}
		catch (Connector.TlsVerificationException ex) {
			synchronized (this) {
				this.state = State.STOPPED;
			}
			this.listener.gaveUp(ex.getMessage());
			return;
		}
		catch (IOException ex) {
			if (stillConnecting()) {
				scheduleNext(describe(ex));
			}
			return;
		}
		String lost;
		synchronized (this) {
			if (this.state != State.CONNECTING) {
				return;
			}
			lost = this.lostDuringAttempt;
			this.state = State.CONNECTED;
		}
		if (lost != null) {
			scheduleNext(lost);
			return;
		}
		this.listener.connected(current);
	}

	private synchronized boolean stillConnecting() {
		return this.state == State.CONNECTING;
	}

	static String describe(IOException ex) {
		String message = ex.getMessage();
		return (message != null) ? message : ex.getClass().getSimpleName();
	}

}
