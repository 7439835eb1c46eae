package io.tcpchat.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * A test client of the WebSocket listener (the JDK's client): every text message the server sends is one line
 * for {@link LineClient}. It can stop reading, like a browser tab that hangs.
 */
public class WebSocketChatClient extends LineClient {

	private final WebSocket socket;

	private volatile boolean paused;

	private volatile int closeCode = -1;

	private WebSocketChatClient(URI uri, String origin) {
		WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder();
		if (origin != null) {
			builder.header("Origin", origin);
		}
		try {
			this.socket = builder.buildAsync(uri, new Receiver()).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException("WebSocket to " + uri + " failed", ex);
		}
	}

	/** Opens {@code ws://127.0.0.1:<httpPort>/ws} as a page of {@code origin} would ({@code null}: no Origin). */
	public static WebSocketChatClient open(int httpPort, String origin) {
		return new WebSocketChatClient(URI.create("ws://127.0.0.1:" + httpPort + "/ws"), origin);
	}

	@Override
	public WebSocketChatClient send(String line) {
		try {
			this.socket.sendText(line, true).join();
		}
		catch (CompletionException ex) {
			throw new IllegalStateException("send failed", ex);
		}
		return this;
	}

	/** Sends one binary message (the chat protocol has none). */
	public void sendBinary(java.nio.ByteBuffer data) {
		this.socket.sendBinary(data, true).join();
	}

	/** Logs in by command (the connection is in json format from the start). */
	public WebSocketChatClient login(String user, String password) {
		send("//login " + user + " " + password);
		expect("logged-in");
		return this;
	}

	public WebSocketChatClient register(String user, String password) {
		send("//register " + user + " " + password);
		expect("logged-in");
		return this;
	}

	/** Stops taking messages off the connection, so the server's queue for it fills up. */
	public void pauseReading() {
		this.paused = true;
	}

	/** The close code the server sent, or -1 while open. */
	public int closeCode() {
		return this.closeCode;
	}

	@Override
	public void close() {
		this.socket.abort();
	}

	private final class Receiver implements WebSocket.Listener {

		private final StringBuilder parts = new StringBuilder();

		@Override
		public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
			this.parts.append(data);
			if (last) {
				received(this.parts.toString());
				this.parts.setLength(0);
			}
			if (!WebSocketChatClient.this.paused) {
				webSocket.request(1);
			}
			return null;
		}

		@Override
		public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
			WebSocketChatClient.this.closeCode = statusCode;
			endOfStream();
			return null;
		}

		@Override
		public void onError(WebSocket webSocket, Throwable error) {
			endOfStream();
		}

	}

}
