package io.tcpchat.messaging;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import io.tcpchat.auth.ChatUser;
import io.tcpchat.auth.Usernames;
import io.tcpchat.command.CommandContext;
import io.tcpchat.command.CommandGuard;
import io.tcpchat.command.CommandSpec;
import io.tcpchat.config.ChatProperties;
import io.tcpchat.error.ChatException;
import io.tcpchat.error.ErrorCode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Per-user flood control, the one rule for every command: those that send a message (plain lines included) take
 * from a token bucket of {@code chat.limits.burst} refilled at {@code chat.limits.messages-per-second}; those that
 * only read (listings, history) from a second, more generous one ({@code chat.limits.read-burst},
 * {@code reads-per-second}). Over it the command is refused with {@code rate-limited}. Admins are exempt unless
 * {@code chat.limits.exempt-admins=false}.
 */
@Component
class FloodControl implements CommandGuard {

	private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

	private final Map<String, TokenBucket> readBuckets = new ConcurrentHashMap<>();

	private final ChatProperties.Limits limits;

	private final LongSupplier nanoTime;

	@Autowired
	FloodControl(ChatProperties properties) {
		this(properties, System::nanoTime);
	}

	FloodControl(ChatProperties properties, LongSupplier nanoTime) {
		this.limits = properties.limits();
		this.nanoTime = nanoTime;
	}

	@Override
	public void check(CommandSpec command, CommandContext context) {
		if (!(command.sendsMessage() || command.reads()) || context.user().isEmpty()) {
			return;
		}
		ChatUser user = context.user().get();
		if (user.isAdmin() && this.limits.exemptAdmins()) {
			return;
		}
		if (command.sendsMessage()) {
			TokenBucket bucket = this.buckets.computeIfAbsent(Usernames.key(user.name()),
					key -> new TokenBucket(this.limits.messagesPerSecond(), this.limits.burst(), this.nanoTime));
			if (!bucket.tryTake()) {
				throw new ChatException(ErrorCode.RATE_LIMITED, "Slow down: at most " + this.limits.messagesPerSecond()
						+ " messages per second (bursts of " + this.limits.burst() + "). That one was not sent.");
			}
			return;
		}
		TokenBucket bucket = this.readBuckets.computeIfAbsent(Usernames.key(user.name()),
				key -> new TokenBucket(this.limits.readsPerSecond(), this.limits.readBurst(), this.nanoTime));
		if (!bucket.tryTake()) {
			throw new ChatException(ErrorCode.RATE_LIMITED, "Slow down: at most " + this.limits.readsPerSecond()
					+ " listings per second (bursts of " + this.limits.readBurst() + ").");
		}
	}

	/** Forgets senders whose bucket has refilled, so the map does not grow with every user ever seen. */
	@Scheduled(fixedDelay = 60_000)
	void forgetIdleSenders() {
		this.buckets.values().removeIf(TokenBucket::isFull);
		this.readBuckets.values().removeIf(TokenBucket::isFull);
	}

}
