package io.tcpchat.transport.websocket;

import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The outbound queue against a stand-in for the container's asynchronous endpoint, which completes sends when the
 * test says so (a client that reads) or never (one that does not).
 */
class WebSocketOutboundTests {

	private final List<String> sent = new ArrayList<>();

	private final List<SendHandler> inFlight = new ArrayList<>();

	private final AtomicInteger overflows = new AtomicInteger();

	private final AtomicInteger closes = new AtomicInteger();

	/** Drains handed to the writer threads, run when the test says so. */
	private final List<Runnable> writers = new ArrayList<>();

	private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();

	private boolean completeAtOnce;

	private int maxInFlight;

	@AfterEach
	void stopTimers() {
		this.timers.shutdownNow();
	}

	@Test
	void framesBecomeTextMessagesWithoutTheirLineFeedOneInFlightAtATime() {
		WebSocketOutbound outbound = outbound(1000);

		outbound.send(frame("one"));
		outbound.send(frame("two"));
		outbound.send(frame("three"));
		assertThat(this.sent).isEmpty();
		runWriters();

		assertThat(this.sent).containsExactly("one");
		assertThat(outbound.queuedBytes()).isEqualTo(4 + 4 + 6);
		completeNext();
		completeNext();
		completeNext();
		assertThat(this.sent).containsExactly("one", "two", "three");
		assertThat(this.maxInFlight).isEqualTo(1);
		assertThat(outbound.queuedBytes()).isZero();
	}

	@Test
	void sendsThatCompleteInsideSendTextGoOnWithoutRecursing() {
		this.completeAtOnce = true;
		WebSocketOutbound outbound = outbound(10_000_000);

		for (int i = 0; i < 100_000; i++) {
			outbound.send(frame("m" + i));
		}
		runWriters();

		assertThat(this.sent).hasSize(100_000).endsWith("m99999");
		assertThat(outbound.queuedBytes()).isZero();
	}

	@Test
	void pastTheLimitTheFrameIsRefusedAndTheClientReportedOnce() {
		WebSocketOutbound outbound = outbound(11);

		assertThat(outbound.send(frame("12345"))).isTrue();
		assertThat(outbound.send(frame("1234"))).isTrue();
		assertThat(outbound.send(frame("x"))).isFalse();

		assertThat(this.overflows).hasValue(1);
		assertThat(outbound.queuedBytes()).isEqualTo(11);
	}

	@Test
	void theLastFrameMayPassTheLimitAndClosesOnceWritten() {
		WebSocketOutbound outbound = outbound(5);
		outbound.send(frame("1234"));

		outbound.sendLast(frame("{\"type\":\"bye\"}"));
		assertThat(outbound.send(frame("late"))).isFalse();
		runWriters();
		completeNext();
		assertThat(this.closes).hasValue(0);
		completeNext();

		assertThat(this.sent).containsExactly("1234", "{\"type\":\"bye\"}");
		assertThat(this.closes).hasValue(1);
	}

	@Test
	void aClientThatNeverReadsIsClosedAfterTheGracePeriod() {
		WebSocketOutbound outbound = outbound(100);
		outbound.send(frame("stuck"));

		outbound.sendLast(frame("bye"));
		runWriters();

		await().until(() -> this.closes.get() == 1);
		assertThat(this.sent).containsExactly("stuck");
	}

	@Test
	void nothingCountsAsQueuedOnceTheConnectionIsGone() {
		WebSocketOutbound outbound = outbound(100);
		outbound.send(frame("a"));
		outbound.send(frame("b"));

		outbound.markClosed();

		assertThat(outbound.queuedBytes()).isZero();
		assertThat(outbound.send(frame("c"))).isFalse();
	}

	@Test
	void framesQueuedBeforeTheWriterRunsGoOutInOneBatch() {
		BatchingStandIn sender = new BatchingStandIn();
		WebSocketOutbound outbound = outbound(sender, 1000);

		outbound.send(frame("one"));
		outbound.send(frame("two"));
		assertThat(this.writers).hasSize(1);
		runWriters();

		assertThat(sender.writes).containsExactly(List.of("one", "two"));
	}

