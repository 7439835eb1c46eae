package io.tcpchat.connection;

/**
 * The way back to one client: whole frames queued without ever blocking the caller.
 */
public interface Outbound {

	/**
	 * Queues a frame.
	 * @return false if the connection is closed or its queue would exceed the limit (the connection is then
	 * dropped as a slow consumer)
	 */
	boolean send(byte[] frame);

	/** Queues a last frame even past the limit, then closes once it is written (or after a short grace period). */
	void sendLast(byte[] frame);

	/** Closes once everything queued so far is written (or after a short grace period). */
	void closeAfterFlush();

	/** Bytes queued and not yet written to the socket. */
	long queuedBytes();

}
