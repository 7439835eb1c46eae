package io.tcpchat.session;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * On shutdown, before the listeners stop: every client gets {@code bye} with reason {@code shutdown}, and we wait
 * (briefly) until those lines are written.
 */
@Component
class SessionShutdown implements SmartLifecycle {

	static final long FLUSH_WAIT_MILLIS = 3000;

	private final SessionManager sessions;

	private final SessionRegistry registry;

	private volatile boolean running;

	SessionShutdown(SessionManager sessions, SessionRegistry registry) {
		this.sessions = sessions;
		this.registry = registry;
	}

	@Override
	public void start() {
		this.sessions.resume();
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
		this.sessions.shutdown();
		long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(FLUSH_WAIT_MILLIS);
		while (System.nanoTime() < deadline && this.registry.all().stream().anyMatch(s -> s.queuedBytes() > 0)) {
			LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** Stops before Spring Integration's endpoints, which stop the listeners. */
	@Override
	public int getPhase() {
		return Integer.MAX_VALUE - 100;
	}

}
