package io.tcpchat.transport.websocket;

import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import org.apache.tomcat.websocket.AsyncBatchFlush;

/**
 * How one connection's text frames reach the container: one send at a time, each completing through its handler,
 * and a {@link #flush} once the queue is empty. On Tomcat, frames are batched ({@link TomcatBatchingSender});
 * elsewhere each send writes by itself and the flush has nothing to do.
 */
interface TextFrameSender {

	void send(String text, SendHandler done);

	/** Writes out the frames sent since the last flush; {@code done} once they are written. */
	void flush(SendHandler done);

	/** Nothing is queued and everything is flushed: the connection has gone quiet. */
	default void idle() {
	}

	/** Before the close handshake, which Tomcat would otherwise batch too (and never write). */
	default void beforeClose() {
	}

	static TextFrameSender of(RemoteEndpoint.Async remote) {
		return AsyncBatchFlush.supports(remote) ? new TomcatBatchingSender(remote) : unbatched(remote);
	}

	static TextFrameSender unbatched(RemoteEndpoint.Async remote) {
		return new TextFrameSender() {

			@Override
			public void send(String text, SendHandler done) {
				remote.sendText(text, done);
			}

			@Override
			public void flush(SendHandler done) {
				done.onResult(new SendResult());
			}

		};
	}

}
