package io.tcpchat.transport;

import org.springframework.integration.ip.dsl.TcpServerConnectionFactorySpec;
import org.springframework.integration.ip.tcp.connection.TcpNioConnectionSupport;

/** The DSL spec of a {@link ChatNioServerConnectionFactory}. */
class ChatServerSpec extends TcpServerConnectionFactorySpec<ChatServerSpec, ChatNioServerConnectionFactory> {

	ChatServerSpec(int port) {
		super(new ChatNioServerConnectionFactory(port));
	}

	ChatServerSpec connectionSupport(TcpNioConnectionSupport support) {
		this.target.setTcpNioConnectionSupport(support);
		return this;
	}

}
