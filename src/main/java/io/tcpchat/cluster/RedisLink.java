package io.tcpchat.cluster;

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
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * This node's line to Redis, with two lanes of one thread each: the outbox runs every write to Redis (publishes,
 * presence, heartbeats) in the order given, off the callers' threads, so that a slow or absent Redis never holds up
 * a chat command and everything this node publishes arrives in the order it was published; the inbound lane applies
 * what other nodes published, in the order Redis delivered it. Whether Redis answers is learnt from every write:
 * a failure marks it down (logged once), the next heartbeat that gets through marks it up again and resyncs.
 */
@Component
@OnCluster
class RedisLink implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(RedisLink.class);

	/** What waits to be applied locally; a node this far behind has lost touch anyway. */
	private static final int INBOUND_CAPACITY = 100_000;

	private final StringRedisTemplate redis;

	private final ClusterKeys keys;

	private final String node;

	private final ThreadPoolExecutor outbox;

	private final ThreadPoolExecutor inbound;

	private final AtomicBoolean up = new AtomicBoolean();

	private final AtomicLong dropped = new AtomicLong();

	RedisLink(StringRedisTemplate redis, ChatProperties properties, NodeIdentity node) {
		this.redis = redis;
		this.keys = new ClusterKeys(properties.cluster().redisPrefix());
		this.node = node.id();
		this.outbox = ThreadPools.serial("cluster-out", properties.cluster().outboxCapacity());
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
		try {
			this.outbox.execute(() -> {
				try {
					command.run();
				}
				catch (RuntimeException ex) {
					down(ex);
				}
			});
		}
		catch (RejectedExecutionException ex) {
			long count = this.dropped.incrementAndGet();
			if (Long.bitCount(count) == 1) {
				log.warn("Redis is not keeping up: {} writes dropped so far (chat.cluster.outbox-capacity)", count);
			}
		}
	}

	void publish(String channel, String message) {
		write(() -> this.redis.convertAndSend(channel, message));
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
		boolean wasDown = this.up.compareAndSet(false, true);
		if (wasDown) {
			log.info("Redis reached: node {} shares events and presence with the cluster", this.node);
		}
		return wasDown;
	}

	void down(RuntimeException cause) {
		if (this.up.compareAndSet(true, false)) {
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
