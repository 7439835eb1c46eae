package io.tcpchat.client;

import java.io.IOException;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

import io.tcpchat.protocol.ServerEvent;
import org.jline.utils.AttributedString;

/**
 * The client's side of the conversation with the server, without any terminal code: login (remembering this
 * run's credentials in memory only), keepalive, what channels the user is in and what was last seen there, and
 * after a reconnect logging in again, rejoining and fetching what was missed. Events are shown on a
 * {@link Screen}; the input loop asks {@link #awaitInput()} what the next line is for.
 */
final class ClientSession implements ServerConnection.Listener {

	static final int MISSED_FETCH = 50;

	interface Screen {

		void show(AttributedString lines);

		/** What the input line is for changed (a prompt arrived, the session ended): start reading anew. */
		void inputChanged();

		/** The chat prompt (channel, online or not) changed: redraw it, keeping what is typed. */
		void promptChanged();

	}

	/** A prompt of the server, tied to the connection that asked. */
	record OpenPrompt(ServerConnection connection, ServerEvent.Prompt prompt) {
	}

	/**
	 * What logs this run in again: the resume token of the last {@code logged-in} if there is one (no password
	 * hashing on the server, so a restart's reconnect storm is cheap), else the password.
	 */
	record Credentials(String user, String password, String token) {

		Credentials withToken(String token) {
			return new Credentials(this.user, this.password, token);
		}

	}

	/** What the next line typed is for. */
	enum Input {

		PROMPT, CHAT, CLOSED

	}

	enum Phase {

		CONNECTING, LOGIN, RELOGIN, ONLINE, OFFLINE, CLOSED

	}

	private record Automatic(String command, Consumer<ServerEvent> handler) {
	}

	private final Connector connector;

	private final EventFormatter formatter;

	private final Screen screen;

	private final CompletionData completion;

	private final Clock clock;

	private Instant disconnectedAt;

	private final EventParser parser = new EventParser();

	private Reconnector reconnector;

	private ServerConnection connection;

	private Phase phase = Phase.CONNECTING;

	private boolean everOnline;

	private OpenPrompt prompt;

	private Credentials credentials;

	private String answeredUser;

	/** {@code --user}: answers the first username prompt by itself, so only the password is asked. */
	private String presetUser;

	private String answeredPassword;

	private String newPassword;

	private String user;

	private String currentChannel;

	private final Set<String> channels = new LinkedHashSet<>();

	private final Map<String, Long> lastSeen = new HashMap<>();

	private long lastSeenAnywhere;

	private final Deque<Automatic> automatic = new ArrayDeque<>();

	private String byeReason;

	private boolean quitting;

	private String lastFailure;

	ClientSession(Connector connector, EventFormatter formatter, Screen screen, CompletionData completion,
			Clock clock) {
		this.connector = connector;
		this.clock = clock;
		this.formatter = formatter;
		this.screen = screen;
		this.completion = completion;
	}

	void reconnectWith(Reconnector reconnector) {
		this.reconnector = reconnector;
	}

	/** Logs in as {@code user} ({@code --user}): the first username prompt is answered without asking. */
	synchronized void loginAs(String user) {
		this.presetUser = (user == null || user.isBlank()) ? null : user.trim();
	}

	// ---- called by the input loop

	/** Connects for the first time; the server's prompts follow. */
	void start() throws IOException {
		attach(this.connector.open());
	}

	/** Called by the reconnector: a new connection, logged in again with this run's credentials if known. */
	void reconnect() throws IOException {
		attach(this.connector.open());
	}

