package io.tcpchat.cluster;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;

import io.tcpchat.config.ChatProperties;
import io.tcpchat.presence.AwayStatus;
import io.tcpchat.presence.OnlineUser;
import io.tcpchat.presence.PresenceIndex;
import io.tcpchat.presence.PresenceService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Who is online on every node. The record is in Redis: each node's sessions in a hash of its own, a heartbeat key
 * per node that lives {@code chat.cluster.node-timeout} and is renewed every {@code chat.cluster.heartbeat}, and
 * the set of nodes. Queries are answered from a local mirror of every node's sessions ({@link PresenceIndex}),
 * kept current by the changes each node publishes on {@code <prefix>:presence} and rebuilt from the record
 * whenever this node (re)gains Redis. Every node sweeps the nodes whose heartbeat expired (a killed node).
 */
@Component
@OnCluster
class ClusterPresence implements PresenceService, MessageListener, SmartInitializingSingleton, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(ClusterPresence.class);

	/** One change: {@code online} (with the session), {@code offline} (its id) or {@code gone} (a whole node). */
	record Change(String op, String node, OnlineUser session, String sessionId) {
	}

	private final PresenceIndex index;

	private final RedisLink link;

	private final ClusterKeys keys;

	private final String node;

	private final Duration nodeTimeout;

	private final JsonMapper json = JsonMapper.builder().build();

	private final TaskScheduler scheduler;

	private final Duration heartbeatEvery;

	/** Heartbeats between two rebuilds of the mirror from the record (a minute at the default heartbeat). */
	private static final int REBUILD_EVERY_BEATS = 30;

	private volatile boolean heartbeating = true;

	/** Counted on the outbox thread only. */
	private long beats;

	/**
	 * Whether a heartbeat ran before (outbox thread only): Redis found up by any but the first is a recovery, after an
	 * outage or after a start without Redis, and this node may have missed events.
	 */
	private boolean beatBefore;

	private final ClusterRecovery recovery;

	private ScheduledFuture<?> heartbeats;

	ClusterPresence(AwayStatus away, RedisLink link, ChatProperties properties, TaskScheduler scheduler,
			ClusterRecovery recovery) {
		this.recovery = recovery;
		this.scheduler = scheduler;
		this.heartbeatEvery = properties.cluster().heartbeat();
		this.index = new PresenceIndex(away);
		this.link = link;
		this.keys = link.keys();
		this.node = link.node();
		this.nodeTimeout = properties.cluster().nodeTimeout();
	}

	@Override
	public void online(OnlineUser session) {
		this.index.online(session);
		String value = this.json.writeValueAsString(session);
		this.link.write(() -> {
			redis().opsForHash().put(this.keys.sessions(this.node), session.sessionId(), value);
			announce(new Change("online", this.node, session, null));
		});
	}

	@Override
	public void offline(String sessionId) {
		this.index.offline(sessionId);
		this.link.write(() -> {
			redis().opsForHash().delete(this.keys.sessions(this.node), sessionId);
			announce(new Change("offline", this.node, null, sessionId));
		});
	}

	@Override
	public void onMessage(Message message, byte[] pattern) {
		Change change;
		try {
			change = this.json.readValue(new String(message.getBody(), StandardCharsets.UTF_8), Change.class);
		}
		catch (RuntimeException ex) {
			log.warn("Ignored a presence change that this version cannot read: {}", ex.getMessage());
			return;
		}
		if (change.node().equals(this.node)) {
			return;
		}
		switch (change.op()) {
			case "online" -> this.index.online(change.session());
			case "offline" -> this.index.offline(change.sessionId());
			case "gone" -> this.index.removeNode(change.node());
			// the node wrote its sessions again after an outage: read them (here, on the inbound lane, in order)
			case "refresh" -> refresh(change.node());
			default -> log.debug("Ignored presence change {}", change.op());
		}
	}

	@Override
	public void afterSingletonsInstantiated() {
		this.heartbeats = this.scheduler.scheduleWithFixedDelay(this::heartbeat, this.heartbeatEvery);
	}

	/** Renews this node's heartbeat, resyncs after Redis was away, and sweeps the nodes that died. */
	void heartbeat() {
		if (this.heartbeating) {
			this.link.write(this::beat);
		}
	}

	private void beat() {
		boolean recovering = this.beatBefore;
		this.beatBefore = true;
		redis().opsForValue().set(this.keys.alive(this.node), "1", this.nodeTimeout);
		redis().opsForSet().add(this.keys.nodes(), this.node);
		if (this.link.up()) {
			// subscribed before the rewrite and the rebuild, so that no change announced after them is missed
			this.recovery.subscribe();
			rewriteOwn();
			rebuildMirror();
			if (recovering) {
				// after the mirror's rebuild, on the same lane as the events that follow
				this.link.inbound().execute(this.recovery::afterOutage);
			}
		}
		else if (++this.beats % REBUILD_EVERY_BEATS == 0) {
			// a change lost in transit (a node's brief outage) cannot linger for longer than this
			rebuildMirror();
		}
		sweep();
	}

	/** Writes this node's sessions again (Redis may have lost them, or missed changes) and tells the others. */
	private void rewriteOwn() {
		String mine = this.keys.sessions(this.node);
		redis().delete(mine);
		List<OnlineUser> own = this.index.sessionsOf(this.node);
		if (!own.isEmpty()) {
			Map<String, String> values = new HashMap<>();
			own.forEach(session -> values.put(session.sessionId(), this.json.writeValueAsString(session)));
			redis().opsForHash().putAll(mine, values);
		}
		announce(new Change("refresh", this.node, null, null));
	}

	/** Rebuilds the mirror of the other nodes from the record. */
	private void rebuildMirror() {
		List<String> others = otherNodes();
		for (String other : others) {
			// read and applied on the inbound lane: a change announced before the read is applied before it, one
			// announced after it (and maybe already in the read) is applied after it, which changes nothing
			this.link.inbound().execute(() -> refresh(other));
		}
		log.debug("Presence of {} other nodes rebuilt from Redis", others.size());
	}

	/** Makes the mirror of a node what Redis holds for it (on the inbound lane). */
	private void refresh(String other) {
		try {
			this.index.replaceNode(other, sessionsOf(other));
		}
		catch (RuntimeException ex) {
			this.link.down(ex);
		}
	}

	private List<OnlineUser> sessionsOf(String node) {
		return redis().<String, String>opsForHash()
			.values(this.keys.sessions(node))
			.stream()
			.map(value -> this.json.readValue(value, OnlineUser.class))
			.toList();
	}

	/** Forgets the nodes whose heartbeat has expired, in Redis and here, and tells the others. */
	private void sweep() {
		Set<String> known = redis().opsForSet().members(this.keys.nodes());
		for (String other : (known != null) ? known : Set.<String>of()) {
			if (!other.equals(this.node) && !Boolean.TRUE.equals(redis().hasKey(this.keys.alive(other)))) {
				redis().delete(this.keys.sessions(other));
				redis().opsForSet().remove(this.keys.nodes(), other);
				announce(new Change("gone", other, null, null));
				log.warn("Node {} stopped its heartbeat: its sessions left presence", other);
			}
		}
		Set<String> alive = (known != null) ? known : Set.of();
		for (String mirrored : this.index.nodes()) {
			if (!mirrored.equals(this.node) && !alive.contains(mirrored)) {
				this.link.inbound().execute(() -> this.index.removeNode(mirrored));
			}
		}
	}

	private List<String> otherNodes() {
		Set<String> known = redis().opsForSet().members(this.keys.nodes());
		return (known != null) ? known.stream().filter(other -> !other.equals(this.node)).toList() : List.of();
	}

	private void announce(Change change) {
		redis().convertAndSend(this.keys.presence(), this.json.writeValueAsString(change));
	}

	private StringRedisTemplate redis() {
		return this.link.redis();
	}

	/** For tests: a node that stops heartbeating looks killed to the others. */
	void stopHeartbeat() {
		this.heartbeating = false;
	}

	/** Leaving in good order: the others need not wait for the heartbeat to expire. */
	@Override
	public void destroy() {
		if (this.heartbeats != null) {
			this.heartbeats.cancel(false);
		}
		if (!this.heartbeating) {
			return;
		}
		this.heartbeating = false;
		this.link.write(() -> {
			redis().delete(List.of(this.keys.sessions(this.node), this.keys.alive(this.node)));
			redis().opsForSet().remove(this.keys.nodes(), this.node);
			announce(new Change("gone", this.node, null, null));
		});
	}

	@Override
	public Collection<OnlineUser> sessions() {
		return this.index.sessions();
	}

	@Override
	public Collection<List<OnlineUser>> sessionsByUser() {
		return this.index.sessionsByUser();
	}

	@Override
	public List<String> usernames() {
		return this.index.usernames();
	}

	@Override
	public int userCount() {
		return this.index.userCount();
	}

	@Override
	public boolean isOnline(String username) {
		return this.index.isOnline(username);
	}

	@Override
	public boolean isOnline(long userId) {
		return this.index.isOnline(userId);
	}

	@Override
	public List<OnlineUser> onlineAmong(Set<Long> userIds) {
		return this.index.onlineAmong(userIds);
	}

}
