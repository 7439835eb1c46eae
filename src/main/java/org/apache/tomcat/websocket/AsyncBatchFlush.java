package org.apache.tomcat.websocket;

import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;

/**
 * A non-blocking flush of Tomcat's WebSocket batch, which the public API lacks: {@code flushBatch()} and
 * {@code setBatchingAllowed(false)} both block the calling thread until the client has taken the bytes.
 * <p>
 * Why tcp-chat needs it: Tomcat completes every asynchronous send through a task on its executor, so sending
 * each line as its own write costs one thread hand-off per frame, which capped WebSocket fan-out at about a tenth
 * of TCP's (docs/performance.md). With batching on, frames are copied into the endpoint's output buffer and
 * complete on the sending thread; this flush then writes them in one go, with one hand-off. It sits in Tomcat's
 * package because the flush operation it starts ({@code startMessage} with the internal flush opcode, the same
 * one {@code flushBatch()} uses) is package-private; {@code io.tcpchat.transport.websocket.TextFrameSender}
 * falls back to plain sends where this class cannot be used.
 */
public final class AsyncBatchFlush {

	private AsyncBatchFlush() {
	}

	/** Whether {@code remote} is Tomcat's endpoint, whose batch {@link #flush} can write out. */
	public static boolean supports(RemoteEndpoint.Async remote) {
		return remote instanceof WsRemoteEndpointAsync;
	}

	/**
	 * Writes out what the endpoint has batched without waiting; {@code done} is called once it is written (or
	 * failed). Only between messages: never while a send of this endpoint is in flight.
	 */
	public static void flush(RemoteEndpoint.Async remote, SendHandler done) {
		((WsRemoteEndpointAsync) remote).base.startMessage(Constants.INTERNAL_OPCODE_FLUSH, null, true, done);
	}

}
