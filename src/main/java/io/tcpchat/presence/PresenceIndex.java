package io.tcpchat.presence;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.tcpchat.auth.Usernames;

/**
 * Sessions by id, by user (account id and name) and by node, kept together under the user's entry so that counts
 * and look-ups never scan the sessions. A single node's presence ({@link LocalPresence}), and in a cluster the
 * local mirror of every node's sessions.
 */
public class PresenceIndex implements PresenceService {

	private final Map<String, OnlineUser> sessions = new ConcurrentHashMap<>();

	/** Each user's sessions (an immutable list, replaced on change), earliest first. */
	private final Map<Long, List<OnlineUser>> users = new ConcurrentHashMap<>();

	private final Map<String, Long> idsByName = new ConcurrentHashMap<>();

	/** The session ids of each node. */
	private final Map<String, Set<String>> nodes = new ConcurrentHashMap<>();

	private final AwayStatus away;

	public PresenceIndex(AwayStatus away) {
		this.away = away;
	}

	@Override
	public void online(OnlineUser session) {
		if (this.sessions.putIfAbsent(session.sessionId(), session) != null) {
			return;
		}
		this.nodes.computeIfAbsent(session.node(), node -> ConcurrentHashMap.newKeySet()).add(session.sessionId());
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
		this.nodes.computeIfPresent(session.node(), (node, ids) -> {
			ids.remove(sessionId);
			return ids.isEmpty() ? null : ids;
		});
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

	/** The sessions of one node. */
	public List<OnlineUser> sessionsOf(String node) {
		return this.nodes.getOrDefault(node, Set.of()).stream().map(this.sessions::get).filter(Objects::nonNull).toList();
	}

	/** The nodes that have sessions here. */
	public Set<String> nodes() {
		return Set.copyOf(this.nodes.keySet());
	}

	/** Forgets every session of a node (gone, or to be replaced). */
	public void removeNode(String node) {
		sessionsOf(node).forEach(session -> offline(session.sessionId()));
	}

	/** Makes a node's sessions exactly these (a rebuild from the record in Redis). */
	public void replaceNode(String node, Collection<OnlineUser> sessions) {
		Set<String> keep = new HashSet<>();
		sessions.forEach(session -> keep.add(session.sessionId()));
		sessionsOf(node).stream().filter(s -> !keep.contains(s.sessionId())).forEach(s -> offline(s.sessionId()));
		sessions.forEach(this::online);
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
