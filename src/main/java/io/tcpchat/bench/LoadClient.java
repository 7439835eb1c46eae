package io.tcpchat.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One simulated user on one socket, speaking the JSON format. Confined to the selector thread that owns it; it
 * reads lines straight from the read buffer and parses only what it needs (the type, and the time stamp of
 * bench messages), so the generator stays cheap next to the server it measures.
 */
final class LoadClient implements WebSocketFraming.Lines {

	/** What the client does once connected. */
	enum Mode {

		/** Registers (or logs in if the account exists), joins its channel, quits. */
		PREPARE,

		/** Logs in, joins its channel, stays; senders send when told to. */
		SESSION,

		/** Logs in, quits, and connects again while the run lasts. */
		CHURN

	}

	private static final byte[] TYPE_PREFIX = "{\"type\":\"".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] STAMP = "\"text\":\"bench ".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] TYPE_MESSAGE = "message".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] TYPE_DM = "dm".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] IRC_PRIVMSG = " PRIVMSG ".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] IRC_STAMP = " :bench ".getBytes(StandardCharsets.US_ASCII);

	final int index;

	private final String user;

	private final String password;

	private final String channel;

	/** DM partner, or null to send plain lines to the current channel. */
	private final String partner;

	private final Mode mode;

	private final Stats stats;

	private final Listener listener;

	/** For a client on the WebSocket listener, its framing; null on TCP. */
	private final WebSocketFraming webSocket;

	/** For a client that speaks IRC, its side of the conversation; null for the chat's own protocol. */
	private final IrcLoad irc;

	private SocketChannel socket;

	private SelectionKey key;

	private InetSocketAddress server;

	private ByteBuffer out = ByteBuffer.allocate(512);

	private byte[] partial = new byte[0];

	private int partialLength;

	private boolean ready;

	private boolean finished;

	private boolean quitting;

	private int joinRetries;

	private long connectStartNanos;

	private long seq;

	private long acked;

	/** Where this client keeps its resume token across connections, or null to log in by password only. */
	private Map<Integer, String> resumeTokens;

	/** Rate mode: when the next message is due. */
	long nextSendNanos;

	LoadClient(int index, String user, String password, String channel, String partner, Mode mode, Stats stats,
			Listener listener, boolean webSocket, IrcLoad irc) {
		this.webSocket = webSocket ? new WebSocketFraming() : null;
		this.irc = irc;
		this.index = index;
		this.user = user;
		this.password = password;
		this.channel = channel;
		this.partner = partner;
		this.mode = mode;
		this.stats = stats;
		this.listener = listener;
	}

	void connect(Selector selector, InetSocketAddress server, InetSocketAddress source) throws IOException {
		this.connectStartNanos = System.nanoTime();
		this.ready = false;
		this.finished = false;
		this.quitting = false;
		this.joinRetries = 0;
		this.partialLength = 0;
		this.out.clear();
		if (this.webSocket != null) {
			this.webSocket.reset();
		}
		this.socket = SocketChannel.open();
		try {
			this.socket.configureBlocking(false);
			this.socket.setOption(StandardSocketOptions.TCP_NODELAY, true);
			if (source != null) {
				this.socket.bind(source);
			}
			this.server = server;
			boolean connected = this.socket.connect(server);
			this.key = this.socket.register(selector, connected ? SelectionKey.OP_READ : SelectionKey.OP_CONNECT,
					this);
			if (connected) {
				onConnected();
			}
		}
		catch (IOException ex) {
			this.socket.close();
			throw ex;
		}
	}

	void handleConnectFailure() {
		this.finished = true;
		this.listener.failed(this, "connect");
	}

	boolean isReady() {
		return this.ready;
	}

	/** Whether this client connects to the IRC listener (or a third-party IRC server). */
	boolean speaksIrc() {
		return this.irc != null;
	}

	long outstanding() {
		return this.seq - this.acked;
	}

	boolean canSend() {
		return this.ready && this.out.position() == 0;
	}

	void handle(SelectionKey selected, ByteBuffer readBuffer) {
		try {
			if (selected.isConnectable()) {
				this.socket.finishConnect();
				this.key.interestOps(SelectionKey.OP_READ);
				onConnected();
			}
			if (selected.isValid() && selected.isReadable()) {
				read(readBuffer);
			}
			if (selected.isValid() && selected.isWritable()) {
				flush();
			}
		}
		catch (IOException ex) {
			closed(ex.getClass().getSimpleName());
		}
	}

	private void onConnected() throws IOException {
		this.stats.connected.increment();
		if (this.webSocket != null) {
			write(WebSocketFraming.upgradeRequest(this.server.getHostString(), this.server.getPort()));
			return; // the rest once the server has answered the upgrade
		}
		opened();
	}

	/** The connection speaks the chat protocol now (at once on TCP, after the upgrade on WebSocket). */
	@Override
	public void opened() throws IOException {
		if (this.irc != null) {
			for (String line : this.irc.opening()) {
				send(line);
			}
			return;
		}
		send("//format json");
		if (this.mode == Mode.PREPARE) {
			send("//register " + this.user + " " + this.password);
		}
		else if (this.resumeTokens != null && this.resumeTokens.get(this.index) != null) {
			send("//resume " + this.user + " " + this.resumeTokens.get(this.index));
		}
		else {
			send("//login " + this.user + " " + this.password);
		}
	}

	void keepResumeTokens(Map<Integer, String> tokens) {
		this.resumeTokens = tokens;
	}

	/** Sends one bench message, stamped with the send time. */
	void sendMessage(String padding) throws IOException {
		long now = System.nanoTime();
		if (this.irc != null) {
			String text = "bench " + now + " " + this.index + " " + this.seq++ + " " + padding;
			this.stats.sent.increment();
			send(this.irc.message(this.partner, text));
			if (!this.irc.echoes()) {
				// no echo-message (a third-party server): written is as accepted as it gets
				this.acked++;
				this.stats.accepted.increment();
			}
			return;
		}
		StringBuilder line = new StringBuilder(padding.length() + 64);
		if (this.partner != null) {
			line.append("//msg ").append(this.partner).append(' ');
		}
		line.append("bench ").append(now).append(' ').append(this.index).append(' ').append(this.seq++).append(' ')
			.append(padding);
		this.stats.sent.increment();
		send(line.toString());
	}

	private void quitBySaying() throws IOException {
		this.quitting = true;
		send("//quit");
	}

	/** Closes the socket without a word; the engine uses it at the end of a run. */
	void quit() {
		if (this.socket != null && this.socket.isOpen()) {
			this.finished = true;
			try {
				this.socket.close();
			}
			catch (IOException ex) {
				// closing anyway
			}
		}
	}

	// ---- reading

	private void read(ByteBuffer buffer) throws IOException {
		for (int rounds = 0; rounds < 4; rounds++) {
			buffer.clear();
			int n = this.socket.read(buffer);
			if (n < 0) {
				closed("eof");
				return;
			}
			if (n == 0) {
				return;
			}
			this.stats.bytesIn.add(n);
			byte[] bytes = buffer.array();
			if (this.webSocket != null) {
				this.webSocket.feed(bytes, n, this);
				if (this.socket == null || !this.socket.isOpen() || n < buffer.capacity()) {
					return;
				}
				continue;
			}
			int start = 0;
			for (int i = 0; i < n; i++) {
				if (bytes[i] != '\n') {
					continue;
				}
				if (this.partialLength > 0) {
					append(bytes, start, i);
					line(this.partial, 0, this.partialLength);
					this.partialLength = 0;
				}
				else {
					line(bytes, start, i);
				}
				if (this.socket == null || !this.socket.isOpen()) {
					return;
				}
				start = i + 1;
			}
			if (start < n) {
				append(bytes, start, n);
			}
			if (n < buffer.capacity()) {
				return;
			}
		}
	}

	private void append(byte[] bytes, int from, int to) {
		int length = to - from;
		if (this.partialLength + length > this.partial.length) {
			this.partial = Arrays.copyOf(this.partial, Math.max(256, (this.partialLength + length) * 2));
		}
		System.arraycopy(bytes, from, this.partial, this.partialLength, length);
		this.partialLength += length;
	}

	@Override
	public void line(byte[] bytes, int start, int end) throws IOException {
		if (this.irc != null) {
			ircLine(bytes, start, end);
			return;
		}
		if (end - start < TYPE_PREFIX.length || !startsWith(bytes, start, TYPE_PREFIX)) {
			return; // the text-format banner and prompt before //format json took effect
		}
		int typeStart = start + TYPE_PREFIX.length;
		int typeEnd = indexOf(bytes, typeStart, end, (byte) '"');
		if (typeEnd < 0) {
			return;
		}
		if (equals(bytes, typeStart, typeEnd, TYPE_MESSAGE) || equals(bytes, typeStart, typeEnd, TYPE_DM)) {
			message(bytes, typeEnd, end);
			return;
		}
		String type = new String(bytes, typeStart, typeEnd - typeStart, StandardCharsets.US_ASCII);
		String text = new String(bytes, start, end - start, StandardCharsets.UTF_8);
		event(type, text);
	}

	private void message(byte[] bytes, int from, int end) {
		int stamp = indexOf(bytes, from, end, STAMP);
		if (stamp >= 0) {
			delivered(bytes, stamp + STAMP.length, end);
		}
	}

	/** A bench message arrived; {@code p} is where its send time starts: {@code <nanos> <sender> ...}. */
	private void delivered(byte[] bytes, int p, int end) {
		long now = System.nanoTime();
		long sentNanos = 0;
		boolean negative = bytes[p] == '-';
		if (negative) {
			p++;
		}
		while (p < end && bytes[p] >= '0' && bytes[p] <= '9') {
			sentNanos = sentNanos * 10 + (bytes[p++] - '0');
		}
		if (negative) {
			sentNanos = -sentNanos;
		}
		int sender = 0;
		p++;
		while (p < end && bytes[p] >= '0' && bytes[p] <= '9') {
			sender = sender * 10 + (bytes[p++] - '0');
		}
		this.stats.delivery(sentNanos, now);
		if (sender == this.index) {
			this.acked++;
			this.stats.accepted.increment();
		}
	}

	private void ircLine(byte[] bytes, int start, int end) throws IOException {
		if (end > start && bytes[end - 1] == '\r') {
			end--;
		}
		int stamp = indexOf(bytes, start, end, IRC_STAMP);
		if (stamp >= 0 && indexOf(bytes, start, stamp, IRC_PRIVMSG) >= 0) {
			delivered(bytes, stamp + IRC_STAMP.length, end);
			return;
		}
		switch (this.irc.line(new String(bytes, start, end - start, StandardCharsets.UTF_8))) {
			case REPLY -> send(this.irc.detail());
			case READY -> becomeReady();
			case ERROR -> this.stats.error(this.irc.detail());
			case FAILED -> {
				this.stats.error(this.irc.detail());
				fail(this.irc.detail());
			}
			case NONE -> {
			}
		}
	}

	private void event(String type, String line) throws IOException {
		switch (type) {
			case "logged-in" -> {
				if (this.resumeTokens != null) {
					if (this.resumeTokens.get(this.index) != null) {
						this.stats.resumed.increment();
					}
					String token = field(line, "resume");
					if (token != null) {
						this.resumeTokens.put(this.index, token);
					}
				}
				loggedIn();
			}
			case "reply" -> {
				if ("join".equals(field(line, "command")) && !this.ready) {
					becomeReady();
				}
			}
			case "error" -> error(field(line, "code"), field(line, "command"));
			case "ping" -> send("//pong " + field(line, "token"));
			case "bye" -> {
				if (this.mode == Mode.SESSION && !this.finished) {
					this.stats.error("bye:" + field(line, "reason"));
				}
			}
			default -> {
			}
		}
	}

	private void loggedIn() throws IOException {
		if (this.mode == Mode.CHURN) {
			this.stats.login(TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - this.connectStartNanos));
			this.stats.loggedIn.increment();
			quitBySaying();
			return;
		}
		if (this.channel != null) {
			send("//join " + this.channel);
		}
		else {
			becomeReady();
		}
	}

	private void becomeReady() throws IOException {
		this.ready = true;
		if (this.mode == Mode.PREPARE) {
			quitBySaying();
			return;
		}
		this.stats.login(TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - this.connectStartNanos));
		this.stats.loggedIn.increment();
		this.listener.ready(this);
	}

	private void error(String code, String command) throws IOException {
		if ("resume".equals(command) && this.resumeTokens != null) {
			// spent, expired or revoked: the password still works, as in the terminal client
			this.stats.error("resume refused: " + code);
			this.resumeTokens.remove(this.index);
			send("//login " + this.user + " " + this.password);
			return;
		}
		if (this.mode == Mode.PREPARE && "already-exists".equals(code) && "register".equals(command)) {
			send("//login " + this.user + " " + this.password);
			return;
		}
		if ("already-exists".equals(code) && "join".equals(command) && this.joinRetries++ < 3) {
			// the server refuses a join that loses the race to create the channel: joining again works
			send("//join " + this.channel);
			return;
		}
		this.stats.error(code + (command != null ? " (" + command + ")" : ""));
		if (!this.ready) {
			fail(code);
		}
	}

	// ---- writing

	void send(String line) throws IOException {
		write((this.webSocket != null) ? WebSocketFraming.textFrame(line.getBytes(StandardCharsets.UTF_8))
				: (line + ((this.irc != null) ? "\r\n" : "\n")).getBytes(StandardCharsets.UTF_8));
	}

	private void write(byte[] bytes) throws IOException {
		if (this.out.position() > 0) {
			enqueue(bytes, 0);
			return;
		}
		ByteBuffer buffer = ByteBuffer.wrap(bytes);
		this.socket.write(buffer);
		if (buffer.hasRemaining()) {
			enqueue(bytes, buffer.position());
			this.key.interestOps(this.key.interestOps() | SelectionKey.OP_WRITE);
		}
	}

	private void enqueue(byte[] bytes, int from) {
		int length = bytes.length - from;
		if (this.out.remaining() < length) {
			ByteBuffer bigger = ByteBuffer.allocate(Math.max(this.out.capacity() * 2, this.out.position() + length));
			this.out.flip();
			bigger.put(this.out);
			this.out = bigger;
		}
		this.out.put(bytes, from, length);
	}

	private void flush() throws IOException {
		this.out.flip();
		this.socket.write(this.out);
		this.out.compact();
		if (this.out.position() == 0) {
			this.key.interestOps(SelectionKey.OP_READ);
		}
	}

	// ---- end of life

	private void fail(String reason) {
		this.finished = true;
		closeSocket();
		this.listener.failed(this, reason);
	}

	@Override
	public void closed(String reason) {
		closeSocket();
		if (this.finished) {
			return;
		}
		this.finished = true;
		if (this.quitting) {
			this.listener.done(this);
		}
		else {
			this.stats.error((this.ready ? "closed:" : "closed-before-login:") + reason);
			this.listener.failed(this, reason);
		}
	}

	private void closeSocket() {
		try {
			if (this.socket != null) {
				this.socket.close();
			}
		}
		catch (IOException ex) {
			// gone either way
		}
	}

	// ---- bytes

	static String field(String json, String name) {
		String marker = "\"" + name + "\":\"";
		int start = json.indexOf(marker);
		if (start < 0) {
			return null;
		}
		start += marker.length();
		int end = json.indexOf('"', start);
		return (end < 0) ? null : json.substring(start, end);
	}

	private static boolean startsWith(byte[] bytes, int start, byte[] prefix) {
		for (int i = 0; i < prefix.length; i++) {
			if (bytes[start + i] != prefix[i]) {
				return false;
			}
		}
		return true;
	}

	private static boolean equals(byte[] bytes, int start, int end, byte[] word) {
		return end - start == word.length && startsWith(bytes, start, word);
	}

	private static int indexOf(byte[] bytes, int from, int to, byte b) {
		for (int i = from; i < to; i++) {
			if (bytes[i] == b) {
				return i;
			}
		}
		return -1;
	}

	private static int indexOf(byte[] bytes, int from, int to, byte[] word) {
		outer: for (int i = from; i <= to - word.length; i++) {
			for (int j = 0; j < word.length; j++) {
				if (bytes[i + j] != word[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

	/** What the engine hears from a client. */
	interface Listener {

		/** Logged in (and joined): in SESSION mode ready to send. */
		void ready(LoadClient client);

		/** Finished as planned: PREPARE quit, CHURN cycle over, or closed by the engine. */
		void done(LoadClient client);

		/** Gave up: refused, closed early, or an error during login. */
		void failed(LoadClient client, String reason);

	}

}
