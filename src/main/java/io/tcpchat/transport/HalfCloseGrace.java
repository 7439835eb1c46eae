package io.tcpchat.transport;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntSupplier;

/**
 * Half-close: when the client shuts down its sending side (as {@code nc -N} does at end of input), Spring
 * Integration closes the socket at once, before the replies to the last lines are written. A close that comes
 * from the read path therefore first waits until those lines are handled and their replies flushed (at most
 * {@link #GRACE_MILLIS}). Shared by the plain and the TLS connection.
 */
final class HalfCloseGrace {

	static final long GRACE_MILLIS = 10_000;

	private final QuietCheck quiet;

	private final IntSupplier bufferedInput;

	private volatile Thread readingThread;

	private volatile boolean closing;

	/**
	 * @param bufferedInput how many bytes read from the socket the line assembler has not taken yet
	 */
	HalfCloseGrace(QuietCheck quiet, IntSupplier bufferedInput) {
		this.quiet = quiet;
		this.bufferedInput = bufferedInput;
	}

	void reading(Runnable readPacket) {
		this.readingThread = Thread.currentThread();
		try {
			readPacket.run();
		}
		finally {
			this.readingThread = null;
		}
	}

	/** Call first thing in {@code close()}. */
	void beforeClose(String connectionId) {
		if (!this.closing && Thread.currentThread() == this.readingThread) {
			this.closing = true;
			awaitQuiet(connectionId);
		}
		this.closing = true;
	}

	/**
	 * Waits, on the read thread and with reading paused, until the pipe is empty and the handler is quiet twice
	 * in a row (the second look covers a line that was just taken from the pipe but not yet handed over).
	 */
	private void awaitQuiet(String connectionId) {
		long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(GRACE_MILLIS);
		int quietLooks = 0;
		while (quietLooks < 2 && System.nanoTime() < deadline) {
			quietLooks = isQuiet(connectionId) ? quietLooks + 1 : 0;
			LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
		}
	}

	private boolean isQuiet(String connectionId) {
		return this.bufferedInput.getAsInt() == 0 && this.quiet.isQuiet(connectionId);
	}

}