	private void attach(Socket socket) throws IOException {
		synchronized (this) {
			if (this.phase == Phase.CLOSED) {
				socket.close();
				return;
			}
			this.connection = new ServerConnection(socket, this);
			this.automatic.clear();
			this.prompt = null;
			this.byeReason = null;
			sendAutomatic("//format json", "format", e -> {
			});
			if (this.credentials != null) {
				this.phase = Phase.RELOGIN;
				if (this.credentials.token() != null) {
					this.connection.send("//resume " + this.credentials.user() + " " + this.credentials.token());
				}
				else {
					this.connection.send("//login " + this.credentials.user() + " " + this.credentials.password());
				}
			}
			else {
				this.phase = Phase.LOGIN;
			}
			this.connection.start();
		}
	}

	/** Blocks until the next typed line has a purpose: answering a prompt, chatting, or none (closed). */
	synchronized Input awaitInput() throws InterruptedException {
		while (true) {
			if (this.phase == Phase.CLOSED) {
				return Input.CLOSED;
			}
			if (this.prompt != null) {
				return Input.PROMPT;
			}
			if (this.everOnline) {
				return Input.CHAT;
			}
			wait();
		}
	}

	synchronized OpenPrompt openPrompt() {
		return this.prompt;
	}

	/** Answers a prompt; ignored (with a word) if the connection was renewed meanwhile. */
	void answer(OpenPrompt answered, String line) {
		synchronized (this) {
			if (this.prompt != answered || answered.connection() != this.connection) {
				this.screen.show(this.formatter.notice("The connection was renewed; please answer again."));
				return;
			}
			this.prompt = null;
			String field = answered.prompt().field();
			boolean loggingIn = !this.everOnline || this.phase == Phase.LOGIN;
			if ("username".equals(field)) {
				this.answeredUser = line.trim();
			}
			else if ("password".equals(field) && loggingIn) {
				this.answeredPassword = line;
			}
			else if ("new-password".equals(field)) {
				if (loggingIn) {
					this.answeredPassword = line;
				}
				else {
					this.newPassword = line;
				}
			}
			else if (!answered.prompt().secret() && line.startsWith("//")) {
				typedCommand(line);
			}
			this.connection.send(line);
		}
	}

	/** A line typed at the chat prompt: a message or a command. */
	void type(String line) {
		if (line.isBlank()) {
			return;
		}
		if (isQuit(line)) {
			quit(line);
			return;
		}
		synchronized (this) {
			if (this.phase != Phase.ONLINE) {
				this.screen.show(this.formatter.problem("Not connected; not sent (Up brings the line back): " + line));
				return;
			}
			typedCommand(line);
			this.connection.send(line);
		}
	}

	private void typedCommand(String line) {
		String[] words = line.split(" ", 3);
		if ((words[0].equals("//login") || words[0].equals("//register")) && words.length == 3) {
			this.answeredUser = words[1];
			this.answeredPassword = words[2];
		}
	}

	static boolean isQuit(String line) {
		String trimmed = line.trim();
		return trimmed.equals("//quit") || trimmed.startsWith("//quit ");
	}

	/** Says goodbye to the server and closes. */
	void quit(String line) {
		ServerConnection open;
		synchronized (this) {
			this.quitting = true;
			open = this.connection;
		}
		if (this.reconnector != null) {
			this.reconnector.stop();
		}
		if (open != null) {
			open.send(line);
		}
		close();
	}

	/** Closes without ceremony (Ctrl-D, Ctrl-C, end of the program). */
	void close() {
		ServerConnection open;
		synchronized (this) {
			this.quitting = true;
			this.phase = Phase.CLOSED;
			open = this.connection;
			notifyAll();
		}
		if (this.reconnector != null) {
			this.reconnector.stop();
		}
		if (open != null) {
			open.close();
		}
	}

	synchronized boolean isClosed() {
		return this.phase == Phase.CLOSED;
	}

	synchronized boolean isOnline() {
		return this.phase == Phase.ONLINE;
	}

	synchronized String currentChannel() {
		return this.currentChannel;
	}

	synchronized String user() {
		return this.user;
	}

	/** What the username prompt offers: the last name used (at first the one of {@code --user}). */
	synchronized String lastUsername() {
		return this.answeredUser;
	}

