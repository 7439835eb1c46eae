package io.tcpchat.session;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.tcpchat.config.ChatProperties;
import io.tcpchat.error.ChatException;
import io.tcpchat.error.ErrorCode;

import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;

/**
 * Keepalive and login timeout: a session silent for {@code chat.keepalive.idle} gets a {@code ping}; silent for
 * {@code chat.keepalive.timeout} more, it is closed. A connection not logged in within
 * {@code chat.limits.login-timeout} is closed.
 */
@Component
class SessionTimers implements SmartLifecycle {

	private final SessionRegistry registry;

	private final long idleNanos;

	private final long timeoutNanos;

	private final long loginTimeoutNanos;

	private final Duration tick;

	private ScheduledExecutorService scheduler;

	SessionTimers(SessionRegistry registry, ChatProperties properties) {
		this.registry = registry;
		this.idleNanos = properties.keepalive().idle().toNanos();
		this.timeoutNanos = properties.keepalive().timeout().toNanos();
		this.loginTimeoutNanos = properties.limits().loginTimeout().toNanos();
		long shortest = Math.min(Math.min(this.idleNanos, this.timeoutNanos), this.loginTimeoutNanos);
		this.tick = Duration.ofNanos(Math.max(TimeUnit.MILLISECONDS.toNanos(50),
				Math.min(shortest / 4, TimeUnit.SECONDS.toNanos(1))));
	}

	void check(long now) {
		for (ChatSession session : this.registry.all()) {
			if (session.isClosing()) {
				continue;
			}
			long connectedFor = now - session.connectedNanos();
			if (!session.isLoggedIn() && connectedFor > this.loginTimeoutNanos) {
				session.error(null, new ChatException(ErrorCode.NOT_LOGGED_IN, "Login took too long."));
				session.bye("login-timeout");
			}
			else if (session.pingToken() != null && now - session.pingSentNanos() > this.timeoutNanos) {
				session.bye("idle-timeout");
			}
			else if (session.pingToken() == null && now - session.lastInputNanos() > this.idleNanos) {
				session.ping(UUID.randomUUID().toString().substring(0, 8));
			}
		}
	}

	@Override
	public void start() {
		this.scheduler = Executors.newSingleThreadScheduledExecutor(new CustomizableThreadFactory("chat-timers-"));
		this.scheduler.scheduleWithFixedDelay(() -> check(System.nanoTime()), this.tick.toNanos(),
				this.tick.toNanos(), TimeUnit.NANOSECONDS);
	}

	@Override
	public void stop() {
		this.scheduler.shutdownNow();
		this.scheduler = null;
	}

	@Override
	public boolean isRunning() {
		return this.scheduler != null;
	}

}
