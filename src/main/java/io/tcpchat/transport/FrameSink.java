package io.tcpchat.transport;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Where a {@link ConnectionWriter} puts the bytes of one connection: straight into the socket, or through TLS.
 */
interface FrameSink {

	String getConnectionId();

	/**
	 * Writes from the buffer what the connection takes now. A sink that {@link #blocksOnWrite() blocks} writes
	 * everything or throws.
	 */
	void write(ByteBuffer buffer) throws IOException;

	/**
	 * Writes what the connection takes now from the buffers in order (a gathering write where the sink can).
	 * @return the bytes written
	 */
	default long write(ByteBuffer[] buffers, int offset, int length) throws IOException {
		long written = 0;
		for (int i = offset; i < offset + length; i++) {
			int before = buffers[i].remaining();
			write(buffers[i]);
			written += before - buffers[i].remaining();
			if (buffers[i].hasRemaining()) {
				break;
			}
		}
		return written;
	}

	/** True when {@link #write} may wait for the client (and so must not run on the shared writer pool). */
	boolean blocksOnWrite();

	/** False until the connection can carry data (over TLS: until the handshake is finished). */
	boolean isReady();

	/**
	 * Registers the action to run once when a sink that is not {@link #isReady() ready} yet becomes ready. A sink
	 * that is always ready never runs it.
	 */
	void onReady(Runnable action);

	void close();

}
