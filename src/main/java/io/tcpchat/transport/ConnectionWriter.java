package io.tcpchat.transport;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.tcpchat.connection.Outbound;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbound queue of one connection. Frames are queued by any thread; one drain at a time (on a shared
 * writer pool) gathers them into a buffer and writes what the socket accepts without blocking. When the socket
 * is full the rest waits and the drain is retried shortly; when the queue passes its byte limit the client is
 * dropped as a slow consumer.
 * <p>
 * Nothing is written before the {@link FrameSink} is ready (TLS: handshake finished). For a sink that blocks on
 * write or is not ready yet, a timer closes the connection when a close was asked for and the frames could not
 * be written within the grace period.
 */
class ConnectionWriter implements Outbound {

	private static final Logger log = LoggerFactory.getLogger(ConnectionWriter.class);

	static final int BUFFER_BYTES = 64 * 1024;

	static final long RETRY_MILLIS = 5;

	static final long CLOSE_GRACE_MILLIS = 2000;

	private final FrameSink sink;

	private final Executor writers;

	private final ScheduledExecutorService retries;

	private final long limitBytes;

	private final Runnable onOverflow;

	private final Queue<byte[]> queue = new ConcurrentLinkedQueue<>();

	private final AtomicLong queued = new AtomicLong();

	private final AtomicBoolean draining = new AtomicBoolean();

	/** Accessed only by the one drain running at a time. */
	private ByteBuffer pending;

	private volatile boolean closed;

	private volatile long closeDeadline;

	private final AtomicBoolean closing = new AtomicBoolean();

	ConnectionWriter(FrameSink sink, Executor writers, ScheduledExecutorService retries, long limitBytes,
			Runnable onOverflow) {
		this.sink = sink;
		this.writers = writers;
		this.retries = retries;
		this.limitBytes = limitBytes;
		this.onOverflow = onOverflow;
		sink.onReady(this::scheduleDrain);
	}

	@Override
	public boolean send(byte[] frame) {
		if (this.closed || this.closeDeadline != 0) {
			return false;
		}
		if (this.queued.addAndGet(frame.length) > this.limitBytes) {
			this.queued.addAndGet(-frame.length);
			this.onOverflow.run();
			return false;
		}
		this.queue.add(frame);
		scheduleDrain();
		return true;
	}

	@Override
	public void sendLast(byte[] frame) {
		if (this.closed || this.closeDeadline != 0) {
			return;
		}
		this.queued.addAndGet(frame.length);
		this.queue.add(frame);
		closeAfterFlush();
	}

	@Override
	public void closeAfterFlush() {
		if (this.closeDeadline == 0) {
			this.closeDeadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CLOSE_GRACE_MILLIS);
			if (this.sink.blocksOnWrite() || !this.sink.isReady()) {
				this.retries.schedule(this::closeNow, CLOSE_GRACE_MILLIS, TimeUnit.MILLISECONDS);
			}
		}
		scheduleDrain();
	}

	@Override
	public long queuedBytes() {
		return this.queued.get();
	}

	void markClosed() {
		this.closed = true;
		this.queue.clear();
		this.pending = null;
	}

	private void scheduleDrain() {
		if (this.draining.compareAndSet(false, true)) {
			this.writers.execute(this::drain);
		}
	}

	private void drain() {
		if (!this.sink.isReady()) {
			awaitReady();
			return;
		}
		try {
			boolean socketFull = writeWhatFits();
			if (socketFull) {
				if (this.closeDeadline != 0 && System.nanoTime() > this.closeDeadline) {
					closeNow();
					return;
				}
				this.retries.schedule(() -> this.writers.execute(this::drain), RETRY_MILLIS, TimeUnit.MILLISECONDS);
				return;
			}
			if (this.closeDeadline != 0 && this.queue.isEmpty()) {
				closeNow();
				return;
			}
		}
		catch (IOException | RuntimeException ex) {
			log.debug("Write to {} failed: {}", this.sink.getConnectionId(), ex.getMessage());
			closeNow();
			return;
		}
		this.draining.set(false);
		if (!this.queue.isEmpty() || (this.closeDeadline != 0 && !this.closed)) {
			scheduleDrain();
		}
	}

	/**
	 * Nothing can be written yet: the sink's ready callback drains. A close asked for meanwhile (a refusal at
	 * connect, the login timeout) still gets its last frames out if the handshake finishes within the grace
	 * period; the close timer ends it otherwise.
	 */
	private void awaitReady() {
		this.draining.set(false);
		if (this.sink.isReady()) {
			scheduleDrain();
		}
	}

	/** @return true if the socket would not take everything */
	private boolean writeWhatFits() throws IOException {
		while (!this.closed) {
			ByteBuffer buffer = this.pending;
			if (buffer == null || !buffer.hasRemaining()) {
				buffer = gather();
				this.pending = buffer;
				if (buffer == null) {
					return false;
				}
			}
			int before = buffer.remaining();
			this.sink.write(buffer);
			this.queued.addAndGet(buffer.remaining() - before);
			if (buffer.hasRemaining()) {
				return true;
			}
		}
		return false;
	}

	private ByteBuffer gather() {
		byte[] first = this.queue.poll();
		if (first == null) {
			return null;
		}
		if (first.length >= BUFFER_BYTES || this.queue.isEmpty()) {
			return ByteBuffer.wrap(first);
		}
		// sized to what is queued: a fixed 64 KB buffer per drain was most of the server's garbage under fan-out
		int size = first.length;
		for (byte[] queued : this.queue) {
			if (size + queued.length > BUFFER_BYTES) {
				break;
			}
			size += queued.length;
		}
		ByteBuffer buffer = ByteBuffer.allocate(size);
		buffer.put(first);
		byte[] next;
		while ((next = this.queue.peek()) != null && next.length <= buffer.remaining()) {
			buffer.put(this.queue.poll());
		}
		return buffer.flip();
	}

	private void closeNow() {
		markClosed();
		if (this.closing.compareAndSet(false, true)) {
			this.sink.close();
		}
	}

}
