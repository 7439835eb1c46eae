package io.tcpchat.transport;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ConnectionWriterTests {

	private final WriterThreads writers = new WriterThreads("test-write", 2);

	private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor();

	private final AtomicInteger overflows = new AtomicInteger();

	@AfterEach
	void stop() {
		this.writers.close();
		this.retries.shutdownNow();
	}

	@Test
	void framesArriveInTheOrderTheyWereSentAndAreGatheredIntoFewWrites() {
		MemorySink sink = new MemorySink(Integer.MAX_VALUE);
		ConnectionWriter writer = writer(sink, 1 << 20);
		StringBuilder expected = new StringBuilder();

		for (int i = 0; i < 1000; i++) {
			writer.send(frame("line " + i));
			expected.append("line ").append(i).append('\n');
		}

		await().atMost(Duration.ofSeconds(10)).until(() -> sink.text().length() == expected.length());
		assertThat(sink.text()).isEqualTo(expected.toString());
		assertThat(sink.writes.get()).isLessThan(1000);
		assertThat(writer.queuedBytes()).isZero();
	}

	@Test
	void aSocketThatTakesLittleAtATimeStillGetsEverythingInOrder() {
		MemorySink sink = new MemorySink(7);
		ConnectionWriter writer = writer(sink, 1 << 20);
		StringBuilder expected = new StringBuilder();

		for (int i = 0; i < 200; i++) {
			writer.send(frame("frame " + i));
			expected.append("frame ").append(i).append('\n');
		}

		await().atMost(Duration.ofSeconds(20)).until(() -> sink.text().length() == expected.length());
		assertThat(sink.text()).isEqualTo(expected.toString());
	}

	@Test
	void aFrameLargerThanOneWriteArrivesWholeAndInOrder() {
		MemorySink sink = new MemorySink(10_000);
		ConnectionWriter writer = writer(sink, 1 << 20);
		String big = "x".repeat(ConnectionWriter.BUFFER_BYTES * 2 + 17);

		writer.send(frame("before"));
		writer.send(frame(big));
		writer.send(frame("after"));

		String expected = "before\n" + big + "\nafter\n";
		await().atMost(Duration.ofSeconds(20)).until(() -> sink.text().length() == expected.length());
		assertThat(sink.text()).isEqualTo(expected);
		assertThat(writer.queuedBytes()).isZero();
	}

	@Test
	void passingTheSendQueueLimitDropsTheClientAsASlowConsumer() {
		MemorySink sink = new MemorySink(0); // a client that reads nothing
		ConnectionWriter writer = writer(sink, 100);

		boolean accepted = true;
		for (int i = 0; i < 20 && accepted; i++) {
			accepted = writer.send(frame("0123456789"));
		}

		assertThat(accepted).isFalse();
		assertThat(this.overflows.get()).isEqualTo(1);
		assertThat(writer.queuedBytes()).isLessThanOrEqualTo(100);
	}

	@Test
	void closeAfterFlushWritesEverythingQueuedThenCloses() {
		MemorySink sink = new MemorySink(Integer.MAX_VALUE);
		ConnectionWriter writer = writer(sink, 1 << 20);

		writer.send(frame("one"));
		writer.sendLast(frame("bye"));

		await().atMost(Duration.ofSeconds(10)).until(() -> sink.closed);
		assertThat(sink.text()).isEqualTo("one\nbye\n");
		assertThat(writer.send(frame("late"))).isFalse();
	}

	@Test
	void nothingIsWrittenAfterTheConnectionClosed() {
		MemorySink sink = new MemorySink(0);
		ConnectionWriter writer = writer(sink, 1 << 20);
		writer.send(frame("queued"));

		writer.markClosed();

		assertThat(writer.send(frame("after"))).isFalse();
		assertThat(writer.queuedBytes()).isLessThanOrEqualTo(frame("queued").length);
	}

	private ConnectionWriter writer(MemorySink sink, long limit) {
		return new ConnectionWriter(sink, this.writers, this.retries, limit, this.overflows::incrementAndGet);
	}

	private static byte[] frame(String line) {
		return (line + "\n").getBytes(StandardCharsets.UTF_8);
	}

	/** A socket that takes at most {@code perWrite} bytes per write, like a full kernel buffer. */
	static final class MemorySink implements FrameSink {

		private final int perWrite;

		private final ByteArrayOutputStream received = new ByteArrayOutputStream();

		final AtomicInteger writes = new AtomicInteger();

		volatile boolean closed;

		MemorySink(int perWrite) {
			this.perWrite = perWrite;
		}

		@Override
		public String clientAddress() {
			return "127.0.0.1";
		}

		synchronized String text() {
			return this.received.toString(StandardCharsets.UTF_8);
		}

		@Override
		public String getConnectionId() {
			return "test";
		}

		@Override
		public synchronized void write(ByteBuffer buffer) {
			this.writes.incrementAndGet();
			byte[] bytes = new byte[Math.min(this.perWrite, buffer.remaining())];
			buffer.get(bytes);
			this.received.writeBytes(bytes);
		}

		@Override
		public boolean blocksOnWrite() {
			return false;
		}

		@Override
		public boolean isReady() {
			return true;
		}

		@Override
		public void onReady(Runnable action) {
		}

		@Override
		public void close() {
			this.closed = true;
		}

	}

}
