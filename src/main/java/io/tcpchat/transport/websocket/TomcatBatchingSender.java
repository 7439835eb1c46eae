package io.tcpchat.transport.websocket;

import java.io.IOException;

import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import org.apache.tomcat.websocket.AsyncBatchFlush;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends through Tomcat with batching on while frames are going out: each frame is copied into the endpoint's
 * output buffer and completes on the sending thread (a full buffer is written asynchronously), and the flush writes
 * the rest in one go. Without it, Tomcat completes every asynchronous send through a task on its executor: one
 * thread hand-off per line, which held WebSocket fan-out to a fraction of TCP's (docs/performance.md).
 * <p>
 * Batching is switched off again whenever the connection goes idle, after its last flush, so switching it off
 * (which flushes, and would block if there were anything to write) finds the buffer empty; a close handshake that
 * Tomcat starts by itself, such as the answer to a client's close, then finds it off, as it must.
 */
final class TomcatBatchingSender implements TextFrameSender {

	private static final Logger log = LoggerFactory.getLogger(TomcatBatchingSender.class);

	private final RemoteEndpoint.Async remote;

	TomcatBatchingSender(RemoteEndpoint.Async remote) {
		this.remote = remote;
	}

	@Override
	public void send(String text, SendHandler done) {
		if (!this.remote.getBatchingAllowed()) {
			batching(true);
		}
		this.remote.sendText(text, done);
	}

	@Override
	public void flush(SendHandler done) {
		AsyncBatchFlush.flush(this.remote, done);
	}

	@Override
	public void idle() {
		if (this.remote.getBatchingAllowed()) {
			batching(false);
		}
	}

	@Override
	public void beforeClose() {
		batching(false);
	}

	private void batching(boolean allowed) {
		try {
			this.remote.setBatchingAllowed(allowed);
		}
		catch (IOException | IllegalStateException ex) {
			log.debug("Could not switch WebSocket batching {}", allowed ? "on" : "off", ex);
		}
	}

}
