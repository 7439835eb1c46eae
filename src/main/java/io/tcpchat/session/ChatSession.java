package io.tcpchat.session;

import java.time.Instant;
import java.util.Collections;
import java.util.Locale;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import io.tcpchat.auth.ChatUser;
import io.tcpchat.auth.Login;
import io.tcpchat.command.Answer;
import io.tcpchat.command.CommandContext;
import io.tcpchat.command.CommandGate;
import io.tcpchat.command.ErrorTranslation;
import io.tcpchat.command.Prompt;
import io.tcpchat.command.Reply;
import io.tcpchat.connection.ConnectionInfo;
import io.tcpchat.connection.Format;
import io.tcpchat.connection.InboundLine;
import io.tcpchat.connection.Outbound;
import io.tcpchat.error.ChatException;
import io.tcpchat.error.ErrorCode;
import io.tcpchat.protocol.ServerEvent;
import io.tcpchat.protocol.TextLines;
import io.tcpchat.session.EventRenderer.RenderedEvent;

/**
 * The state of one connection: format, login, current channel, an open prompt, keepalive. Lines are handled one
 * at a time and in the order they arrived; events may be sent from any thread.
 */
public class ChatSession implements CommandContext {

	private final String id;

	private final String remoteAddress;

	private final String listener;

	private final Instant connectedAt;

	private final Outbound outbound;

	private final EventRenderer renderer;

	private final SessionHost host;

	private final Set<String> channels = ConcurrentHashMap.newKeySet();

	private volatile Format format;

	/** Lower-case names whose messages and DMs this user does not want delivered. */
	private volatile Set<String> ignored = Set.of();

	/** The UTC day (epoch day) of the last timestamped line in the text format; a new day gets a date line. */
	private long shownDay;

	private volatile ChatUser user;

	private volatile String currentChannel;

	private volatile OpenPrompt openPrompt;

	private volatile boolean closing;

	private final AtomicInteger pendingWork = new AtomicInteger();

	private final Queue<Runnable> afterPendingWork = new ConcurrentLinkedQueue<>();

	private final long connectedNanos = System.nanoTime();

	private volatile long lastInputNanos = this.connectedNanos;

	private volatile String pingToken;

	private volatile long pingSentNanos;

	/** Inbound lines in order; paused while a login runs elsewhere. */
	private final LineSequencer lines = new LineSequencer();

	ChatSession(ConnectionInfo connection, Instant connectedAt, Outbound outbound, EventRenderer renderer,
			SessionHost host) {
		this.id = connection.id();
		this.remoteAddress = connection.remoteAddress();
		this.listener = connection.listener();
		this.format = connection.initialFormat();
		this.connectedAt = connectedAt;
		this.shownDay = TextFormat.epochDay(connectedAt);
		this.outbound = outbound;
		this.renderer = renderer;
		this.host = host;
	}

	public String id() {
		return this.id;
	}

	@Override
	public String sessionId() {
		return this.id;
	}

	@Override
	public String remoteAddress() {
		return this.remoteAddress;
	}

	public String listener() {
		return this.listener;
	}

	public Instant connectedAt() {
		return this.connectedAt;
	}

	public Format format() {
		return this.format;
	}

	void setFormat(Format format) {
		this.format = format;
	}

	// ---- inbound, in order

	/**
	 * Hands lines to {@code handler} strictly in sequence order, one at a time, on whichever thread brings the
	 * next expected line. While a login runs elsewhere the lines wait; the login's end hands on the rest.
	 */
	void receive(long sequence, InboundLine line, Consumer<InboundLine> handler) {
		this.lines.receive(sequence, line, handler);
	}

	/** How many logins this session started, so a command that started one knows not to show its prompt again. */
	long loginsStarted() {
		return this.lines.pauses();
	}

	/** Every one of the {@code linesAssembled} lines handled, no work pending, nothing left to write. */
	boolean isQuiet(long linesAssembled) {
		return this.lines.handledAll(linesAssembled) && this.pendingWork.get() == 0 && this.outbound.queuedBytes() == 0;
	}

	@Override
	public void pending(CompletionStage<?> work) {
		this.pendingWork.incrementAndGet();
		work.whenComplete((result, failure) -> {
			if (this.pendingWork.decrementAndGet() == 0) {
				Runnable next;
				while ((next = this.afterPendingWork.poll()) != null) {
					next.run();
				}
			}
		});
	}

	/** Runs {@code action} once the work noted with {@link #pending} so far has finished. */
	void afterPendingWork(Runnable action) {
		this.afterPendingWork.add(action);
		if (this.pendingWork.get() == 0 && this.afterPendingWork.remove(action)) {
			action.run();
		}
	}

	// ---- outbound

	void send(ServerEvent event) {
		this.outbound.send(this.renderer.render(event, this.format));
	}

	/** @return false if the event was dropped (connection closing, or its send queue full) */
	boolean send(RenderedEvent event) {
		Format current = this.format;
		if (current == Format.TEXT) {
			announceNewDay(event.timestamp());
		}
		return this.outbound.send(event.bytes(current));
	}

	/** Text lines show only the time of day: when the day changes, a line says which day it is now. */
	private void announceNewDay(Instant timestamp) {
		if (timestamp == null) {
			return;
		}
		long day = TextFormat.epochDay(timestamp);
		synchronized (this) {
			if (day <= this.shownDay) {
				return;
			}
			this.shownDay = day;
		}
		this.outbound.send(this.renderer.render(new ServerEvent.Notice(TextFormat.NEW_DAY,
				TextLines.day(timestamp), null), Format.TEXT));
	}