	synchronized Credentials credentials() {
		return this.credentials;
	}

	synchronized Phase phase() {
		return this.phase;
	}

	// ---- called by the connection's reader thread

	@Override
	public void event(ServerConnection from, ServerEvent event) {
		boolean inputChanged = false;
		boolean promptChanged = false;
		synchronized (this) {
			if (from != this.connection || this.phase == Phase.CLOSED) {
				return;
			}
			if (event instanceof ServerEvent.Ping ping) {
				from.send("//pong " + ping.token());
				return;
			}
			if (handledAutomatically(event)) {
				return;
			}
			if (event instanceof ServerEvent.Prompt p) {
				if (this.phase == Phase.RELOGIN) {
					return; // the greeting's username prompt: //login is already on its way
				}
				if ("username".equals(p.field()) && this.presetUser != null) {
					// once only: after a failed login the prompt shows again, pre-filled with this name
					this.answeredUser = this.presetUser;
					this.presetUser = null;
					from.send(this.answeredUser);
					return;
				}
				this.prompt = new OpenPrompt(from, p);
				inputChanged = true;
				notifyAll();
			}
			else if (event instanceof ServerEvent.LoggedIn loggedIn) {
				promptChanged = loggedIn(loggedIn);
			}
			else if (event instanceof ServerEvent.Error error) {
				error(error);
			}
			else {
				promptChanged = observe(event);
				show(event);
			}
		}
		if (inputChanged) {
			this.screen.inputChanged();
		}
		if (promptChanged) {
			this.screen.promptChanged();
		}
	}

	@Override
	public void closed(ServerConnection from, IOException cause) {
		String reason;
		synchronized (this) {
			if (from != this.connection || this.phase == Phase.CLOSED) {
				return;
			}
			this.prompt = null;
			this.automatic.clear();
			if (this.disconnectedAt == null) {
				this.disconnectedAt = this.clock.instant();
			}
			if (this.quitting || isFinal(this.byeReason)) {
				this.phase = Phase.CLOSED;
				notifyAll();
				reason = null;
			}
			else {
				this.phase = this.everOnline ? Phase.OFFLINE : Phase.LOGIN;
				reason = (this.byeReason != null) ? "the server said " + this.byeReason
						: (cause != null) ? Reconnector.describe(cause) : "closed by the server";
			}
		}
		if (reason == null) {
			if (!this.quitting) {
				this.screen.show(this.formatter.notice("Disconnected. Bye."));
			}
			this.screen.inputChanged();
			return;
		}
		this.screen.promptChanged();
		this.reconnector.connectionLost(reason);
	}

	static boolean isFinal(String byeReason) {
		if (byeReason == null) {
			return false;
		}
		String reason = byeReason.toLowerCase(Locale.ROOT);
		return reason.startsWith("quit") || reason.startsWith("kick") || reason.startsWith("ban")
				|| reason.startsWith("login-timeout");
	}

	// ---- reconnector callbacks

	void reconnectWaiting(int attempt, Duration delay, String reason) {
		String wait = String.format(Locale.ROOT, "%.1f s", delay.toMillis() / 1000.0);
		String previous;
		synchronized (this) {
			previous = this.lastFailure;
			this.lastFailure = (attempt == 1) ? null : reason;
		}
		if (attempt == 1) {
			this.screen.show(this.formatter.notice("Connection lost (" + reason + "). Reconnecting in " + wait + "..."));
		}
		else if (!reason.equals(previous)) {
			this.screen.show(this.formatter.notice("Reconnecting failed (" + reason
					+ "); trying again with growing pauses, at most " + Backoff.MAX.toSeconds() + " s apart..."));
		}
	}

	void reconnectGaveUp(String reason) {
		this.screen.show(this.formatter.problem(reason));
		close();
		this.screen.inputChanged();
	}

	// ---- event handling (holding the lock)

