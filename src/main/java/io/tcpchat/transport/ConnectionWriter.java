package io.tcpchat.transport;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
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
 * The outbound queue of one connection. Frames are queued by any thread; one drain at a time (on the connection's
 * writer thread) copies every frame queued so far (up to 64 KB) into the thread's buffer and hands them to the
 * socket in one write, which takes what fits without blocking. When the socket
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

	/**
	 * Each writer thread's buffer, into which a drain copies every frame queued for the connection for one write:
	 * nothing is allocated per delivery. Direct for the socket (the JDK would otherwise copy a heap buffer into a
	 * temporary direct one); on the heap for TLS, which encrypts from an array.
	 */
	private static final ThreadLocal<ByteBuffer> DIRECT_BUFFER = ThreadLocal
		.withInitial(() -> ByteBuffer.allocateDirect(BUFFER_BYTES));

	private static final ThreadLocal<ByteBuffer> HEAP_BUFFER = ThreadLocal
		.withInitial(() -> ByteBuffer.allocate(BUFFER_BYTES));

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

	/** Bytes taken from the queue that the socket did not take yet; accessed only by the one drain running. */
	private byte[] pending;

	/** The drain, made once: the writer threads keep a connection on one thread by its hash. */
	private final Runnable drainTask = this::drain;

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
			this.writers.execute(this.drainTask);
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
				this.retries.schedule(() -> this.writers.execute(this.drainTask), RETRY_MILLIS, TimeUnit.MILLISECONDS);
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
		ByteBuffer out = (this.sink.blocksOnWrite() ? HEAP_BUFFER : DIRECT_BUFFER).get();
		while (!this.closed) {
			out.clear();
			if (!fill(out)) {
				return false;
			}
			out.flip();
			int before = out.remaining();
			this.sink.write(out);
			this.queued.addAndGet(out.remaining() - before);
			if (out.hasRemaining()) {
				keepUnwritten(out);
				return true;
			}
		}
		return false;
	}

	/** The buffer belongs to the thread, not to this connection: what the socket did not take is kept for the retry. */
	private void keepUnwritten(ByteBuffer out) {
		int unwritten = out.remaining();
		byte[] after = this.pending;
		byte[] kept = new byte[unwritten + ((after != null) ? after.length : 0)];
		out.get(kept, 0, unwritten);
		if (after != null) {
			System.arraycopy(after, 0, kept, unwritten, after.length);
		}
		this.pending = kept;
	}

	/**
	 * Copies what is left from the last write and every queued frame that fits into the thread's buffer (one
	 * frame larger than the buffer is written in pieces through {@link #pending}).
	 * @return false if there was nothing to write
	 */
	private boolean fill(ByteBuffer out) {
		byte[] rest = this.pending;
		if (rest != null) {
			this.pending = null;
			if (!put(out, rest)) {
				return true;
			}
		}
		byte[] next;
		while ((next = this.queue.peek()) != null) {
			if (next.length > out.remaining() && out.position() > 0) {
				break;
			}
			this.queue.poll();
			if (!put(out, next)) {
				break;
			}
		}
		return out.position() > 0;
	}

	/** Puts the frame, or as much as fits with the rest kept in {@link #pending}; false if it did not all fit. */
	private boolean put(ByteBuffer out, byte[] frame) {
		int length = Math.min(frame.length, out.remaining());
		out.put(frame, 0, length);
		if (length < frame.length) {
			this.pending = Arrays.copyOfRange(frame, length, frame.length);
			return false;
		}
		return true;
	}

	private void closeNow() {
		markClosed();
		if (this.closing.compareAndSet(false, true)) {
			this.sink.close();
		}
	}

}
