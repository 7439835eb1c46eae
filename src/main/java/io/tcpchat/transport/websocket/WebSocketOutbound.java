package io.tcpchat.transport.websocket;

import java.nio.charset.StandardCharsets;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import io.tcpchat.connection.Outbound;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbound queue of one WebSocket connection: each frame (a rendered line without its LF) becomes one text
 * message. Frames are queued by any thread, bounded in bytes; one asynchronous send is in flight at a time and its
 * completion starts the next, so no thread ever waits for a client. When the queue runs dry the sender flushes:
 * frames that piled up while a write was in flight go out together (see {@link TextFrameSender}). Past the bound
 * the client is reported as a slow consumer.
 * <p>
 * Why not Spring's {@code ConcurrentWebSocketSessionDecorator}: it bounds the buffer too, but the thread that
 * flushes it sends with the container's blocking API, so a client that stops reading holds that thread (the
 * message store's, during a fan-out) until the send time limit is noticed.
 */
final class WebSocketOutbound implements Outbound {

	private static final Logger log = LoggerFactory.getLogger(WebSocketOutbound.class);

	static final long CLOSE_GRACE_MILLIS = 2000;

	private final String id;

	private final TextFrameSender sender;

	private final Runnable closeConnection;

	private final Executor writers;

	private final Runnable drainTask = this::scheduledDrain;

	private final AtomicBoolean drainScheduled = new AtomicBoolean();

	private final Executor closer;

	private final ScheduledExecutorService timers;

	private final long limitBytes;

	private final Runnable onOverflow;

	private final Queue<byte[]> queue = new ConcurrentLinkedQueue<>();

	private final AtomicLong queued = new AtomicLong();

	private final AtomicBoolean sending = new AtomicBoolean();

	private final AtomicBoolean closeStarted = new AtomicBoolean();

	private volatile boolean closeRequested;

	private volatile boolean closed;

	/** The thread inside {@code sendText}, to tell a completion called back on that very thread. */
	private volatile Thread sendingThread;

	/** A send that completed on the thread that started it. */
	private volatile boolean completedInline;

	/** Frames were sent since the last flush; only touched by the thread that holds {@code sending}. */
	private boolean unflushed;

	/**
	 * @param writers where frames are written from (the TCP connections' writer threads): never the thread
	 * that queues them
	 * @param closeConnection starts the close handshake; it may wait for a send in flight, at most the container's
	 * blocking send timeout, so it runs on {@code closer}
	 */
	WebSocketOutbound(String id, TextFrameSender sender, Executor writers, Runnable closeConnection,
			Executor closer, ScheduledExecutorService timers, long limitBytes, Runnable onOverflow) {
		this.id = id;
		this.sender = sender;
		this.writers = writers;
		this.closeConnection = closeConnection;
		this.closer = closer;
		this.timers = timers;
		this.limitBytes = limitBytes;
		this.onOverflow = onOverflow;
	}

	@Override
	public boolean send(byte[] frame) {
		if (this.closed || this.closeRequested) {
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
		if (this.closed || this.closeRequested) {
			return;
		}
		this.queued.addAndGet(frame.length);
		this.queue.add(frame);
		closeAfterFlush();
	}

	@Override
	public void closeAfterFlush() {
		if (this.closed || this.closeRequested) {
			return;
		}
		this.closeRequested = true;
		this.timers.schedule(this::close, CLOSE_GRACE_MILLIS, TimeUnit.MILLISECONDS);
		scheduleDrain();
	}

	@Override
	public long queuedBytes() {
		return this.queued.get();
	}

	/** The connection is gone: nothing more is sent, and nothing counts as queued. */
	void markClosed() {
		this.closed = true;
		this.queue.clear();
		this.queued.set(0);
	}

	/**
	 * Hands the drain to a writer thread, at most once until it runs: whoever queues a frame (a fan-out on a
	 * message lane) only queues it, and frames queued meanwhile go out in the same drain and the same flush.
	 */
	private void scheduleDrain() {
		if (this.drainScheduled.compareAndSet(false, true)) {
			try {
				this.writers.execute(this.drainTask);
			}
			catch (RejectedExecutionException ex) {
				scheduledDrain(); // the server is stopping
			}
		}
	}

	private void scheduledDrain() {
		this.drainScheduled.set(false);
		drain();
	}

	private void drain() {
		while (!this.closed && this.sending.compareAndSet(false, true)) {
			byte[] frame = this.queue.poll();
			if (frame != null) {
				this.unflushed = true;
				if (!start((done) -> this.sender.send(text(frame), done), frame.length)) {
					return;
				}
				continue;
			}
			if (this.unflushed) {
				// the queue ran dry: write out what the container batched, then look again
				this.unflushed = false;
				if (!start(this.sender::flush, 0)) {
					return;
				}
				continue;
			}
			this.sender.idle();
			this.sending.set(false);
			if (this.queue.isEmpty()) {
				if (this.closeRequested) {
					close();
				}
				return;
			}
		}
	}

	/**
	 * Starts one send (or flush) of {@code bytes}; true when it completed inside the call, so the caller's loop goes
	 * on instead of recursing once per frame.
	 */
	private boolean start(Consumer<SendHandler> operation, long bytes) {
		Thread current = Thread.currentThread();
		this.completedInline = false;
		this.sendingThread = current;
		try {
			operation.accept((result) -> completed(bytes, result));
		}
		catch (RuntimeException ex) {
			log.debug("Send to {} failed", this.id, ex);
			close();
			return false;
		}
		finally {
			if (this.sendingThread == current) {
				this.sendingThread = null;
			}
		}
		return this.completedInline;
	}

	private void completed(long bytes, SendResult result) {
		this.queued.addAndGet(-bytes);
		if (!result.isOK()) {
			log.debug("Send to {} failed", this.id, result.getException());
			close();
			return;
		}
		this.sending.set(false);
		if (this.sendingThread == Thread.currentThread()) {
			this.completedInline = true;
		}
		else {
			drain();
		}
	}

	private static String text(byte[] frame) {
		int length = frame.length;
		if (length > 0 && frame[length - 1] == '\n') {
			length--;
		}
		return new String(frame, 0, length, StandardCharsets.UTF_8);
	}

	private void close() {
		if (!this.closeStarted.compareAndSet(false, true)) {
			return;
		}
		Runnable closing = () -> {
			this.sender.beforeClose();
			this.closeConnection.run();
		};
		try {
			this.closer.execute(closing);
		}
		catch (RejectedExecutionException ex) {
			closing.run(); // the server is stopping
		}
	}

}
