package io.tcpchat.session;

import java.util.TreeMap;
import java.util.function.Consumer;

import io.tcpchat.connection.InboundLine;

/**
 * A session's inbound lines, handled strictly in sequence order and one at a time, on whichever thread brings the
 * next expected line (threads with an early line just leave it here). Handling can be paused while a login runs
 * on another thread: the lines that come meanwhile wait, and {@link #resume} hands them on, still in order, without
 * any thread having waited.
 */
final class LineSequencer {

	/** Lines that arrived ahead of their turn, by sequence number. Guarded by {@code this}. */
	private final TreeMap<Long, InboundLine> waiting = new TreeMap<>();

	private long nextSequence;

	/** Some thread owns the handling: it is draining, or it paused. Guarded by {@code this}. */
	private boolean handling;

	private boolean paused;

	/** The thread in {@link #drain} right now, if any. Guarded by {@code this}. */
	private Thread drainer;

	private long pauses;

	private Consumer<InboundLine> handler;

	void receive(long sequence, InboundLine line, Consumer<InboundLine> handler) {
		synchronized (this) {
			this.handler = handler;
			this.waiting.put(sequence, line);
			if (this.handling) {
				return;
			}
			this.handling = true;
		}
		drain();
	}

	private void drain() {
		Consumer<InboundLine> handler;
		synchronized (this) {
			this.drainer = Thread.currentThread();
			handler = this.handler;
		}
		while (true) {
			InboundLine next;
			synchronized (this) {
				if (this.paused) {
					// handling stays owned: resume() drains the lines that came meanwhile
					this.drainer = null;
					return;
				}
				next = this.waiting.remove(this.nextSequence);
				if (next == null) {
					this.handling = false;
					this.drainer = null;
					return;
				}
				this.nextSequence++;
			}
			try {
				handler.accept(next);
			}
			catch (RuntimeException ex) {
				synchronized (this) {
					this.handling = false;
					this.drainer = null;
				}
				throw ex;
			}
		}
	}

	/** Called while a line is being handled: the lines after it wait for {@link #resume}. */
	synchronized void pause() {
		this.paused = true;
		this.pauses++;
	}

	/** Hands on the lines that waited, on this thread, unless the pausing line is still being handled. */
	void resume() {
		synchronized (this) {
			this.paused = false;
			if (this.drainer != null) {
				// the pause ended before the line that began it was done: that loop goes on
				return;
			}
			this.handling = true;
		}
		drain();
	}

	synchronized long pauses() {
		return this.pauses;
	}

	/** Every one of the {@code linesAssembled} lines handled, and none being handled or waiting for a login. */
	synchronized boolean handledAll(long linesAssembled) {
		return this.nextSequence >= linesAssembled && !this.handling && this.waiting.isEmpty();
	}

}