	private boolean loggedIn(ServerEvent.LoggedIn event) {
		boolean relogin = this.phase == Phase.RELOGIN;
		String wanted = this.currentChannel;
		this.phase = Phase.ONLINE;
		this.prompt = null;
		this.user = event.user();
		this.currentChannel = event.channel();
		this.channels.add(event.channel());
		this.completion.channel(event.channel());
		if (!relogin && this.answeredPassword != null) {
			this.credentials = new Credentials(event.user(), this.answeredPassword, event.resume());
		}
		else if (this.credentials != null) {
			this.credentials = this.credentials.withToken(event.resume());
		}
		this.answeredPassword = null;
		Duration offline = this.reconnector.loggedIn();
		if (!this.everOnline) {
			this.everOnline = true;
			show(event);
			fetchCompletions();
			sendAutomatic("//whoami", "whoami", this::whoami);
		}
		else {
			resync(event.channel(), wanted, offline);
		}
		notifyAll();
		return true;
	}

	private void error(ServerEvent.Error error) {
		show(error);
		boolean loginRefused = "login".equals(error.command()) || "bad-credentials".equals(error.code())
				|| "banned".equals(error.code());
		if (this.phase == Phase.RELOGIN && "resume".equals(error.command()) && !"banned".equals(error.code())) {
			// the token was spent, expired or revoked: fall back to the password
			this.credentials = this.credentials.withToken(null);
			this.connection.send("//login " + this.credentials.user() + " " + this.credentials.password());
			return;
		}
		if (this.phase == Phase.RELOGIN && "rate-limited".equals(error.code())) {
			// the server is busy (e.g. everybody reconnecting after a restart): try again after the backoff
			this.byeReason = "busy (" + error.code() + ")";
			this.connection.close();
			return;
		}
		if (this.phase == Phase.RELOGIN && loginRefused) {
			this.screen.show(this.formatter.problem("Logging in again as " + this.credentials.user()
					+ " failed; log in by hand."));
			this.credentials = null;
			this.phase = Phase.LOGIN;
		}
		if ("banned".equals(error.code())) {
			this.byeReason = "banned";
		}
	}

	/** Updates what the client knows from an event it shows; true if the input prompt should change. */
	private boolean observe(ServerEvent event) {
		if (event instanceof ServerEvent.Message m) {
			seen(m);
			this.completion.user(m.from());
		}
		else if (event instanceof ServerEvent.Dm d) {
			this.completion.user(d.from());
		}
		else if (event instanceof ServerEvent.Join j) {
			this.completion.user(j.user());
			this.completion.channel(j.channel());
		}
		else if (event instanceof ServerEvent.Part p && p.user().equalsIgnoreCase(this.user)) {
			this.channels.remove(p.channel());
		}
		else if (event instanceof ServerEvent.Notice n && "no-channel".equals(n.code())
				&& n.channel() != null && n.channel().equals(this.currentChannel)) {
			this.currentChannel = null;
		}
		else if (event instanceof ServerEvent.Bye bye) {
			this.byeReason = bye.reason();
		}
		else if (event instanceof ServerEvent.Reply reply) {
			return replied(reply);
		}
		return false;
	}

	private boolean replied(ServerEvent.Reply reply) {
		Map<String, ?> data = (reply.data() != null) ? reply.data() : Map.of();
		String command = String.valueOf(reply.command());
		if ((command.equals("join") || command.equals("create-channel")) && data.get("channel") instanceof String c) {
			this.channels.add(c);
			this.completion.channel(c);
			this.currentChannel = c;
			return true;
		}
		if (command.equals("leave") && data.get("channel") instanceof String c) {
			this.channels.remove(c);
			sendAutomatic("//whoami", "whoami", this::whoami);
		}
		else if (command.equals("passwd") && this.newPassword != null && this.credentials != null) {
			// the password change revoked every resume token
			this.credentials = new Credentials(this.credentials.user(), this.newPassword, null);
			this.newPassword = null;
		}
		else if (command.equals("users") && data.get("users") instanceof Collection<?> users) {
			users.forEach(u -> this.completion.user(String.valueOf(u)));
		}
		return false;
	}

