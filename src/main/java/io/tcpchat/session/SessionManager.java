package io.tcpchat.session;

import java.time.Clock;
import java.util.List;

import io.tcpchat.audit.AuditOrigin;
import io.tcpchat.auth.ChatUser;
import io.tcpchat.auth.LoginGuard;
import io.tcpchat.auth.Login;
import io.tcpchat.channel.ChannelService;
import io.tcpchat.command.CommandGate;
import io.tcpchat.command.ErrorTranslation;
import io.tcpchat.config.ChatProperties;
import io.tcpchat.config.NodeIdentity;
import io.tcpchat.error.ChatException;
import io.tcpchat.error.ErrorCode;
import io.tcpchat.metrics.ChatMetrics;
import io.tcpchat.presence.OnlineUser;
import io.tcpchat.presence.PresenceService;
import io.tcpchat.protocol.ServerEvent;
import io.tcpchat.session.ChatSession.OpenPrompt;
import io.tcpchat.connection.ConnectionHandler;
import io.tcpchat.connection.ConnectionInfo;
import io.tcpchat.connection.InboundLine;
import io.tcpchat.connection.Outbound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.info.BuildProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Owns the sessions: opens one per connection, routes each line (prompt answer, command, or message), completes
 * logins and cleans up on close.
 */
@Component
class SessionManager implements ConnectionHandler, ChatSession.SessionHost {

	private static final Logger log = LoggerFactory.getLogger(SessionManager.class);

	static final String SAY = "say";

	static final String QUIT = "//quit";

	private final SessionRegistry registry;

	private final EventRenderer renderer;

	private final CommandGate gate;

	private final LoginConversation login;

	private final ChannelService channels;

	private final PresenceService presence;

	private final NodeIdentity node;

	private final ChatProperties properties;

	private final Clock clock;

	private final String version;

	private final ChatMetrics metrics;

	private final LoginFollowUp followUp;

	private final ObjectProvider<LoginGuard> loginGuards;

	private volatile boolean shuttingDown;

	SessionManager(SessionRegistry registry, EventRenderer renderer, CommandGate gate, LoginConversation login,
			ChannelService channels, PresenceService presence, NodeIdentity node, ChatProperties properties,
			Clock clock, ObjectProvider<BuildProperties> build, ChatMetrics metrics, LoginFollowUp followUp,
			ObjectProvider<LoginGuard> loginGuards) {
		this.loginGuards = loginGuards;
		this.registry = registry;
		this.renderer = renderer;
		this.gate = gate;
		this.login = login;
		this.channels = channels;
		this.presence = presence;
		this.node = node;
		this.properties = properties;
		this.clock = clock;
		BuildProperties buildProperties = build.getIfAvailable();
		this.version = (buildProperties != null) ? buildProperties.getVersion() : "dev";
		this.metrics = metrics;
		this.followUp = followUp;
		metrics.usersOnline(presence::userCount);
	}

	@Override
	public void opened(ConnectionInfo connection, Outbound outbound) {
		ChatSession session = new ChatSession(connection, this.clock.instant(), outbound, this.renderer, this);
		if (this.shuttingDown) {
			session.bye("shutdown");
			return;
		}
		if (this.registry.countFrom(connection.remoteAddress()) >= this.properties.limits().connectionsPerIp()) {
			session.error(null, new ChatException(ErrorCode.RATE_LIMITED,
					"Too many connections from your address (at most " + this.properties.limits().connectionsPerIp()
							+ ")."));
			session.bye("too-many-connections");
			return;
		}
		this.registry.add(session);
		session.send(welcome());
		this.login.start(session);
	}

	ServerEvent.Welcome welcome() {
		return new ServerEvent.Welcome("tcp-chat", this.version, this.node.id(), this.properties.registration().label());
	}

	@Override
	public void received(String connectionId, long sequence, InboundLine line) {
		ChatSession session = this.registry.get(connectionId);
		if (session != null) {
			// what the line leads to is audited with the client's address (the PROXY protocol's, when a proxy gave one)
			session.receive(sequence, line, l -> AuditOrigin.from(session.remoteAddress(), () -> handle(session, l)));
		}
	}

