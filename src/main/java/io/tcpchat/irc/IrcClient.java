package io.tcpchat.irc;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import io.tcpchat.connection.ConnectionHandler;
import io.tcpchat.connection.InboundLine;
import io.tcpchat.connection.Outbound;
import io.tcpchat.protocol.ServerEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One IRC connection: its registration state, capabilities and channels, the chat commands it sent whose
 * answers are awaited, and the two directions of translation. IRC lines are handled in the order the client sent
 * them; chat events may come from any thread. Both happen under this object's lock, which is never held while
 * the session layer runs a command: chat lines are only queued under it and handed on afterwards
 * ({@link #flush}), each with the next sequence number, so the session still handles them in order.
 */
final class IrcClient {

	private static final Logger log = LoggerFactory.getLogger(IrcClient.class);

	/**
	 * The last text rendered on this thread. A channel message is delivered to all its recipients one after the
	 * other on one delivery thread, and its lines depend only on these inputs (the tags carry the recipient's
	 * capabilities), so the next recipient with the same capabilities gets the same bytes: a 2,000-member channel
	 * renders a message a few times instead of 2,000 (the IRC fan-out profile had the rendering as its cost).
	 */
	private static final ThreadLocal<RenderedText> LAST_RENDERED = new ThreadLocal<>();

	enum Login {
		NONE, PASS, SASL, REGISTER
	}

	final String id;

	final IrcServer server;

	private final Outbound socket;

	private final ConnectionHandler sessions;

	// ---- registration and state, guarded by this

	String nick;

	String user;

	String password;

	/** The account once logged in: the nick from then on. */
	String account;

	boolean admin;

	boolean capNegotiating;

	final Set<String> caps = new HashSet<>();

	Login pendingLogin = Login.NONE;

	StringBuilder sasl;

	/** 001-005 sent. */
	boolean welcomed;

	/** The welcome burst is complete (MOTD sent): chat events are shown from now on. */
	boolean registered;

	/** The chat asked something (a ChatServ command's prompt): the next message to ChatServ answers it. */
	boolean promptOpen;

	String promptText;

	final List<ServerEvent> held = new ArrayList<>();

	private final Map<String, ArrayDeque<Purpose>> pending = new HashMap<>();

	/** The channels (chat names) this client was shown a JOIN for. */
	final Set<String> joined = ConcurrentHashMap.newKeySet();

	// ---- sequencing, guarded by this

	private final TreeMap<Long, InboundLine> waiting = new TreeMap<>();

	private long nextIn;

	private long handledIn;

	private long nextOut;

	private final List<String> outbox = new ArrayList<>();

	private long outboxFirst;

	private boolean dropped;

	private int batches;

	IrcClient(String id, IrcServer server, Outbound socket, ConnectionHandler sessions) {
		this.id = id;
		this.server = server;
		this.socket = socket;
		this.sessions = sessions;
	}

	// ---- IRC lines in

	/** Takes line {@code sequence}, and handles every line now in turn with {@code handler}. */
	void receive(long sequence, InboundLine line, java.util.function.Consumer<InboundLine> handler) {
		synchronized (this) {
			this.waiting.put(sequence, line);
			InboundLine next;
			while ((next = this.waiting.remove(this.nextIn)) != null) {
				this.nextIn++;
				try {
					handler.accept(next);
				}
				catch (RuntimeException ex) {
					// one bad line must not stop the connection's later ones
					log.warn("Could not handle an IRC line on {}", this.id, ex);
				}
				finally {
					this.handledIn++;
				}
			}
		}
		flush();
	}

	synchronized long handledIn() {
		return this.handledIn;
	}

	synchronized long forwarded() {
		return this.nextOut;
	}

	// ---- chat lines out (to the session layer)

	/** Queues a chat line (a {@code //command}, or a prompt's answer); {@code purpose} says what its answer is for. */
	void chat(String line, Purpose purpose) {
		if (purpose != null) {
			this.pending.computeIfAbsent(commandOf(line), name -> new ArrayDeque<>()).add(purpose);
		}
		queue(line);
	}

	private void queue(String line) {
		if (this.outbox.isEmpty()) {
			this.outboxFirst = this.nextOut;
		}
		this.outbox.add(line);
		this.nextOut++;
	}

	/** The purpose of the oldest awaited answer to {@code command}, or null. */
	Purpose answered(String command) {
		ArrayDeque<Purpose> queue = (command != null) ? this.pending.get(command) : null;
		return (queue != null) ? queue.poll() : null;
	}

	/** Hands the queued chat lines to the session layer; called without holding the lock. */
	void flush() {
		List<String> lines;
		long first;
		synchronized (this) {
			if (this.outbox.isEmpty()) {
				return;
			}
			lines = List.copyOf(this.outbox);
			first = this.outboxFirst;
			this.outbox.clear();
		}
		for (int i = 0; i < lines.size(); i++) {
			this.sessions.received(this.id, first + i, InboundLine.of(lines.get(i)));
		}
	}

	static String commandOf(String chatLine) {
		if (!chatLine.startsWith("//")) {
			return null;
		}
		int space = chatLine.indexOf(' ');
		return chatLine.substring(2, (space < 0) ? chatLine.length() : space);
	}

	// ---- IRC lines out

	/** The nick numerics are addressed to: the account once logged in, else what the client asked for. */
	String me() {
		if (this.account != null) {
			return this.account;
		}
		return (this.nick != null) ? this.nick : "*";
	}

	boolean isMe(String name) {
		return name != null && this.account != null && name.equalsIgnoreCase(this.account);
	}

	boolean has(String capability) {
		return this.caps.contains(capability);
	}

	/** A numeric reply: {@code :server <code> <me> <rest>}; {@code rest} brings its own ':' before the text. */
	void numeric(String code, String rest) {
		send(":" + this.server.name() + " " + code + " " + me() + " " + rest);
	}

	/** A line from the server itself: {@code :server <rest>}. */
	void fromServer(String rest) {
		send(":" + this.server.name() + " " + rest);
	}

	/** A line from a user: {@code :nick!nick@server <rest>}. */
	void fromUser(String nick, String rest) {
		send(":" + this.server.mask(nick) + " " + rest);
	}

	/**
	 * PRIVMSG or NOTICE lines, the text cut so that no line exceeds 512 bytes (tags aside).
	 * @param source a nick, or null for the server
	 */
	void text(Instant ts, Long msgid, String source, String command, String target, String text) {
		text(ts, msgid, source, command, target, text, null);
	}

	/** As {@link #text(Instant, Long, String, String, String, String)}, inside the IRCv3 batch {@code batch}. */
	void text(Instant ts, Long msgid, String source, String command, String target, String text, String batch) {
		String tags = tags(ts, msgid, batch);
		RenderedText last = LAST_RENDERED.get();
		if (last == null || !last.renders(ts, msgid, source, command, target, text, tags)) {
			last = new RenderedText(ts, msgid, source, command, target, text, tags,
					render(source, command, target, text, tags));
			LAST_RENDERED.set(last);
		}
		for (byte[] line : last.lines()) {
			send(line);
		}
	}

	private List<byte[]> render(String source, String command, String target, String text, String tags) {
		String prefix = ":" + ((source == null) ? this.server.name() : this.server.mask(source)) + " " + command
				+ " " + target + " :";
		int room = IrcText.MAX_LINE_BYTES - 2 - IrcText.utf8Length(prefix);
		List<byte[]> lines = new ArrayList<>(1);
		for (String line : text.split("\n", -1)) {
			boolean action = line.startsWith(IrcText.CTCP + "ACTION ") && line.endsWith(IrcText.CTCP);
			if (action) {
				String body = line.substring(8, line.length() - 1);
				for (String piece : IrcText.split(body, room - 9)) {
					lines.add(bytes(tags + prefix + IrcText.CTCP + "ACTION " + piece + IrcText.CTCP));
				}
				continue;
			}
			for (String piece : IrcText.split(line, room)) {
				lines.add(bytes(tags + prefix + piece));
			}
		}
		return lines;
	}

	private record RenderedText(Instant ts, Long msgid, String source, String command, String target, String text,
			String tags, List<byte[]> lines) {

		boolean renders(Instant ts, Long msgid, String source, String command, String target, String text,
				String tags) {
			return Objects.equals(this.text, text) && Objects.equals(this.msgid, msgid)
					&& Objects.equals(this.source, source) && Objects.equals(this.target, target)
					&& Objects.equals(this.command, command) && Objects.equals(this.ts, ts)
					&& this.tags.equals(tags);
		}

	}

	/** A NOTICE from ChatServ to this client. */
	void chatServ(String text) {
		text(null, null, IrcServer.CHATSERV, "NOTICE", me(), text);
	}

	/** A new batch reference, unique on this connection. */
	String nextBatch() {
		return "b" + (++this.batches);
	}

	private String tags(Instant ts, Long msgid, String batch) {
		StringBuilder tags = new StringBuilder();
		if (batch != null) {
			tags.append("batch=").append(batch);
		}
		if (ts != null && has(IrcServer.SERVER_TIME)) {
			tags.append((tags.length() > 0) ? ";" : "").append("time=").append(IrcText.serverTime(ts));
		}
		if (msgid != null && has(IrcServer.MESSAGE_TAGS)) {
			tags.append((tags.length() > 0) ? ";" : "").append("msgid=").append(msgid);
		}
		return (tags.length() > 0) ? "@" + tags + " " : "";
	}

	void send(String line) {
		send(bytes(line));
	}

	private void send(byte[] line) {
		if (!this.socket.send(line)) {
			this.dropped = true;
		}
	}

	private static byte[] bytes(String line) {
		return (line + "\r\n").getBytes(StandardCharsets.UTF_8);
	}

	void sendLast(String line) {
		this.socket.sendLast((line + "\r\n").getBytes(StandardCharsets.UTF_8));
	}

	/** Whether every line since the last call was queued (false: the connection is closing or overflowed). */
	boolean takeDelivered() {
		boolean delivered = !this.dropped;
		this.dropped = false;
		return delivered;
	}

	Outbound socket() {
		return this.socket;
	}

}
