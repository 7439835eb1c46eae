package io.tcpchat.transport;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Where a {@link ConnectionWriter} puts the bytes of one connection: straight into the socket, or through TLS.
 */
interface FrameSink {

	String getConnectionId();

	/** The client's address: the peer of the socket, or the client a trusted proxy named in a PROXY header. */
	String clientAddress();

	/**
	 * Writes from the buffer what the connection takes now. A sink that {@link #blocksOnWrite() blocks} writes
	 * everything or throws.
	 */
	void write(ByteBuffer buffer) throws IOException;

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
