package io.tcpchat.session;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import io.tcpchat.config.ChatProperties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * On shutdown, before the listeners stop: first the node drains, reporting readiness DOWN
 * ({@code /actuator/health/readiness}) for {@code chat.shutdown.drain-delay} so that a load balancer sends new
 * clients elsewhere; then every client gets {@code bye} with reason {@code shutdown} (and reconnects, through the
 * balancer, to another node), and we wait (briefly) until those lines are written.
 */
@Component
class SessionShutdown implements SmartLifecycle {

	static final long FLUSH_WAIT_MILLIS = 3000;

	private final SessionManager sessions;

	private final SessionRegistry registry;

	private static final Logger log = LoggerFactory.getLogger(SessionShutdown.class);

	private final ApplicationEventPublisher events;

	private final Duration drainDelay;

	private volatile boolean running;

	SessionShutdown(SessionManager sessions, SessionRegistry registry, ApplicationEventPublisher events,
			ChatProperties properties) {
		this.sessions = sessions;
		this.registry = registry;
		this.events = events;
		this.drainDelay = properties.shutdown().drainDelay();
	}

	@Override
	public void start() {
		this.sessions.resume();
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
		drain();
		this.sessions.shutdown();
		long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(FLUSH_WAIT_MILLIS);
		while (System.nanoTime() < deadline && this.registry.all().stream().anyMatch(s -> s.queuedBytes() > 0)) {
			LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
		}
	}

	/**
	 * Readiness DOWN, then a pause while clients keep being served (new ones too: the balancer has not noticed
	 * yet). Spring Boot's web context reports the same as it closes; a context without a web server would not.
	 */
	private void drain() {
		AvailabilityChangeEvent.publish(this.events, this, ReadinessState.REFUSING_TRAFFIC);
		if (!this.drainDelay.isZero() && !this.drainDelay.isNegative()) {
			log.info("Draining: readiness is DOWN; saying bye to {} sessions in {} ms", this.registry.size(),
					this.drainDelay.toMillis());
			LockSupport.parkNanos(this.drainDelay.toNanos());
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
