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
 * Per-user flood control over every command that sends a message (plain lines included): a token bucket of
 * {@code chat.limits.burst} refilled at {@code chat.limits.messages-per-second}. Over it the message is refused
 * with {@code rate-limited}. Admins are exempt unless {@code chat.limits.exempt-admins=false}.
 */
@Component
class FloodControl implements CommandGuard {

	private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

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
		if (!command.sendsMessage() || context.user().isEmpty()) {
			return;
		}
		ChatUser user = context.user().get();
		if (user.isAdmin() && this.limits.exemptAdmins()) {
			return;
		}
		TokenBucket bucket = this.buckets.computeIfAbsent(Usernames.key(user.name()),
				key -> new TokenBucket(this.limits.messagesPerSecond(), this.limits.burst(), this.nanoTime));
		if (!bucket.tryTake()) {
			throw new ChatException(ErrorCode.RATE_LIMITED, "Slow down: at most " + this.limits.messagesPerSecond()
					+ " messages per second (bursts of " + this.limits.burst() + "). That one was not sent.");
		}
	}

	/** Forgets senders whose bucket has refilled, so the map does not grow with every user ever seen. */
	@Scheduled(fixedDelay = 60_000)
	void forgetIdleSenders() {
		this.buckets.values().removeIf(TokenBucket::isFull);
	}

}
