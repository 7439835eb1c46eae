package io.tcpchat.irc;

import java.util.Set;

import io.tcpchat.config.ChatProperties;
import io.tcpchat.connection.ConnectionHandler;
import io.tcpchat.connection.Dialect;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * IRC (RFC 1459/2812 client protocol, IRCv3 CAP, SASL PLAIN and the capabilities of {@link IrcServer}) as a
 * dialect of the IRC listeners: see docs/irc.md.
 */
@Component
@ConditionalOnProperty(name = "chat.irc.enabled", havingValue = "true", matchIfMissing = true)
class IrcDialect implements Dialect {

	private final ChatProperties properties;

	private final JsonMapper jsonMapper;

	IrcDialect(ChatProperties properties, JsonMapper jsonMapper) {
		this.properties = properties;
		this.jsonMapper = jsonMapper;
	}

	@Override
	public Set<String> listeners() {
		return Set.of("irc", "irc-tls");
	}

	@Override
	public ConnectionHandler over(ConnectionHandler sessions) {
		return new IrcGateway(sessions, new IrcServer(this.properties.irc(),
				this.properties.registration() == ChatProperties.Registration.OPEN), this.jsonMapper);
	}

}
