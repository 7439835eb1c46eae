package io.tcpchat.client;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import io.tcpchat.protocol.ServerEvent;

/**
 * One connection to the server: a reader thread that hands parsed events to a listener, and a synchronised
 * line writer. Closed for good once the socket ends; reconnecting makes a new one.
 */
final class ServerConnection {

	interface Listener {

		void event(ServerConnection connection, ServerEvent event);

		void closed(ServerConnection connection, IOException cause);

	}

	private final Socket socket;

	private final OutputStream out;

	private final Listener listener;

	private final EventParser parser = new EventParser();

	private volatile boolean closing;

	ServerConnection(Socket socket, Listener listener) throws IOException {
		this.socket = socket;
		this.out = socket.getOutputStream();
		this.listener = listener;
	}

	/** Starts reading: from now on the listener hears of events. */
	void start() {
		Thread reader = new Thread(this::readLoop, "chat-reader");
		reader.setDaemon(true);
		reader.start();
	}

	private void readLoop() {
		IOException failure = null;
		try (BufferedReader in = new BufferedReader(
				new InputStreamReader(this.socket.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = in.readLine()) != null) {
				this.parser.parse(line).ifPresent(event -> this.listener.event(this, event));
			}
		}
		catch (IOException ex) {
			failure = this.closing ? null : ex;
		}
		close();
		this.listener.closed(this, failure);
	}

	/** Writes one line; false when the connection is gone. */
	boolean send(String line) {
		synchronized (this.out) {
			try {
				this.out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
				this.out.flush();
				return true;
			}
			catch (IOException ex) {
				close();
				return false;
			}
		}
	}

	void close() {
		this.closing = true;
		try {
			this.socket.close();
		}
		catch (IOException ex) {
			// closing anyway
		}
	}

}