	@Test
	void framesQueuedWhileAFlushIsInFlightGoOutTogetherInTheNextOne() {
		BatchingStandIn sender = new BatchingStandIn();
		WebSocketOutbound outbound = outbound(sender, 1000);

		outbound.send(frame("one"));
		runWriters();
		outbound.send(frame("two"));
		outbound.send(frame("three"));
		runWriters();
		assertThat(sender.writes).containsExactly(List.of("one"));
		sender.completeFlush();

		assertThat(sender.writes).containsExactly(List.of("one"), List.of("two", "three"));
		assertThat(outbound.queuedBytes()).isZero();
		sender.completeFlush();
		assertThat(sender.flushesInFlight).isEmpty();
	}

	@Test
	void aCloseWaitsForTheLastFlushAndSwitchesBatchingOffFirst() {
		BatchingStandIn sender = new BatchingStandIn();
		WebSocketOutbound outbound = outbound(sender, 1000);
		outbound.send(frame("one"));
		runWriters();

		outbound.sendLast(frame("bye"));
		runWriters();
		assertThat(this.closes).hasValue(0);
		sender.completeFlush();
		assertThat(this.closes).hasValue(0);
		sender.completeFlush();

		assertThat(sender.writes).containsExactly(List.of("one"), List.of("bye"));
		assertThat(sender.closedBeforeClose).isTrue();
		assertThat(this.closes).hasValue(1);
	}

	@Test
	void aFailedFlushClosesTheConnection() {
		BatchingStandIn sender = new BatchingStandIn();
		WebSocketOutbound outbound = outbound(sender, 1000);
		outbound.send(frame("one"));
		runWriters();

		sender.flushesInFlight.remove(0).onResult(new SendResult(new java.io.IOException("reset")));

		assertThat(this.closes).hasValue(1);
		assertThat(sender.writes).containsExactly(List.of("one"));
	}

	private WebSocketOutbound outbound(long limit) {
		return outbound(TextFrameSender.unbatched(remote()), limit);
	}

	private WebSocketOutbound outbound(TextFrameSender sender, long limit) {
		return new WebSocketOutbound("ws-test", sender, this.writers::add, this.closes::incrementAndGet, Runnable::run,
				this.timers, limit, this.overflows::incrementAndGet);
	}

	private void runWriters() {
		while (!this.writers.isEmpty()) {
			this.writers.remove(0).run();
		}
	}

	private void completeNext() {
		this.inFlight.remove(0).onResult(new SendResult());
	}

	private RemoteEndpoint.Async remote() {
		return (RemoteEndpoint.Async) Proxy.newProxyInstance(getClass().getClassLoader(),
				new Class<?>[] { RemoteEndpoint.Async.class }, (proxy, method, args) -> {
					if (!method.getName().equals("sendText") || args.length != 2) {
						throw new UnsupportedOperationException(method.getName());
					}
					this.sent.add((String) args[0]);
					SendHandler handler = (SendHandler) args[1];
					if (this.completeAtOnce) {
						handler.onResult(new SendResult());
					}
					else {
						this.inFlight.add(handler);
						this.maxInFlight = Math.max(this.maxInFlight, this.inFlight.size());
					}
					return null;
				});
	}

	private static byte[] frame(String line) {
		return (line + "\n").getBytes(StandardCharsets.UTF_8);
	}

	/** Batches like Tomcat: sends complete at once into a batch, a flush writes it and completes when told. */
	private static final class BatchingStandIn implements TextFrameSender {

		private final List<String> batch = new ArrayList<>();

		private final List<List<String>> writes = new ArrayList<>();

		private final List<SendHandler> flushesInFlight = new ArrayList<>();

		private boolean closedBeforeClose;

		@Override
		public void send(String text, SendHandler done) {
			this.batch.add(text);
			done.onResult(new SendResult());
		}

		@Override
		public void flush(SendHandler done) {
			if (!this.batch.isEmpty()) {
				this.writes.add(List.copyOf(this.batch));
				this.batch.clear();
			}
			this.flushesInFlight.add(done);
		}

		@Override
		public void beforeClose() {
			this.closedBeforeClose = this.flushesInFlight.isEmpty() && this.batch.isEmpty();
		}

		void completeFlush() {
			this.flushesInFlight.remove(0).onResult(new SendResult());
		}

	}

}