	private void show(ServerEvent event) {
		if (event instanceof ServerEvent.Reply reply && "history".equals(reply.command())) {
			List<ServerEvent.Message> messages = messagesOf(reply);
			if (!messages.isEmpty()) {
				messages.forEach(this::seen);
				this.screen.show(join(messages.stream().map(this.formatter::message).toList()));
				return;
			}
		}
		AttributedString lines = this.formatter.format(event, this.user);
		if (lines != null) {
			this.screen.show(lines);
		}
	}

	private void seen(ServerEvent.Message message) {
		this.lastSeen.merge(message.channel(), message.id(), Math::max);
		this.lastSeenAnywhere = Math.max(this.lastSeenAnywhere, message.id());
	}

	private List<ServerEvent.Message> messagesOf(ServerEvent.Reply reply) {
		if (reply.data() == null || !(reply.data().get("messages") instanceof List<?> list)) {
			return List.of();
		}
		return list.stream().map(this.parser::message).flatMap(Optional::stream).toList();
	}

	// ---- automatic commands: sent by the client itself, their answers are not shown as such

	private void sendAutomatic(String line, String command, Consumer<ServerEvent> handler) {
		this.automatic.add(new Automatic(command, handler));
		this.connection.send(line);
	}

	private boolean handledAutomatically(ServerEvent event) {
		Automatic next = this.automatic.peek();
		if (next == null) {
			return false;
		}
		String command = null;
		if (event instanceof ServerEvent.Reply reply) {
			command = reply.command();
		}
		else if (event instanceof ServerEvent.Error error) {
			command = error.command();
		}
		if (!next.command().equals(command)) {
			return false;
		}
		this.automatic.poll();
		next.handler().accept(event);
		return true;
	}

	private void fetchCompletions() {
		sendAutomatic("//help", "help", e -> {
			if (e instanceof ServerEvent.Reply r && r.data() != null && r.data().get("commands") instanceof List<?> l) {
				this.completion.commands(l.stream()
					.filter(Map.class::isInstance)
					.map(c -> String.valueOf(((Map<?, ?>) c).get("name")))
					.toList());
			}
		});
		sendAutomatic("//channels", "channels", e -> {
			if (e instanceof ServerEvent.Reply r && r.data() != null && r.data().get("channels") instanceof List<?> l) {
				this.completion.channels(l.stream()
					.filter(Map.class::isInstance)
					.map(c -> String.valueOf(((Map<?, ?>) c).get("name")))
					.toList());
			}
		});
		sendAutomatic("//users", "users", e -> {
			if (e instanceof ServerEvent.Reply r && r.data() != null && r.data().get("users") instanceof List<?> l) {
				this.completion.users(l.stream().map(String::valueOf).toList());
			}
		});
	}

	private void whoami(ServerEvent event) {
		if (event instanceof ServerEvent.Reply r && r.data() != null) {
			if (r.data().get("channels") instanceof List<?> list) {
				this.channels.clear();
				list.forEach(c -> this.channels.add(String.valueOf(c)));
				this.channels.forEach(this.completion::channel);
			}
			if (r.data().get("current") instanceof String current && !current.equals(this.currentChannel)) {
				this.currentChannel = current;
				this.screen.promptChanged();
			}
		}
	}

