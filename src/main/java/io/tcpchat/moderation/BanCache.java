package io.tcpchat.moderation;

import java.util.Optional;
import java.util.function.Function;

import io.tcpchat.auth.Usernames;
import io.tcpchat.cache.InvalidatedCache;
import io.tcpchat.event.ChatEvent;
import io.tcpchat.event.ChatEventListener;

import org.springframework.stereotype.Component;

/**
 * The ban on record for each name checked (possibly expired), or its absence, filled by {@link BanService} on a
 * miss and dropped by {@code UserBanned}, {@code UserUnbanned} and {@code UserDeleted}, so the login check reads
 * no database. Bounded: the least used entries go first.
 */
@Component
class BanCache implements ChatEventListener {

	static final int MAX_ENTRIES = 100_000;

	private final InvalidatedCache<String, Optional<BanInfo>> byKey = new InvalidatedCache<>(MAX_ENTRIES);

	Optional<BanInfo> find(String usernameKey, Function<String, Optional<BanInfo>> loader) {
		return this.byKey.get(usernameKey, loader);
	}

	@Override
	public void onEvent(ChatEvent event) {
		if (event instanceof ChatEvent.UserBanned banned) {
			forget(banned.user());
		}
		else if (event instanceof ChatEvent.UserUnbanned unbanned) {
			forget(unbanned.user());
		}
		else if (event instanceof ChatEvent.UserDeleted deleted) {
			forget(deleted.user());
		}
		else if (event instanceof ChatEvent.CachesStale) {
			this.byKey.invalidateAll();
		}
	}

	private void forget(String name) {
		this.byKey.invalidate(Usernames.key(name));
	}

}
