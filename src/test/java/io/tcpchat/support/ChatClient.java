package io.tcpchat.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A test client over a real socket: a reader thread hands every line the server writes to {@link LineClient}.
 */
public class ChatClient extends LineClient {

	private final Socket socket;

	private final OutputStream out;

	private volatile boolean paused;

	public ChatClient(String host, int port) throws IOException {
		this(new Socket(host, port));
	}

	public ChatClient(Socket socket) throws IOException {
		this.socket = socket;
		this.socket.setSoTimeout(0);
		this.out = socket.getOutputStream();
		Thread reader = new Thread(this::readLoop, "test-client-reader");
		reader.setDaemon(true);
		reader.start();
	}

	private void readLoop() {
		try (BufferedReader in = new BufferedReader(
				new InputStreamReader(this.socket.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = in.readLine()) != null) {
				received(line);
				while (this.paused && !this.socket.isClosed()) {
					Thread.onSpinWait();
					java.util.concurrent.locks.LockSupport.parkNanos(10_000_000);
				}
			}
		}
		catch (IOException ex) {
			// the socket was closed
		}
		endOfStream();
	}

	/** Stops reading from the socket, like a client that hangs, so the server's queue for it fills up. */
	public void pauseReading() {
		this.paused = true;
	}

	@Override
	public ChatClient send(String line) {
		return sendRaw((line + "\n").getBytes(StandardCharsets.UTF_8));
	}

	public ChatClient sendRaw(byte[] bytes) {
		try {
			this.out.write(bytes);
			this.out.flush();
		}
		catch (IOException ex) {
			throw new IllegalStateException("send failed", ex);
		}
		return this;
	}

	/** Switches to the json format and skips past its reply. */
	public ChatClient json() {
		send("//format json");
		expectReply("format");
		return this;
	}

	/** Logs in by command, in json format. */
	public ChatClient login(String user, String password) {
		json();
		send("//login " + user + " " + password);
		expect("logged-in");
		return this;
	}

	public ChatClient register(String user, String password) {
		json();
		send("//register " + user + " " + password);
		expect("logged-in");
		return this;
	}

	public Socket socket() {
		return this.socket;
	}

	@Override
	public void close() {
		try {
			this.socket.close();
		}
		catch (IOException ex) {
			// closing anyway
		}
	}

}
