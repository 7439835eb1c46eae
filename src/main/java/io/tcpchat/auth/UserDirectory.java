package io.tcpchat.auth;

import java.util.Optional;
import java.util.function.Function;

import io.tcpchat.cache.InvalidatedCache;
import io.tcpchat.event.ChatEvent;
import io.tcpchat.event.ChatEventListener;

import org.springframework.stereotype.Component;

/**
 * The live accounts by name, as a DM or a listing needs them (id, stored spelling, roles, colour), in memory:
 * filled by {@link AccountService} on a miss, dropped by the events that change an account, so a DM to a known
 * user reads no database. Unknown names are cached as absent too (a {@code UserCreated} drops that). Bounded:
 * the least used entries go first.
 */
@Component
class UserDirectory implements ChatEventListener {

	static final int MAX_ENTRIES = 100_000;

	private final InvalidatedCache<String, Optional<ChatUser>> byKey = new InvalidatedCache<>(MAX_ENTRIES);

	/** The live account holding {@code usernameKey} ({@link Usernames#key}), loaded by {@code loader} if needed. */
	Optional<ChatUser> find(String usernameKey, Function<String, Optional<ChatUser>> loader) {
		return this.byKey.get(usernameKey, loader);
	}

	/** What the directory holds for {@code usernameKey}, without loading: null when it holds nothing. */
	Optional<ChatUser> peek(String usernameKey) {
		return this.byKey.getIfPresent(usernameKey);
	}

	@Override
	public void onEvent(ChatEvent event) {
		if (event instanceof ChatEvent.UserCreated created) {
			forget(created.user());
		}
		else if (event instanceof ChatEvent.UserUpdated updated) {
			forget(updated.user());
		}
		else if (event instanceof ChatEvent.UserDeleted deleted) {
			forget(deleted.user());
		}
		else if (event instanceof ChatEvent.CachesStale) {
			this.byKey.invalidateAll();
		}
		else if (event instanceof ChatEvent.NameReleased released) {
			forget(released.name());
		}
	}

	private void forget(String name) {
		this.byKey.invalidate(Usernames.key(name));
	}

}
