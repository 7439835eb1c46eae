package io.tcpchat.moderation;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.tcpchat.auth.ChatUser;
import io.tcpchat.error.ChatException;
import io.tcpchat.event.ChatEvent;
import io.tcpchat.event.ChatEventListener;
import io.tcpchat.messaging.SendGuard;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Who is muted, in memory, so that the check on every message reads no database. Loaded at start, then kept by the
 * {@code UserMuted}/{@code UserUnmuted}/{@code UserDeleted} events, so every node of a cluster holds the same.
 */
@Component
class MutedUsers implements SendGuard, ChatEventListener, InitializingBean {

	private final MuteRepository mutes;

	private final Clock clock;

	/** Account id to the end of the mute ({@link Instant#MAX}: until lifted). */
	private final Map<Long, Instant> muted = new ConcurrentHashMap<>();

	MutedUsers(MuteRepository mutes, Clock clock) {
		this.mutes = mutes;
		this.clock = clock;
	}

	@Override
	public void afterPropertiesSet() {
		reload();
	}

	private void reload() {
		Map<Long, Instant> current = new HashMap<>();
		this.mutes.findAll().forEach(m -> current.put(m.accountId(), untilOrMax(m.expiresAt())));
		this.muted.keySet().retainAll(current.keySet());
		this.muted.putAll(current);
	}

	@Override
	public void check(ChatUser sender) {
		Instant until = this.muted.get(sender.id());
		if (until == null) {
			return;
		}
		if (!until.isAfter(this.clock.instant())) {
			this.muted.remove(sender.id(), until);
			return;
		}
		throw ChatException.forbidden("You are muted" + (until.equals(Instant.MAX) ? "" : " until " + until)
				+ ": you can read, but not send.");
	}

	@Override
	public void onEvent(ChatEvent event) {
		if (event instanceof ChatEvent.UserMuted m) {
			this.muted.put(m.userId(), untilOrMax(m.until()));
		}
		else if (event instanceof ChatEvent.UserUnmuted u) {
			this.muted.remove(u.userId());
		}
		else if (event instanceof ChatEvent.UserDeleted d) {
			this.muted.remove(d.userId());
		}
		else if (event instanceof ChatEvent.CachesStale) {
			reload();
		}
	}

	private static Instant untilOrMax(Instant until) {
		return (until != null) ? until : Instant.MAX;
	}

}
