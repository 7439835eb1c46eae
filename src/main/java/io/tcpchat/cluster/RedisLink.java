package io.tcpchat.cluster;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.tcpchat.config.ChatProperties;
import io.tcpchat.config.NodeIdentity;
import io.tcpchat.config.ThreadPools;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * This node's line to Redis, with two lanes of one thread each: the outbox runs every write to Redis (publishes,
 * presence, heartbeats) in the order given, off the callers' threads, so that a slow or absent Redis never holds up
 * a chat command and everything this node publishes arrives in the order it was published (publishes waiting
 * together are sent in one pipeline, so a node publishes far more than one per round trip); the inbound lane applies
 * what other nodes published, in the order Redis delivered it. Whether Redis answers is learnt from every write:
 * a failure marks it down (logged once), the next heartbeat that gets through marks it up again and resyncs.
 */
@Component
@OnCluster
class RedisLink implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(RedisLink.class);

	/** A write: a command, or a publish (channel and message). */
	private record Write(Runnable command, String channel, String message) {
	}

	/** Most publishes sent in one pipeline. */
	private static final int MAX_PIPELINE = 256;

	/** What waits to be applied locally; a node this far behind has lost touch anyway. */
	private static final int INBOUND_CAPACITY = 100_000;

	private final StringRedisTemplate redis;

	private final ClusterKeys keys;

	private final String node;

	private final ThreadPoolExecutor outbox;

	private final ThreadPoolExecutor inbound;

	private final AtomicBoolean up = new AtomicBoolean();

	/** Until Redis is first reached or first fails: a node started without Redis says so once. */
	private final AtomicBoolean untried = new AtomicBoolean(true);

	/** What waits for the outbox thread, in order; bounded by {@code chat.cluster.outbox-capacity}. */
	private final BlockingQueue<Write> pending;

	private final AtomicBoolean drainScheduled = new AtomicBoolean();

	private final AtomicLong dropped = new AtomicLong();

	RedisLink(StringRedisTemplate redis, ChatProperties properties, NodeIdentity node) {
		this.redis = redis;
		this.keys = new ClusterKeys(properties.cluster().redisPrefix());
		this.node = node.id();
		this.pending = new ArrayBlockingQueue<>(properties.cluster().outboxCapacity());
		// one drain at a time, and at most one more scheduled
		this.outbox = ThreadPools.serial("cluster-out", 4);
		this.inbound = ThreadPools.serial("cluster-in", INBOUND_CAPACITY);
	}

	StringRedisTemplate redis() {
		return this.redis;
	}

	ClusterKeys keys() {
		return this.keys;
	}

	String node() {
		return this.node;
	}

	/** Runs a write to Redis on the outbox; if Redis fails it, the write is lost (and Redis marked down). */
	void write(Runnable command) {
		enqueue(new Write(command, null, null));
	}

	/** Publishes on the outbox; publishes that wait together go to Redis in one pipeline. */
	void publish(String channel, String message) {
		enqueue(new Write(null, channel, message));
	}

	private void enqueue(Write write) {
		if (!this.pending.offer(write)) {
			long count = this.dropped.incrementAndGet();
			if (Long.bitCount(count) == 1) {
				log.warn("Redis is not keeping up: {} writes dropped so far (chat.cluster.outbox-capacity)", count);
			}
			return;
		}
		if (this.drainScheduled.compareAndSet(false, true)) {
			this.outbox.execute(this::drain);
		}
	}

	/** On the outbox thread: everything pending, in order; runs of publishes pipelined. */
	private void drain() {
		this.drainScheduled.set(false);
		Write next;
		while ((next = this.pending.poll()) != null) {
			if (next.command() != null) {
				run(next.command());
				continue;
			}
			List<Write> batch = new ArrayList<>();
			batch.add(next);
			while (batch.size() < MAX_PIPELINE && this.pending.peek() != null && this.pending.peek().command() == null) {
				batch.add(this.pending.poll());
			}
			run(() -> this.redis.executePipelined((RedisCallback<Object>) connection -> {
				for (Write publish : batch) {
					connection.publish(bytes(publish.channel()), bytes(publish.message()));
				}
				return null;
			}));
		}
	}

	private void run(Runnable command) {
		try {
			command.run();
		}
		catch (RuntimeException ex) {
			down(ex);
		}
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	/** Where what came from other nodes is applied, one after the other. */
	Executor inbound() {
		return task -> {
			try {
				this.inbound.execute(task);
			}
			catch (RejectedExecutionException ex) {
				log.warn("Dropped a message from another node: this node is {} behind", INBOUND_CAPACITY);
			}
		};
	}

	boolean isUp() {
		return this.up.get();
	}

	/** @return true if Redis was down (or not yet reached) until now */
	boolean up() {
		this.untried.set(false);
		boolean wasDown = this.up.compareAndSet(false, true);
		if (wasDown) {
			log.info("Redis reached: node {} shares events and presence with the cluster", this.node);
		}
		return wasDown;
	}

	void down(RuntimeException cause) {
		if (this.up.compareAndSet(true, false) | this.untried.compareAndSet(true, false)) {
			log.warn("Redis unreachable ({}): node {} serves its own users only until it is back", cause.getMessage(),
					this.node);
		}
	}

	@Override
	public void destroy() throws InterruptedException {
		this.outbox.shutdown();
		this.outbox.awaitTermination(5, TimeUnit.SECONDS);
		this.inbound.shutdown();
	}

}
