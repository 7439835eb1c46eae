package io.tcpchat.presence;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.tcpchat.auth.Usernames;
import io.tcpchat.error.ChatException;
import io.tcpchat.event.ChatEvent;
import io.tcpchat.event.ChatEventListener;
import io.tcpchat.text.ChatText;

import org.springframework.stereotype.Component;

/**
 * Who is away, with what text. Lasts until {@code //back} or until the user's last session ends. A DM to an away
 * user tells its sender the away text once per away period.
 */
@Component
public class AwayStatus implements ChatEventListener {

	public static final int MAX_TEXT_LENGTH = 200;

	static final String DEFAULT_TEXT = "away";

	private record Away(String text, Set<Long> told) {
	}

	/** By lower-case username, as presence knows users. */
	private final Map<String, Away> byUser = new ConcurrentHashMap<>();

	/**
	 * The away text as others will see it (cleaned by the one text rule); it takes effect on every node through
	 * {@link ChatEvent.AwayChanged}.
	 */
	public String cleaned(String text) {
		String cleaned = (text == null || !ChatText.hasVisible(text)) ? DEFAULT_TEXT : ChatText.clean(text);
		if (cleaned.length() > MAX_TEXT_LENGTH) {
			throw ChatException.invalid("An away text has at most " + MAX_TEXT_LENGTH + " characters.");
		}
		return cleaned;
	}

	@Override
	public void onEvent(ChatEvent event) {
		if (event instanceof ChatEvent.AwayChanged change) {
			if (change.text() != null) {
				this.byUser.put(Usernames.key(change.user()), new Away(change.text(), ConcurrentHashMap.newKeySet()));
			}
			else {
				clear(change.user());
			}
		}
	}

	public boolean isAway(String user) {
		return this.byUser.containsKey(Usernames.key(user));
	}

	public Optional<String> textOf(String user) {
		return Optional.ofNullable(this.byUser.get(Usernames.key(user))).map(Away::text);
	}

	/** The away texts of those of {@code users} who are away, by name as given. */
	public Map<String, String> of(Collection<String> users) {
		Map<String, String> away = new LinkedHashMap<>();
		users.forEach(user -> textOf(user).ifPresent(text -> away.put(user, text)));
		return away;
	}

	/** The recipient's away text, for the first DM of this sender since the recipient went away; else empty. */
	public Optional<String> tellOnce(String recipient, long senderId) {
		Away away = this.byUser.get(Usernames.key(recipient));
		return (away != null && away.told().add(senderId)) ? Optional.of(away.text()) : Optional.empty();
	}

	void clear(String user) {
		this.byUser.remove(Usernames.key(user));
	}

}
