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
 * writer thread) takes every frame queued so far and hands them to the socket in one gathering write, which takes
 * what fits without blocking. When the socket
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

	static final int MAX_FRAMES_PER_WRITE = 64;

	/** Each writer thread's array for a gathering write, so that a drain allocates only the frames' wrappers. */
	private static final ThreadLocal<ByteBuffer[]> SCRATCH = ThreadLocal
		.withInitial(() -> new ByteBuffer[MAX_FRAMES_PER_WRITE]);

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

	/** Frames taken from the queue that the socket did not take yet; accessed only by the one drain running. */
	private ByteBuffer[] pending;

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
		while (!this.closed) {
			ByteBuffer[] frames = this.pending;
			int count;
			if (frames != null) {
				count = frames.length;
			}
			else {
				frames = SCRATCH.get();
				count = gather(frames);
				if (count == 0) {
					return false;
				}
			}
			this.queued.addAndGet(-this.sink.write(frames, 0, count));
			int first = 0;
			while (first < count && !frames[first].hasRemaining()) {
				first++;
			}
			ByteBuffer[] rest = (first < count) ? Arrays.copyOfRange(frames, first, count) : null;
			if (frames != this.pending) {
				Arrays.fill(frames, 0, count, null); // the thread's scratch array goes back clean
			}
			this.pending = rest;
			if (rest != null) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Takes queued frames (up to {@link #MAX_FRAMES_PER_WRITE} and about {@link #BUFFER_BYTES}) for one gathering
	 * write; they are wrapped, not copied.
	 */
	private int gather(ByteBuffer[] frames) {
		int count = 0;
		int bytes = 0;
		byte[] next;
		while (count < frames.length && bytes < BUFFER_BYTES && (next = this.queue.poll()) != null) {
			frames[count++] = ByteBuffer.wrap(next);
			bytes += next.length;
		}
		return count;
	}

	private void closeNow() {
		markClosed();
		if (this.closing.compareAndSet(false, true)) {
			this.sink.close();
		}
	}

}
