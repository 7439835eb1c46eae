package io.tcpchat.irc;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.tcpchat.connection.ConnectionHandler;
import io.tcpchat.connection.ConnectionInfo;
import io.tcpchat.connection.Format;
import io.tcpchat.connection.InboundLine;
import io.tcpchat.connection.Outbound;
import io.tcpchat.protocol.ServerEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * The IRC listeners' handler: to the session layer each IRC connection is an ordinary connection in the
 * {@code json} format, whose lines are chat commands. IRC lines from the client become those commands; the
 * events the session sends back are read and written to the client as IRC lines. So sessions, limits (per
 * address, login timeout, flood, keepalive, slow consumers, shutdown) and every chat rule stay where they are.
 */
final class IrcGateway implements ConnectionHandler {

	private static final Logger log = LoggerFactory.getLogger(IrcGateway.class);

	private final ConnectionHandler sessions;

	private final IrcServer server;

	private final ObjectReader events;

	private final Map<String, IrcClient> clients = new ConcurrentHashMap<>();

	/**
	 * The frame read last and its event. A chat event is rendered once per format and the same frame handed to each
	 * recipient in turn, so a message to a channel of 2,000 IRC users is read once, not 2,000 times.
	 */
	private volatile Read last;

	IrcGateway(ConnectionHandler sessions, IrcServer server, JsonMapper jsonMapper) {
		this.sessions = sessions;
		this.server = server;
		this.events = jsonMapper.readerFor(ServerEvent.class);
	}

	@Override
	public void opened(ConnectionInfo connection, Outbound outbound) {
		IrcClient client = new IrcClient(connection.id(), this.server, outbound, this.sessions);
		this.clients.put(connection.id(), client);
		this.sessions.opened(new ConnectionInfo(connection.id(), connection.remoteAddress(), connection.listener(),
				Format.JSON), new SessionSide(client));
	}

	@Override
	public void received(String connectionId, long sequence, InboundLine line) {
		IrcClient client = this.clients.get(connectionId);
		if (client != null) {
			client.receive(sequence, line, l -> IrcCommands.handle(client, l));
		}
	}

	@Override
	public void closed(String connectionId) {
		this.clients.remove(connectionId);
		this.sessions.closed(connectionId);
	}

	@Override
	public void overflowed(String connectionId) {
		this.sessions.overflowed(connectionId);
	}

	@Override
	public boolean isQuiet(String connectionId, long linesAssembled) {
		IrcClient client = this.clients.get(connectionId);
		if (client == null) {
			return true;
		}
		return client.handledIn() >= linesAssembled && this.sessions.isQuiet(connectionId, client.forwarded());
	}

	private ServerEvent read(byte[] frame) {
		Read previous = this.last;
		if (previous != null && previous.frame() == frame) {
			return previous.event();
		}
		try {
			ServerEvent event = this.events.readValue(frame);
			this.last = new Read(frame, event);
			return event;
		}
		catch (JacksonException ex) {
			log.warn("Could not read a chat event for an IRC client: {}", ex.getMessage());
			return null;
		}
	}

	/** A frame and what it said; frames are never changed once handed on, so the same array means the same event. */
	private record Read(byte[] frame, ServerEvent event) {
	}

	/** What the session writes to: its events, rendered as IRC lines to the client's socket. */
	private final class SessionSide implements Outbound {

		private final IrcClient client;

		SessionSide(IrcClient client) {
			this.client = client;
		}

		@Override
		public boolean send(byte[] frame) {
			ServerEvent event = read(frame);
			if (event == null) {
				return true;
			}
			boolean delivered;
			synchronized (this.client) {
				IrcEvents.render(this.client, event);
				delivered = this.client.takeDelivered();
			}
			this.client.flush();
			return delivered;
		}

		@Override
		public void sendLast(byte[] frame) {
			ServerEvent event = read(frame);
			synchronized (this.client) {
				if (event instanceof ServerEvent.Bye bye) {
					this.client.sendLast(IrcEvents.closingLink(this.client, bye));
					return;
				}
				if (event != null) {
					IrcEvents.render(this.client, event);
				}
			}
			this.client.socket().closeAfterFlush();
		}

		@Override
		public void closeAfterFlush() {
			this.client.socket().closeAfterFlush();
		}

		@Override
		public long queuedBytes() {
			return this.client.socket().queuedBytes();
		}

	}

}
