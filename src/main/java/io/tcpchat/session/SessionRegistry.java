package io.tcpchat.session;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.tcpchat.metrics.ChatMetrics;

import org.springframework.stereotype.Component;

/**
 * This node's sessions, indexed by connection, by user and by channel so that delivery never scans everyone.
 */
@Component
public class SessionRegistry {

	private final Map<String, ChatSession> byId = new ConcurrentHashMap<>();

	/** By account id: the identity, whatever the name. */
	private final Map<Long, Set<ChatSession>> byUser = new ConcurrentHashMap<>();

	private final Map<String, Set<ChatSession>> byChannel = new ConcurrentHashMap<>();

	/** The sessions whose users want online/offline notices ({@code //notify on}): few, so delivery scans them. */
	private final Set<ChatSession> presenceWatchers = ConcurrentHashMap.newKeySet();

	/**
	 * The sessions that asked for away notices ({@code //away-notices on}, IRC's away-notify): scanned only when
	 * someone goes away or comes back, which is rare next to messages.
	 */
	private final Set<ChatSession> awayWatchers = ConcurrentHashMap.newKeySet();

	private final Map<String, Integer> countByAddress = new ConcurrentHashMap<>();

	private final Map<String, AtomicInteger> countByListener = new ConcurrentHashMap<>();

	private final ChatMetrics metrics;

	SessionRegistry(ChatMetrics metrics) {
		this.metrics = metrics;
	}

	void add(ChatSession session) {
		this.byId.put(session.id(), session);
		this.countByAddress.merge(session.remoteAddress(), 1, Integer::sum);
		listenerCount(session.listener()).incrementAndGet();
	}

	/** The open connections of one listener; its gauge is registered with the first connection it accepts. */
	private AtomicInteger listenerCount(String listener) {
		return this.countByListener.computeIfAbsent(listener, name -> {
			AtomicInteger count = new AtomicInteger();
			this.metrics.connectionsOpen(name, count::get);
			return count;
		});
	}

	ChatSession get(String id) {
		return this.byId.get(id);
	}

	ChatSession remove(String id) {
		ChatSession session = this.byId.remove(id);
		if (session != null) {
			unindex(session);
			this.countByAddress.computeIfPresent(session.remoteAddress(),
					(address, count) -> (count > 1) ? count - 1 : null);
			listenerCount(session.listener()).decrementAndGet();
		}
		return session;
	}

	boolean contains(ChatSession session) {
		return this.byId.get(session.id()) == session;
	}

	void unindex(ChatSession session) {
		this.presenceWatchers.remove(session);
		this.awayWatchers.remove(session);
		if (session.isLoggedIn()) {
			removeFrom(this.byUser, userKey(session), session);
			session.channels().forEach(channel -> removeFrom(this.byChannel, channel, session));
		}
	}

	/** Indexes a session that just logged in. */
	void indexLogin(ChatSession session) {
		this.byUser.computeIfAbsent(userKey(session), k -> ConcurrentHashMap.newKeySet()).add(session);
		session.channels().forEach(channel -> addTo(channel, session));
	}

	void watchPresence(ChatSession session, boolean on) {
		watch(this.presenceWatchers, session, on);
	}

	Collection<ChatSession> presenceWatchers() {
		return this.presenceWatchers;
	}

	void watchAway(ChatSession session, boolean on) {
		watch(this.awayWatchers, session, on);
	}

	/** Adds an open session to {@code watchers}, or takes it out; a closed one is never added back. */
	private void watch(Set<ChatSession> watchers, ChatSession session, boolean on) {
		if (on && contains(session)) {
			watchers.add(session);
		}
		else {
			watchers.remove(session);
		}
	}

	Collection<ChatSession> awayWatchers() {
		return this.awayWatchers;
	}

	void joined(ChatSession session, String channel) {
		session.joined(channel);
		addTo(channel, session);
	}

	/** @return whether that was the session's current channel (it has none now) */
	boolean left(ChatSession session, String channel) {
		removeFrom(this.byChannel, channel, session);
		return session.left(channel);
	}

	public Collection<ChatSession> all() {
		return List.copyOf(this.byId.values());
	}

	public int size() {
		return this.byId.size();
	}

	Collection<ChatSession> ofUser(long userId) {
		return this.byUser.getOrDefault(userId, Set.of());
	}

	Collection<ChatSession> inChannel(String channel) {
		return this.byChannel.getOrDefault(channel, Set.of());
	}

	/** Sessions open from one address, without scanning them all on every connect. */
	int countFrom(String remoteAddress) {
		return this.countByAddress.getOrDefault(remoteAddress, 0);
	}

	private void addTo(String channel, ChatSession session) {
		this.byChannel.computeIfAbsent(channel, k -> ConcurrentHashMap.newKeySet()).add(session);
	}

	private static <K> void removeFrom(Map<K, Set<ChatSession>> index, K key, ChatSession session) {
		index.computeIfPresent(key, (k, sessions) -> {
			sessions.remove(session);
			return sessions.isEmpty() ? null : sessions;
		});
	}

	private static Long userKey(ChatSession session) {
		return session.user().orElseThrow().id();
	}

}
