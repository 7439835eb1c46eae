package io.tcpchat.session;

import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.tcpchat.auth.ChatUser;
import io.tcpchat.auth.Role;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tcpchat.config.ChatProperties;
import io.tcpchat.metrics.ChatMetrics;
import io.tcpchat.connection.ConnectionInfo;
import io.tcpchat.connection.Format;
import io.tcpchat.connection.Outbound;
import io.tcpchat.event.ChatEvent;
import tools.jackson.databind.json.JsonMapper;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One channel message delivered to the N sessions of a channel, through the real {@link EventDelivery} and
 * {@link SessionRegistry}, into outbound queues that only collect the frames (no sockets): the server's cost per
 * fan-out before any write.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class FanoutBenchmark {

	@Param({ "10", "2000" })
	int members;

	private EventDelivery delivery;

	private final List<QueueOutbound> outbounds = new java.util.ArrayList<>();

	private long id;

	@Setup
	public void setUp() {
		ChatProperties properties = new ChatProperties(null, null, null, null, ChatProperties.Registration.OPEN,
				List.of(), "general", null, null, null, null, null, null, null, null, null);
		EventRenderer renderer = new EventRenderer(JsonMapper.builder().build());
		SessionRegistry registry = new SessionRegistry(new ChatMetrics(new SimpleMeterRegistry()));
		for (int i = 0; i < this.members; i++) {
			QueueOutbound outbound = new QueueOutbound();
			this.outbounds.add(outbound);
			ChatSession session = new ChatSession(new ConnectionInfo("c" + i, "127.0.0.1", "plain", Format.JSON),
					Instant.now(), outbound, renderer, new ChatSession.SessionHost() {

						@Override
						public void completeLogin(ChatSession session, io.tcpchat.auth.Login login) {
						}

						@Override
						public void loginRefused(ChatSession session) {
						}

					});
			session.loggedIn(new ChatUser(i, "user" + i, java.util.Set.of(Role.USER), "#3366ff"), List.of("general"),
					"general");
			registry.add(session);
			registry.indexLogin(session);
		}
		// no channel is deleted here: the channel service is never asked
		this.delivery = new EventDelivery(registry, renderer, new ChatMetrics(new SimpleMeterRegistry()),
				new org.springframework.beans.factory.support.StaticListableBeanFactory()
					.getBeanProvider(io.tcpchat.channel.ChannelService.class));
	}

	@Setup(Level.Iteration)
	public void empty() {
		this.outbounds.forEach(QueueOutbound::clear);
	}

	@Benchmark
	public void deliverToChannel() {
		this.delivery.onEvent(new ChatEvent.ChannelMessage(++this.id, Instant.now(), "general", "alice", "#3366ff",
				"bench 123456789 42 7 xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"));
		if ((this.id & 0xff) == 0) {
			this.outbounds.forEach(QueueOutbound::clear);
		}
	}

	/** Like the transport's writer queue, without the socket: frames are queued and counted. */
	static final class QueueOutbound implements Outbound {

		private final Queue<byte[]> queue = new ConcurrentLinkedQueue<>();

		private final AtomicLong queued = new AtomicLong();

		@Override
		public boolean send(byte[] frame) {
			this.queued.addAndGet(frame.length);
			return this.queue.add(frame);
		}

		@Override
		public void sendLast(byte[] frame) {
			send(frame);
		}

		@Override
		public void closeAfterFlush() {
		}

		@Override
		public long queuedBytes() {
			return this.queued.get();
		}

		void clear() {
			this.queue.clear();
			this.queued.set(0);
		}

	}

}
