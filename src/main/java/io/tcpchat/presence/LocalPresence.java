package io.tcpchat.presence;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.tcpchat.auth.Usernames;

import org.springframework.stereotype.Component;

/**
 * This node's presence: sessions by id, and by user (account id and name), kept together under the user's entry
 * so that counts and look-ups never scan the sessions.
 */
@Component
class LocalPresence implements PresenceService {

	private final Map<String, OnlineUser> sessions = new ConcurrentHashMap<>();

	/** Each user's sessions (an immutable list, replaced on change), earliest first. */
	private final Map<Long, List<OnlineUser>> users = new ConcurrentHashMap<>();

	private final Map<String, Long> idsByName = new ConcurrentHashMap<>();

	private final AwayStatus away;

	LocalPresence(AwayStatus away) {
		this.away = away;
	}

	@Override
	public void online(OnlineUser session) {
		this.sessions.put(session.sessionId(), session);
		this.users.compute(session.userId(), (id, list) -> {
			List<OnlineUser> updated = new ArrayList<>((list != null) ? list : List.of());
			updated.add(session);
			updated.sort(Comparator.comparing(OnlineUser::connectedAt));
			this.idsByName.put(Usernames.key(session.username()), id);
			return List.copyOf(updated);
		});
	}

	@Override
	public void offline(String sessionId) {
		OnlineUser session = this.sessions.remove(sessionId);
		if (session == null) {
			return;
		}
		this.users.computeIfPresent(session.userId(), (id, list) -> {
			List<OnlineUser> rest = list.stream().filter(s -> !s.sessionId().equals(sessionId)).toList();
			if (rest.isEmpty()) {
				this.idsByName.remove(Usernames.key(session.username()), id);
				// away lasts while the user is here at all
				this.away.clear(session.username());
				return null;
			}
			return rest;
		});
	}

	@Override
	public Collection<OnlineUser> sessions() {
		return List.copyOf(this.sessions.values());
	}

	@Override
	public Collection<List<OnlineUser>> sessionsByUser() {
		return List.copyOf(this.users.values());
	}

	@Override
	public List<String> usernames() {
		return this.users.values()
			.stream()
			.map(list -> list.get(0).username())
			.sorted(String.CASE_INSENSITIVE_ORDER)
			.toList();
	}

	@Override
	public int userCount() {
		return this.users.size();
	}

	@Override
	public boolean isOnline(String username) {
		Long id = this.idsByName.get(Usernames.key(username));
		return id != null && isOnline(id);
	}

	@Override
	public boolean isOnline(long userId) {
		return this.users.containsKey(userId);
	}

	@Override
	public List<OnlineUser> onlineAmong(Set<Long> userIds) {
		if (userIds.size() > this.users.size()) {
			// fewer users online than asked about: walk those online instead
			return this.users.entrySet()
				.stream()
				.filter(e -> userIds.contains(e.getKey()))
				.map(e -> e.getValue().get(0))
				.toList();
		}
		return userIds.stream()
			.map(this.users::get)
			.filter(Objects::nonNull)
			.map(list -> list.get(0))
			.toList();
	}

}