	/** After logging in again: rejoin, restore the current channel, fetch what was missed, and say so. */
	private void resync(String landedIn, String wanted, Duration offline) {
		List<String> rejoin = new ArrayList<>(this.channels);
		rejoin.remove(landedIn);
		if (wanted != null) {
			rejoin.remove(wanted);
			if (!rejoin.isEmpty() || !wanted.equals(landedIn)) {
				rejoin.add(wanted);
			}
		}
		for (String channel : rejoin) {
			sendAutomatic("//join " + channel, "join", e -> {
				if (e instanceof ServerEvent.Reply r && r.data() != null && r.data().get("channel") instanceof String c) {
					this.currentChannel = c;
				}
				else if (e instanceof ServerEvent.Error error) {
					this.channels.remove(channel);
					this.screen.show(this.formatter.problem("Could not rejoin #" + channel + ": " + error.text()));
				}
			});
		}
		Missed missed = new Missed(new ArrayList<>(this.channels), offline);
		Instant gone = this.disconnectedAt;
		this.disconnectedAt = null;
		for (String channel : missed.channels) {
			Predicate<ServerEvent.Message> unseen = unseenIn(channel, gone);
			sendAutomatic("//history #" + channel + " " + MISSED_FETCH, "history",
					e -> missed.answer(channel, unseen, e));
		}
		fetchCompletions();
		if (missed.channels.isEmpty()) {
			missed.report();
		}
	}

	/**
	 * Which messages of a channel are new: message ids come from one sequence, so anything after the last one
	 * seen (in that channel, else anywhere); having seen none at all, anything written since the disconnect.
	 */
	private Predicate<ServerEvent.Message> unseenIn(String channel, Instant disconnected) {
		Long last = this.lastSeen.get(channel);
		long since = (last != null) ? last : this.lastSeenAnywhere;
		if (since > 0 || disconnected == null) {
			return m -> m.id() > since;
		}
		return m -> m.ts() != null && m.ts().isAfter(disconnected);
	}

	/** Gathers the history answers after a reconnect into one report. */
	private final class Missed {

		private final List<String> channels;

		private final Duration offline;

		private int pending;

		private int total;

		private boolean truncated;

		private final List<String> where = new ArrayList<>();

		Missed(List<String> channels, Duration offline) {
			this.channels = channels;
			this.offline = offline;
			this.pending = channels.size();
		}

		void answer(String channel, Predicate<ServerEvent.Message> unseen, ServerEvent event) {
			if (event instanceof ServerEvent.Reply reply) {
				List<ServerEvent.Message> all = messagesOf(reply);
				List<ServerEvent.Message> missed = all.stream().filter(unseen).toList();
				if (!missed.isEmpty()) {
					ClientSession.this.screen.show(ClientSession.this.formatter
						.notice(missed.size() + " message" + plural(missed.size()) + " in #" + channel + " while you were away:"));
					ClientSession.this.screen.show(join(missed.stream().map(ClientSession.this.formatter::message).toList()));
					missed.forEach(ClientSession.this::seen);
					this.total += missed.size();
					this.where.add("#" + channel);
					this.truncated |= missed.size() == all.size() && all.size() >= MISSED_FETCH;
				}
			}
			if (--this.pending <= 0) {
				report();
			}
		}

		void report() {
			String away = (this.offline != null) ? " after " + seconds(this.offline) : "";
			String summary;
			if (this.total == 0) {
				summary = "No messages missed in your channels.";
			}
			else {
				summary = "You may have missed " + (this.truncated ? "more than " : "") + this.total + " message"
						+ plural(this.total) + " (in " + String.join(", ", this.where) + "; shown above).";
			}
			ClientSession.this.screen.show(ClientSession.this.formatter.notice("Back online" + away + " as "
					+ ClientSession.this.user + " in #" + ClientSession.this.currentChannel + ". " + summary));
			ClientSession.this.screen.promptChanged();
		}

	}

	private static String plural(int n) {
		return (n == 1) ? "" : "s";
	}

	private static String seconds(Duration duration) {
		return String.format(Locale.ROOT, "%.0f s", Math.max(1, duration.toMillis() / 1000.0));
	}

	private static AttributedString join(List<AttributedString> lines) {
		return AttributedString.join(new AttributedString("\n"), lines);
	}

}