	/** Says {@code bye} and closes once it is written. */
	void bye(String reason) {
		if (this.closing) {
			return;
		}
		this.closing = true;
		this.outbound.sendLast(this.renderer.render(new ServerEvent.Bye(reason), this.format));
	}

	boolean isClosing() {
		return this.closing;
	}

	long queuedBytes() {
		return this.outbound.queuedBytes();
	}

	// ---- keepalive

	void touch() {
		this.lastInputNanos = System.nanoTime();
		this.pingToken = null;
	}

	long connectedNanos() {
		return this.connectedNanos;
	}

	long lastInputNanos() {
		return this.lastInputNanos;
	}

	String pingToken() {
		return this.pingToken;
	}

	long pingSentNanos() {
		return this.pingSentNanos;
	}

	void ping(String token) {
		this.pingToken = token;
		this.pingSentNanos = System.nanoTime();
		send(new ServerEvent.Ping(token));
	}

	// ---- prompts

	OpenPrompt openPrompt() {
		return this.openPrompt;
	}

	/** Takes the open prompt, so its answer is handled once. */
	OpenPrompt takePrompt() {
		OpenPrompt prompt = this.openPrompt;
		this.openPrompt = null;
		return prompt;
	}

	void clearPrompt() {
		this.openPrompt = null;
	}

	void showPrompt(OpenPrompt prompt) {
		Prompt p = prompt.prompt();
		send(new ServerEvent.Prompt(p.field(), p.text(), p.secret()));
	}

	// ---- login state

	void loggedIn(ChatUser user, Iterable<String> channels, String current) {
		this.user = user;
		channels.forEach(this.channels::add);
		this.currentChannel = current;
	}

	void ignoring(Set<String> names) {
		this.ignored = names.stream().map(name -> name.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
	}

	boolean ignores(String name) {
		Set<String> names = this.ignored;
		return !names.isEmpty() && names.contains(name.toLowerCase(Locale.ROOT));
	}

	void joined(String channel) {
		this.channels.add(channel);
	}

	/**
	 * @return whether that was the current channel: then there is none now, and plain lines are refused until
	 * the user chooses one (never moved to another channel behind the user's back)
	 */
	boolean left(String channel) {
		this.channels.remove(channel);
		synchronized (this) {
			if (!channel.equals(this.currentChannel)) {
				return false;
			}
			this.currentChannel = null;
			return true;
		}
	}

	boolean isLoggedIn() {
		return this.user != null;
	}

	// ---- CommandContext

	@Override
	public Optional<ChatUser> user() {
		return Optional.ofNullable(this.user);
	}

	@Override
	public String currentChannel() {
		return this.currentChannel;
	}

	@Override
	public synchronized void setCurrentChannel(String channel) {
		this.currentChannel = channel;
	}

	@Override
	public Set<String> channels() {
		return Collections.unmodifiableSet(this.channels);
	}

	@Override
	public void reply(String command, Reply reply) {
		send(new ServerEvent.Reply(command, reply.text(), reply.data()));
	}

	@Override
	public void error(String command, ChatException error) {
		send(new ServerEvent.Error(error.code().code(), error.getMessage(), command));
		if (error.code() == ErrorCode.BANNED) {
			bye("banned");
		}
	}

	@Override
	public void ask(Prompt prompt, Answer answer) {
		OpenPrompt open = new OpenPrompt(prompt, answer);
		this.openPrompt = open;
		showPrompt(open);
	}

	@Override
	public void completeLogin(String command, CompletionStage<Login> login, Consumer<ChatException> onRefused) {
		this.lines.pause();
		login.whenComplete((done, failure) -> {
			try {
				if (failure != null) {
					refused(command, CommandGate.asChatException(failure), onRefused);
				}
				else {
					loginDone(command, done, onRefused);
				}
			}
			finally {
				this.lines.resume();
			}
		});
	}

	private void loginDone(String command, Login done, Consumer<ChatException> onRefused) {
		try {
			this.host.completeLogin(this, done);
		}
		catch (RuntimeException ex) {
			ChatException error = ErrorTranslation.translate(ex);
			if (done.created()) {
				// never claim that nothing changed: the account exists now
				error = new ChatException(error.code(), "Your account " + done.user().name()
						+ " was created, but logging you in failed (the server is busy). Log in with its password.");
			}
			refused(command, error, onRefused);
		}
	}

	private void refused(String command, ChatException error, Consumer<ChatException> onRefused) {
		error(command, error);
		if (this.closing || isLoggedIn()) {
			return;
		}
		if (onRefused != null) {
			onRefused.accept(error);
		}
		else {
			this.host.loginRefused(this);
		}
	}

	@Override
	public void updateUser(ChatUser updated) {
		this.user = updated;
	}

	@Override
	public String toString() {
		return "ChatSession[" + this.id + ", " + (this.user == null ? "guest" : this.user.name()) + "]";
	}

	record OpenPrompt(Prompt prompt, Answer answer) {
	}

	/** What a session needs from the layer that manages it. */
	interface SessionHost {

		void completeLogin(ChatSession session, Login login);

		/** A login started by a command failed: show the open prompt again, or start the dialogue over. */
		void loginRefused(ChatSession session);

	}

}