	private void handle(ChatSession session, InboundLine line) {
		if (session.isClosing()) {
			return;
		}
		session.touch();
		try {
			if (line.tooLong()) {
				session.error(null, new ChatException(ErrorCode.LINE_TOO_LONG, "Lines have at most "
						+ this.properties.tcp().maxLineBytes() + " bytes; that one was discarded."));
				return;
			}
			route(session, line.text());
		}
		catch (RuntimeException ex) {
			session.error(null, ErrorTranslation.translate(ex));
			if (!session.isLoggedIn() && session.openPrompt() == null && !session.isClosing()) {
				this.login.start(session);
			}
		}
	}

	private void route(ChatSession session, String text) {
		OpenPrompt prompt = session.openPrompt();
		boolean command = text.startsWith("//");
		// a secret prompt takes any line as its answer, but exactly //quit (6 characters: never a valid password)
		boolean answer = prompt != null && (!command || (prompt.prompt().secret() && !text.equals(QUIT)));
		if (answer) {
			session.takePrompt().answer().accept(session, text);
			return;
		}
		if (command) {
			long logins = session.loginsStarted();
			this.gate.dispatch(session, text);
			// a login the command started shows the prompt again itself if it fails
			if (prompt != null && session.openPrompt() == prompt && !session.isClosing()
					&& session.loginsStarted() == logins) {
				session.showPrompt(prompt);
			}
			return;
		}
		if (!session.isLoggedIn()) {
			session.error(null, new ChatException(ErrorCode.NOT_LOGGED_IN, "Log in first."));
			return;
		}
		if (!text.isBlank()) {
			this.gate.dispatch(session, SAY, text);
		}
	}

	@Override
	public void completeLogin(ChatSession session, Login login) {
		ChatUser user = login.user();
		List<String> joined = this.channels.channelsAtLogin(user);
		session.clearPrompt();
		session.loggedIn(user, joined, this.channels.defaultChannel());
		this.followUp.prepare(session, user);
		this.registry.indexLogin(session);
		boolean firstSession = !this.followUp.isOnline(user);
		this.presence.online(new OnlineUser(session.id(), user.id(), user.name(), session.connectedAt(), this.node.id(),
				session.remoteAddress()));
		if (!this.registry.contains(session)) {
			// the connection closed while logging in: undo, or the user would stay online forever
			this.registry.unindex(session);
			this.presence.offline(session.id());
			return;
		}
		ChatException vetoed = vetoedMeanwhile(user);
		if (vetoed != null) {
			session.error(null, vetoed);
			session.bye(vetoed.code().code());
			return;
		}
		session.send(new ServerEvent.LoggedIn(user.name(), user.roleNames(), session.currentChannel(),
				login.resumeToken()));
		this.followUp.catchUp(session, user);
		if (firstSession) {
			this.followUp.cameOnline(user);
		}
	}

	@Override
	public void loginRefused(ChatSession session) {
		OpenPrompt prompt = session.openPrompt();
		if (prompt != null) {
			session.showPrompt(prompt);
		}
		else {
			this.login.start(session);
		}
	}

	/**
	 * The guards once more, now that the session is indexed: a ban committed after the password check but before
	 * the session could hear of it would otherwise let the user in. From memory, so cheap.
	 */
	private ChatException vetoedMeanwhile(ChatUser user) {
		try {
			this.loginGuards.orderedStream().forEach(guard -> guard.check(user));
			return null;
		}
		catch (ChatException ex) {
			return ex;
		}
	}

	@Override
	public void closed(String connectionId) {
		ChatSession session = this.registry.remove(connectionId);
		if (session != null && session.isLoggedIn()) {
			ChatUser user = session.user().orElseThrow();
			this.followUp.closing(user);
			this.presence.offline(connectionId);
			this.followUp.leftSession(user);
		}
	}

	@Override
	public void overflowed(String connectionId) {
		ChatSession session = this.registry.get(connectionId);
		if (session != null) {
			log.info("Dropping {}: it stopped reading and its send queue is full", session);
			this.metrics.slowConsumerDropped();
			session.bye("slow-consumer");
		}
	}

	@Override
	public boolean isQuiet(String connectionId, long linesAssembled) {
		ChatSession session = this.registry.get(connectionId);
		return session == null || session.isQuiet(linesAssembled);
	}

	void shutdown() {
		this.shuttingDown = true;
		this.registry.all().forEach(session -> session.bye("shutdown"));
	}

	/** Accepts connections again when a stopped context is started again. */
	void resume() {
		this.shuttingDown = false;
	}

}
